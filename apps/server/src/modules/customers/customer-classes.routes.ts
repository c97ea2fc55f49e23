import { z } from 'zod';
import { errorBody, id } from '@kefu/shared/api';
import {
  classChange, classOverrideBody, classRules, classRulesBody, customerMeasuresBody, recomputeBody, recomputePreview, recomputeRun,
} from '@kefu/shared/customer-classes-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { currentClassRules, saveClassRules } from './class-rules.ts';
import { localToday, previewRecompute } from './class-recompute.ts';
import { listRecomputeRuns, recomputeRun as runById, startRecompute } from './class-runs.ts';
import { classHistory, setClassOverride, upsertMeasures } from './class-override.ts';

const manage = { permission: 'customer:manage' as const };
const view = { permission: 'customer:view' as const };
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** Customer classes (客户分类, CUS-05..08): the rules, the quarterly recompute with its preview, overrides, history. */
export function customerClassRoutes(app: App, { db, config }: Deps, runner: JobRunner): void {
  const tz = config.KEFU_TIMEZONE;

  app.get('/api/v1/customer-classes', {
    config: view,
    schema: { tags: ['customers'], summary: 'The class rules in force (A/B/C by default: CUS-06..08), with their version', response: { 200: classRules, ...errors } },
  }, async () => currentClassRules(db));

  app.put('/api/v1/customer-classes', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'Save the class rules as a new version (takes effect at the next recompute)',
      description: 'classes: highest first; a customer gets the first whose conditions hold (combine any: one is enough; all: every one); fallback: everyone else.',
      body: classRulesBody, response: { 200: classRules, ...errors },
    },
  }, async (req) => saveClassRules(db, principalOf(req).userId, req.body));

  app.post('/api/v1/customer-classes/recompute', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'Recompute every customer\'s class: a preview of who moves from which class to which (apply: false), or apply it in the background (apply: true → 202, a run with progress)',
      body: recomputeBody, response: { 200: recomputePreview, 202: recomputeRun, ...errors },
    },
  }, async (req, reply) => {
    if (!req.body.apply) return previewRecompute(db, await currentClassRules(db), localToday(tz), tz, req.body.limit);
    return reply.status(202).send(await startRecompute(db, runner, principalOf(req).userId, tz));
  });

  app.get('/api/v1/customer-classes/runs', {
    config: manage,
    schema: { tags: ['customers'], summary: 'Recent recomputes, newest first, with their progress', querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }), response: { 200: z.object({ items: z.array(recomputeRun) }), ...errors } },
  }, async (req) => ({ items: await listRecomputeRuns(db, req.query.limit) }));

  app.get('/api/v1/customer-classes/runs/:id', {
    config: manage,
    schema: { tags: ['customers'], summary: 'One recompute and its progress (done of total)', params: z.object({ id }), response: { 200: recomputeRun, ...errors } },
  }, async (req) => runById(db, req.params.id));

  app.put('/api/v1/customers/:id/class', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'Set a customer\'s class by hand, with a reason and optionally a last day (kept over the rules until then); classKey null lifts it',
      params: z.object({ id }), body: classOverrideBody, response: { 200: z.object({ items: z.array(classChange) }), ...errors },
    },
  }, async (req) => {
    await setClassOverride(db, principalOf(req).userId, req.params.id, { classKey: req.body.classKey, reason: req.body.reason, until: req.body.until }, tz);
    return { items: await classHistory(db, req.params.id, 50) };
  });

  app.get('/api/v1/customers/:id/class-history', {
    config: view,
    schema: { tags: ['customers'], summary: 'A customer\'s class changes, newest first, with why', params: z.object({ id }), response: { 200: z.object({ items: z.array(classChange) }), ...errors } },
  }, async (req) => ({ items: await classHistory(db, req.params.id, 100) }));

  app.put('/api/v1/customer-measures', {
    config: manage,
    schema: {
      tags: ['customers'], summary: 'Record customers\' figures per quarter (revenue, payments, referrals) for the class rules; a figure left out keeps its value',
      body: customerMeasuresBody, response: { 200: z.object({ written: z.number().int() }), ...errors },
    },
  }, async (req) => ({ written: await upsertMeasures(db, req.body.rows) }));
}
