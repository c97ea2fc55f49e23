import { z } from 'zod';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { errorBody, id } from '@kefu/shared/api';
import {
  cannedQuery, cannedReply, cannedReplyBody, cannedReplyPatch, kbArticle, kbArticleBody, kbArticlePatch, kbArticleList, kbArticleSummary, kbCategory, kbCategoryBody,
  kbFeedbackBody, kbQuery, kbReviewBody, kbSuggestQuery, kbSynonymBody, kbSynonymGroup, type CannedReply,
} from '@kefu/shared/knowledge-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { can, requirePermission, type Principal } from '../../platform/auth/principal.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { cannedReplies, kbCategories, kbSynonyms, teams } from '../../db/schema/index.ts';
import { alternativesQuery } from '../../platform/search/tokenize.ts';
import {
  archiveArticle, changeArticle, countCannedUse, createArticle, deleteCannedReply, recordFeedback, reviewVersion, saveCannedReply,
} from './knowledge.commands.ts';
import { articleDetail, searchArticles, suggestArticles, synonymGroups } from './knowledge.queries.ts';

const edit = { permission: 'kb:edit' as const };
const publish = { permission: 'kb:publish' as const };
const idParams = z.object({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const isEditor = (p: Principal) => can(p, 'kb:edit') || can(p, 'kb:publish');

/** The knowledge base (知识库, KB-01..15): every signed-in agent reads; editors write drafts; reviewers publish. */
export function knowledgeRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/kb/articles', {
    schema: {
      tags: ['knowledge'], summary: 'Search the knowledge base (jieba words with synonyms; every word must match; the most useful first)',
      description: 'state other than `published` (review queue, drafts, archived) needs kb:edit or kb:publish.',
      querystring: kbQuery, response: { 200: kbArticleList, ...errors },
    },
  }, async (req) => {
    if (req.query.state !== 'published' && !isEditor(principalOf(req))) requirePermission(principalOf(req), 'kb:edit');
    return searchArticles(db, req.query);
  });

  app.get('/api/v1/kb/suggest', {
    schema: {
      tags: ['knowledge'], summary: 'Articles that fit a text: the work-order form\'s words, or the customer\'s last chat message',
      querystring: kbSuggestQuery, response: { 200: z.object({ items: z.array(kbArticleSummary) }), ...errors },
    },
  }, async (req) => ({ items: await suggestArticles(db, req.query.text, req.query.limit) }));

  app.get('/api/v1/kb/articles/:id', {
    schema: { tags: ['knowledge'], summary: 'An article: the published text; editors also see every version', params: idParams, response: { 200: kbArticle, ...errors } },
  }, async (req) => articleDetail(db, req.params.id, isEditor(principalOf(req))));

  app.post('/api/v1/kb/articles', {
    config: edit,
    schema: { tags: ['knowledge'], summary: 'Write a new article or FAQ (a draft, or sent for review with submit)', body: kbArticleBody, response: { 201: kbArticle, ...errors } },
  }, async (req, reply) => {
    const me = principalOf(req);
    const articleId = await createArticle(db, me.userId, req.body);
    return reply.status(201).send(await articleDetail(db, articleId, true));
  });

  app.patch('/api/v1/kb/articles/:id', {
    config: edit,
    schema: {
      tags: ['knowledge'], summary: 'Change an article: a new title or text is the next version (a draft until approved); submit sends it for review',
      params: idParams, body: kbArticlePatch, response: { 200: kbArticle, ...errors },
    },
  }, async (req) => {
    await changeArticle(db, principalOf(req).userId, req.params.id, req.body);
    return articleDetail(db, req.params.id, true);
  });

  app.post('/api/v1/kb/articles/:id/review', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Approve (publish) or send back a version waiting for review', params: idParams, body: kbReviewBody, response: { 200: kbArticle, ...errors } },
  }, async (req) => {
    await reviewVersion(db, principalOf(req).userId, req.params.id, req.body.version, req.body.approve, req.body.note);
    return articleDetail(db, req.params.id, true);
  });

  app.post('/api/v1/kb/articles/:id/archive', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Take an article out of use (archived: true) or back (false)', params: idParams, body: z.object({ archived: z.boolean() }).strict(), response: { 200: kbArticle, ...errors } },
  }, async (req) => {
    await archiveArticle(db, req.params.id, req.body.archived);
    return articleDetail(db, req.params.id, true);
  });

  app.post('/api/v1/kb/articles/:id/feedback', {
    schema: { tags: ['knowledge'], summary: 'Was this useful? (counted per article)', params: idParams, body: kbFeedbackBody, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await recordFeedback(db, req.params.id, req.body.useful);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/kb/categories', {
    schema: { tags: ['knowledge'], summary: 'Categories of the knowledge base', response: { 200: z.object({ items: z.array(kbCategory) }) } },
  }, async () => ({ items: await db.select({ id: kbCategories.id, name: kbCategories.name, parentId: kbCategories.parentId, sort: kbCategories.sort }).from(kbCategories).orderBy(asc(kbCategories.sort), asc(kbCategories.name)) }));

  app.post('/api/v1/kb/categories', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Add a category', body: kbCategoryBody, response: { 201: kbCategory, ...errors } },
  }, async (req, reply) => {
    if (req.body.parentId) {
      const [parent] = await db.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, req.body.parentId));
      if (!parent) throw new AppError('REFERENCE_NOT_FOUND', { what: 'kbCategory', id: req.body.parentId });
    }
    const [row] = await db.insert(kbCategories).values({ name: req.body.name, parentId: req.body.parentId ?? null, sort: req.body.sort ?? 0 })
      .returning({ id: kbCategories.id, name: kbCategories.name, parentId: kbCategories.parentId, sort: kbCategories.sort });
    return reply.status(201).send(row);
  });

  app.get('/api/v1/kb/synonyms', {
    schema: { tags: ['knowledge'], summary: 'Synonym groups used by the search (酸奶 = 酸牛奶)', response: { 200: z.object({ items: z.array(kbSynonymGroup) }) } },
  }, async () => ({ items: await db.select({ id: kbSynonyms.id, words: kbSynonyms.words }).from(kbSynonyms).orderBy(asc(kbSynonyms.createdAt)) }));

  app.post('/api/v1/kb/synonyms', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Add a group of words that mean the same', body: kbSynonymBody, response: { 201: kbSynonymGroup, ...errors } },
  }, async (req, reply) => {
    const [row] = await db.insert(kbSynonyms).values({ words: [...new Set(req.body.words.map((w) => w.toLowerCase()))] }).returning({ id: kbSynonyms.id, words: kbSynonyms.words });
    return reply.status(201).send(row);
  });

  app.delete('/api/v1/kb/synonyms/:id', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Remove a synonym group', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const rows = await db.delete(kbSynonyms).where(eq(kbSynonyms.id, req.params.id)).returning({ id: kbSynonyms.id });
    if (!rows.length) throw notFound('kbSynonym');
    return reply.status(204).send(null);
  });

  cannedReplyRoutes(app, db);
}

