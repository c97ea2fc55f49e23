import { z } from 'zod';
import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { CANNED_VARIABLES, cannedQuery, cannedReply, cannedReplyBody, cannedReplyPatch, type CannedReply } from '@kefu/shared/knowledge-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { cannedReplies, teams } from '../../db/schema/index.ts';
import { alternativesQuery } from '../../platform/search/tokenize.ts';
import { countCannedUse, deleteCannedReply, saveCannedReply } from './canned-replies.commands.ts';
import { synonymGroups } from './knowledge.queries.ts';
import { errors, idParams } from './route-parts.ts';

const edit = { permission: 'kb:edit' as const };
const variables = CANNED_VARIABLES.map((v) => `{${v}}`).join(', ');

/**
 * Canned replies (话术): everyone's (team null) and each team's. Agents use
 * their team's and everyone's; kb:edit keeps their own team's, kb:publish all.
 */
export function cannedReplyRoutes(app: App, db: Deps['db']): void {
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
  /** whose replies a list shows (cannedQuery.team); another team's, or all, are for kb:publish */
  const whose = (me: Principal, team: string | undefined): SQL | undefined => {
    if (team === 'shared') return isNull(cannedReplies.teamId);
    if (team === undefined) return me.teamId ? or(isNull(cannedReplies.teamId), eq(cannedReplies.teamId, me.teamId)) : isNull(cannedReplies.teamId);
    if (team !== me.teamId && !can(me, 'kb:publish')) throw new AppError('FORBIDDEN', { permission: 'kb:publish' });
    return team === 'all' ? undefined : eq(cannedReplies.teamId, team);
  };

  app.get('/api/v1/canned-replies', {
    schema: {
      tags: ['knowledge'], summary: "Canned replies (话术): my team's and everyone's (or `team`), most used first; q matches the shortcut, title and text",
      description: `Variables in the text: ${variables} (fillVariables in packages/shared/src/knowledge-api.ts); the shop's come from the chat channel's settings.shop.`,
      querystring: cannedQuery, response: { 200: z.object({ items: z.array(cannedReply) }), ...errors },
    },
  }, async (req) => {
    const me = principalOf(req);
    const conds = [whose(me, req.query.team)];
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
    schema: {
      tags: ['knowledge'], summary: 'Add a canned reply (for a team, or for everyone with kb:publish)',
      description: `422 CANNED_UNKNOWN_VARIABLE for a {name} other than ${variables}; 409 CANNED_SHORTCUT_TAKEN for a shortcut used in the same team.`,
      body: cannedReplyBody, response: { 201: cannedReply, ...errors },
    },
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
