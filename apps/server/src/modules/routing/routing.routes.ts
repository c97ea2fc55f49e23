import { z } from 'zod';
import { and, asc, desc, eq } from 'drizzle-orm';
import { errorBody, id, isoDate } from '@kefu/shared/api';
import { RULE_TRIGGERS, ruleBody, ruleUpdateBody } from '@kefu/shared/rules';
import { positionOut, rulePreviewOut, ruleOut, ruleRunOut, ruleTemplateOut, ruleVersionOut } from '@kefu/shared/routing-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { positionHolders, positions, ruleRuns, rules, tickets } from '../../db/schema/index.ts';
import { scopeCondition } from '../tickets/tickets.queries.ts';
import { notFound } from '../../platform/errors.ts';
import { toRule, clearRuleCache, type Rule } from './rules.repository.ts';
import { createRule, ruleHistory, updateRule } from './save-rule.ts';
import { previewRules } from './preview-rules.ts';
import { installTemplate, TEMPLATES } from './install-template.ts';
import { upsertPosition } from './positions.repository.ts';
import { mustExist } from '../org/org.queries.ts';
import { invalidateOrgDirectory } from '../org/org.queries.ts';

const manage = { permission: 'rule:manage' as const };
const idParams = z.object({ id });
const present = (r: Rule) => ({ ...r, updatedAt: r.updatedAt.toISOString() });
const errors = { 400: errorBody, 404: errorBody, 422: errorBody };

export function routingRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/rules', {
    config: manage,
    schema: { tags: ['routing'], summary: 'Routing and escalation rules, in evaluation order', response: { 200: z.object({ items: z.array(ruleOut) }) } },
  }, async () => ({ items: (await db.select().from(rules).orderBy(asc(rules.position), asc(rules.createdAt))).map(toRule).map(present) }));

  app.post('/api/v1/rules', {
    config: manage,
    schema: { tags: ['routing'], summary: 'Create a rule (validated; unknown people, teams or positions are refused)', body: ruleBody, response: { 201: ruleOut, ...errors } },
  }, async (req, reply) => reply.status(201).send(present(await createRule(db, req.body, principalOf(req).userId))));

  app.get('/api/v1/rules/:id', {
    config: manage,
    schema: { tags: ['routing'], summary: 'One rule', params: idParams, response: { 200: ruleOut, ...errors } },
  }, async (req) => {
    const [row] = await db.select().from(rules).where(eq(rules.id, req.params.id));
    if (!row) throw notFound('rule');
    return present(toRule(row));
  });

  app.patch('/api/v1/rules/:id', {
    config: manage,
    schema: { tags: ['routing'], summary: 'Change a rule (only the fields sent; a new version is kept)', params: idParams, body: ruleUpdateBody, response: { 200: ruleOut, ...errors } },
  }, async (req) => present(await updateRule(db, req.params.id, req.body, principalOf(req).userId)));

  app.delete('/api/v1/rules/:id', {
    config: manage,
    schema: { tags: ['routing'], summary: 'Delete a rule', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const rows = await db.delete(rules).where(eq(rules.id, req.params.id)).returning({ id: rules.id });
    if (!rows.length) throw notFound('rule');
    clearRuleCache(db);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/rules/:id/versions', {
    config: manage,
    schema: {
      tags: ['routing'], summary: 'Version history of a rule', params: idParams,
      response: { 200: z.object({ items: z.array(ruleVersionOut) }) },
    },
  }, async (req) => ({
    items: (await ruleHistory(db, req.params.id)).map((r) => ({ version: r.v.version, snapshot: r.v.snapshot, changedBy: r.by, at: r.v.at.toISOString() })),
  }));

  app.post('/api/v1/rules/preview', {
    config: manage,
    schema: {
      tags: ['routing'], summary: 'Test the rules against a work order: which would fire and what they would do (changes nothing)',
      body: z.object({ ticketId: id, trigger: z.enum(RULE_TRIGGERS).default('ticket.created'), changed: z.array(z.string().max(80)).max(50).default([]) }).strict(),
      response: { 200: rulePreviewOut, ...errors },
    },
  }, async (req) => previewRules(db, principalOf(req), req.body.ticketId, req.body.trigger, req.body.changed));

  app.get('/api/v1/rule-runs', {
    config: { permission: 'supervisor:view' },
    schema: {
      tags: ['routing'], summary: 'What rules did (fired, loop prevented), newest first',
      querystring: z.object({ ticketId: id.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(ruleRunOut) }) },
    },
  }, async (req) => {
    // only runs on work orders the viewer may see (data scope, hidden-from)
    const rows = await db.select({ r: ruleRuns }).from(ruleRuns).innerJoin(tickets, eq(tickets.id, ruleRuns.ticketId))
      .where(and(scopeCondition(principalOf(req)), req.query.ticketId ? eq(ruleRuns.ticketId, req.query.ticketId) : undefined))
      .orderBy(desc(ruleRuns.id)).limit(req.query.limit);
    // the join keeps runs on work orders only (a rule on a customer event has none)
    return { items: rows.map(({ r }) => ({ ...r, ticketId: r.ticketId!, at: r.at.toISOString() })) };
  });

  app.get('/api/v1/positions', {
    schema: { tags: ['routing'], summary: 'Abstract positions (岗位) rules name, with the people bound to them', response: { 200: z.object({ items: z.array(positionOut) }) } },
  }, async () => {
    const [ps, hs] = await Promise.all([db.select().from(positions).orderBy(asc(positions.key)), db.select().from(positionHolders)]);
    return { items: ps.map((p) => ({ id: p.id, key: p.key, name: p.name, nameEn: p.nameEn, holderIds: hs.filter((h) => h.positionId === p.id).map((h) => h.userId) })) };
  });

  app.put('/api/v1/positions/:key', {
    config: manage,
    schema: {
      tags: ['routing'], summary: 'Create a position or rebind its people (rules keep working: they name the position)',
      params: z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/) }),
      body: z.object({ name: z.string().trim().min(1).max(64), nameEn: z.string().trim().max(64).nullable().optional(), holderIds: z.array(id).max(50) }).strict(),
      response: { 200: positionOut, ...errors },
    },
  }, async (req) => {
    for (const u of req.body.holderIds) await mustExist(db, 'user', u);
    const pid = await db.transaction((tx) => upsertPosition(tx, req.params.key, req.body.name, req.body.nameEn ?? null, [...new Set(req.body.holderIds)]));
    invalidateOrgDirectory();
    return { id: pid, key: req.params.key, name: req.body.name, nameEn: req.body.nameEn ?? null, holderIds: [...new Set(req.body.holderIds)] };
  });

  app.get('/api/v1/rule-templates', {
    config: manage,
    schema: { tags: ['routing'], summary: 'Industry templates that can be loaded', response: { 200: z.object({ items: z.array(ruleTemplateOut) }) } },
  }, async () => ({ items: TEMPLATES.map((t) => ({ key: t.key, name: t.name, description: t.description, rules: t.rules.length })) }));

  app.post('/api/v1/rule-templates/:key/load', {
    config: manage,
    schema: { tags: ['routing'], summary: "Load an industry template's positions and rules (replaces that template's earlier rules)", params: z.object({ key: z.string().max(64) }), response: { 200: z.object({ rules: z.number().int(), positions: z.number().int() }), ...errors } },
  }, async (req) => installTemplate(db, req.params.key, principalOf(req).userId));
}