function cannedReplyRoutes(app: App, db: Deps['db']): void {
  const present = (r: typeof cannedReplies.$inferSelect & { teamName: string | null }): CannedReply => ({
    id: r.id, teamId: r.teamId, teamName: r.teamName, shortcut: r.shortcut, title: r.title, body: r.body, category: r.category,
    useCount: r.useCount, updatedAt: r.updatedAt.toISOString(),
  });
  const select = () => db.select({ r: cannedReplies, teamName: teams.name }).from(cannedReplies).leftJoin(teams, eq(teams.id, cannedReplies.teamId));
  const one = async (replyId: string) => {
    const [row] = await select().where(eq(cannedReplies.id, replyId));
    if (!row) throw notFound('cannedReply');
    return present({ ...row.r, teamName: row.teamName });
  };
  /** editors keep their own team's and the shared ones; kb:publish keeps all */
  const mayKeep = (me: Principal, teamId: string | null | undefined) => {
    if (can(me, 'kb:publish')) return;
    if (teamId && teamId === me.teamId) return;
    throw new AppError('FORBIDDEN', { permission: 'kb:publish' });
  };

  app.get('/api/v1/canned-replies', {
    schema: {
      tags: ['knowledge'], summary: "Canned replies (话术) for my team and everyone's, most used first; q matches the shortcut, title and text",
      description: 'Variables in the text: {customerName}, {agentName}, {jobNumber}, {shopName} (fillVariables in packages/shared/src/knowledge-api.ts).',
      querystring: cannedQuery, response: { 200: z.object({ items: z.array(cannedReply) }), ...errors },
    },
  }, async (req) => {
    const me = principalOf(req);
    const conds = [me.teamId ? or(isNull(cannedReplies.teamId), eq(cannedReplies.teamId, me.teamId)) : isNull(cannedReplies.teamId)];
    if (req.query.q) {
      const tsq = alternativesQuery(await synonymGroups(db, req.query.q), true);
      const prefix = `${req.query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      conds.push(or(sql`${cannedReplies.shortcut} ilike ${prefix}`, tsq ? sql`${cannedReplies.searchVector} @@ ${tsq}::tsquery` : undefined));
    }
    const rows = await select().where(and(...conds)).orderBy(desc(cannedReplies.useCount), asc(cannedReplies.shortcut)).limit(req.query.limit);
    return { items: rows.map((r) => present({ ...r.r, teamName: r.teamName })) };
  });

  app.post('/api/v1/canned-replies', {
    config: edit,
    schema: { tags: ['knowledge'], summary: 'Add a canned reply (for a team, or for everyone with kb:publish)', body: cannedReplyBody, response: { 201: cannedReply, ...errors } },
  }, async (req, reply) => {
    const me = principalOf(req);
    mayKeep(me, req.body.teamId);
    return reply.status(201).send(await one(await saveCannedReply(db, me.userId, null, req.body)));
  });

  app.patch('/api/v1/canned-replies/:id', {
    config: edit,
    schema: { tags: ['knowledge'], summary: 'Change a canned reply', params: idParams, body: cannedReplyPatch, response: { 200: cannedReply, ...errors } },
  }, async (req) => {
    const me = principalOf(req);
    const old = await one(req.params.id);
    mayKeep(me, old.teamId);
    if (req.body.teamId !== undefined) mayKeep(me, req.body.teamId);
    return one(await saveCannedReply(db, me.userId, req.params.id, req.body));
  });

  app.delete('/api/v1/canned-replies/:id', {
    config: edit,
    schema: { tags: ['knowledge'], summary: 'Remove a canned reply', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const me = principalOf(req);
    mayKeep(me, (await one(req.params.id)).teamId);
    await deleteCannedReply(db, req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/canned-replies/:id/used', {
    schema: { tags: ['knowledge'], summary: 'Count one use (the composer calls it when a canned reply is inserted)', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await countCannedUse(db, req.params.id);
    return reply.status(204).send(null);
  });
}
