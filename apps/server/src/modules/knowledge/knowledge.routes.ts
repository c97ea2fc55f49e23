import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { kbArticle, kbArticleBody, kbArticleList, kbArticlePatch, kbFeedbackBody, kbQuery, kbReviewBody, kbSuggestQuery, kbArticleSummary } from '@kefu/shared/knowledge-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { can, requirePermission, type Principal } from '../../platform/auth/principal.ts';
import { archiveArticle, changeArticle, createArticle, recordFeedback, reviewVersion } from './knowledge.commands.ts';
import { articleDetail, searchArticles, suggestArticles } from './knowledge.queries.ts';
import { kbTaxonomyRoutes } from './kb-taxonomy.routes.ts';
import { cannedReplyRoutes } from './canned-replies.routes.ts';
import { errors, idParams } from './route-parts.ts';

const edit = { permission: 'kb:edit' as const };
const publish = { permission: 'kb:publish' as const };
const isEditor = (p: Principal) => can(p, 'kb:edit') || can(p, 'kb:publish');
/** who reads: editors see every version, everyone their own "was this useful" */
const viewerOf = (req: FastifyRequest) => ({ userId: principalOf(req).userId, editor: isEditor(principalOf(req)) });

/**
 * The knowledge base (知识库, KB-01..15): every signed-in agent reads; editors
 * write drafts; reviewers publish. Categories and synonyms, and canned
 * replies (话术), have their own files.
 */
export function knowledgeRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/kb/articles', {
    schema: {
      tags: ['knowledge'], summary: 'Search the knowledge base (jieba words with synonyms; every word must match; the most useful first)',
      description: 'state other than `published` (outside their dates, review queue, drafts, archived) needs kb:edit or kb:publish. total counts up to 1,000; totalCapped says there are more.',
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
  }, async (req) => articleDetail(db, req.params.id, viewerOf(req)));

  app.post('/api/v1/kb/articles', {
    config: edit,
    schema: { tags: ['knowledge'], summary: 'Write a new article or FAQ (a draft, or sent for review with submit)', body: kbArticleBody, response: { 201: kbArticle, ...errors } },
  }, async (req, reply) => {
    const articleId = await createArticle(db, principalOf(req).userId, req.body);
    return reply.status(201).send(await articleDetail(db, articleId, viewerOf(req)));
  });

  app.patch('/api/v1/kb/articles/:id', {
    config: edit,
    schema: {
      tags: ['knowledge'], summary: 'Change an article: a new title or text is the next version (a draft until approved); submit sends it for review',
      params: idParams, body: kbArticlePatch, response: { 200: kbArticle, ...errors },
    },
  }, async (req) => {
    await changeArticle(db, principalOf(req).userId, req.params.id, req.body);
    return articleDetail(db, req.params.id, viewerOf(req));
  });

  app.post('/api/v1/kb/articles/:id/review', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Approve (publish) or send back a version waiting for review', params: idParams, body: kbReviewBody, response: { 200: kbArticle, ...errors } },
  }, async (req) => {
    await reviewVersion(db, principalOf(req).userId, req.params.id, req.body.version, req.body.approve, req.body.note);
    return articleDetail(db, req.params.id, viewerOf(req));
  });

  app.post('/api/v1/kb/articles/:id/archive', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Take an article out of use (archived: true) or back (false)', params: idParams, body: z.object({ archived: z.boolean() }).strict(), response: { 200: kbArticle, ...errors } },
  }, async (req) => {
    await archiveArticle(db, req.params.id, req.body.archived);
    return articleDetail(db, req.params.id, viewerOf(req));
  });

  app.post('/api/v1/kb/articles/:id/feedback', {
    schema: {
      tags: ['knowledge'], summary: 'Was this useful? One answer per reader of a published article, which they may change',
      params: idParams, body: kbFeedbackBody, response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    await recordFeedback(db, req.params.id, principalOf(req).userId, req.body.useful);
    return reply.status(204).send(null);
  });

  kbTaxonomyRoutes(app, db);
  cannedReplyRoutes(app, db);
}
