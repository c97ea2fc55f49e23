import { z } from 'zod';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { errorBody, id, isoDate, isoDateTimeInput } from '@kefu/shared/api';
import {
  CALLBACK_STATUSES, attemptBody, callbackCloseBody, callbackPolicyBody, callbackPolicyUpdateBody, callbackScriptBody,
  callbackScriptUpdateBody, campaignBody, campaignFilter, fillScript, quietHoursBody,
} from '@kefu/shared/callbacks';
import { callbackListItem, callbackReport as callbackReportOut, callbackTask, satisfactionTrendPoint } from '@kefu/shared/callbacks-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { businessCalendars, callbackAttempts, callbackPolicies, callbackScripts, callbackTasks, customers, quietHourRules, teams, tickets, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { quietHoursList } from '../../platform/time/quiet-hours.ts';
import { presentCustomer } from '../customers/customers.queries.ts';
import { customerHistory } from '../interactions/interactions.queries.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { callbackReport, REPORT_GROUPS, satisfactionTrend } from './callback-report.ts';
import { reportWorkbook } from './report-xlsx.ts';
import { campaignProgress, closeCampaign, startCampaign } from './campaigns.ts';
import { countCustomers } from '../customers/customer-selection.queries.ts';
import { listCallbacks, mayViewCallback, presentTask } from './list-callbacks.ts';
import { quietHoursFor, quietState } from '../customers/quiet-hours.queries.ts';
import { assertMayWork, lockTask, recordAttempt } from './record-attempt.ts';
import { cancelTimers } from './schedule-callbacks.ts';

const work = { permission: 'callback:work' as const };
const manage = { permission: 'callback:manage' as const };
const idParams = z.object({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const boolish = z.enum(['true', 'false']).transform((v) => v === 'true');

const taskOut = callbackTask;
const listItem = callbackListItem;
const reportQuery = z.object({
  from: isoDateTimeInput, to: isoDateTimeInput,
  groupBy: z.enum(REPORT_GROUPS).default('policy'), teamId: id.optional(), assigneeId: id.optional(),
});

function presentPolicy(p: typeof callbackPolicies.$inferSelect) {
  return {
    id: p.id, name: p.name, enabled: p.enabled, kind: p.kind, callbackType: p.callbackType, triggerStatus: p.triggerStatus,
    conditions: p.conditions as unknown[], anchorField: p.anchorField, steps: p.steps as unknown[], calendarId: p.calendarId,
    scriptId: p.scriptId, assignee: p.assignee, channels: p.channels, coverageRequired: p.coverageRequired, sendSurvey: p.sendSurvey,
    targetMinutes: p.targetMinutes, template: p.template, updatedAt: p.updatedAt.toISOString(),
  };
}
const policyOut = z.object({
  id, name: z.string(), enabled: z.boolean(), kind: z.string(), callbackType: z.string(), triggerStatus: z.string(),
  conditions: z.array(z.unknown()), anchorField: z.string().nullable(), steps: z.array(z.unknown()), calendarId: id.nullable(),
  scriptId: id.nullable(), assignee: z.unknown(), channels: z.array(z.string()), coverageRequired: z.boolean(), sendSurvey: z.boolean(),
  targetMinutes: z.number(), template: z.string().nullable(), updatedAt: isoDate,
});
const scriptOut = z.object({ id, name: z.string(), opening: z.string(), questions: z.array(z.unknown()), branches: z.unknown(), updatedAt: isoDate });
const presentScript = (s: typeof callbackScripts.$inferSelect) => ({
  id: s.id, name: s.name, opening: s.opening, questions: s.questions as unknown[], branches: s.branches, updatedAt: s.updatedAt.toISOString(),
});

export function callbackRoutes(app: App, { db, config, unit }: Deps): void {
  const tz = config.KEFU_TIMEZONE;

  async function checkRefs(b: { calendarId?: string | null; scriptId?: string | null; assignee?: { mode: string; teamId?: string } }) {
    if (b.calendarId && !(await db.select({ id: businessCalendars.id }).from(businessCalendars).where(eq(businessCalendars.id, b.calendarId)))[0]) {
      throw new AppError('REFERENCE_NOT_FOUND', { what: 'calendar', id: b.calendarId });
    }
    if (b.scriptId && !(await db.select({ id: callbackScripts.id }).from(callbackScripts).where(eq(callbackScripts.id, b.scriptId)))[0]) {
      throw new AppError('REFERENCE_NOT_FOUND', { what: 'script', id: b.scriptId });
    }
    if (b.assignee?.mode === 'team' && b.assignee.teamId) {
      const [t] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, b.assignee.teamId));
      if (!t) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: b.assignee.teamId });
    }
  }

  // ---- the agent's list and workspace ----

  app.get('/api/v1/callbacks', {
    config: work,
    schema: {
      tags: ['callbacks'], summary: 'Callback tasks (回访) by deadline, overdue first: mine, my team\'s or all, with filters',
      querystring: z.object({
        view: z.enum(['mine', 'team', 'all']).default('mine'),
        status: z.string().regex(new RegExp(`^(${CALLBACK_STATUSES.join('|')})(,(${CALLBACK_STATUSES.join('|')}))*$`)).optional(),
        assigneeId: id.optional(), dueFrom: isoDateTimeInput.optional(), dueTo: isoDateTimeInput.optional(),
        ticketId: id.optional(), customerId: id.optional(), policyId: id.optional(), campaignId: id.optional(), overdue: boolish.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(200).optional(),
      }),
      response: { 200: z.object({ items: z.array(listItem), nextCursor: z.string().nullable() }), ...errors },
    },
  }, async (req) => listCallbacks(db, principalOf(req), { ...req.query, status: req.query.status?.split(',') }, tz));

  app.get('/api/v1/callbacks/:id', {
    config: work,
    schema: {
      tags: ['callbacks'], summary: 'One callback with everything the agent needs: customer and history, work order, script filled in, attempts, quiet hours',
      params: idParams,
      response: { 200: z.object({
        task: taskOut, customer: z.unknown(), ticket: z.unknown().nullable(), history: z.array(z.unknown()), attempts: z.array(z.unknown()),
        script: z.unknown().nullable(), quiet: z.object({ now: z.boolean(), until: isoDate.nullable(), windows: z.array(z.object({ start: z.string(), end: z.string() })) }),
        assigneeName: z.string().nullable(),
      }), ...errors },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const [task] = await db.select().from(callbackTasks).where(eq(callbackTasks.id, req.params.id));
    if (!task) throw notFound('callback');
    const [t] = task.ticketId ? await db.select().from(tickets).where(eq(tickets.id, task.ticketId)) : [];
    if (!mayViewCallback(viewer, task, t)) throw notFound('callback');
    assertMayWork(viewer, task);
    const [c] = await db.select().from(customers).where(eq(customers.id, task.customerId));
    const [agent] = task.assigneeId ? await db.select().from(users).where(eq(users.id, task.assigneeId)) : [];
    const [me] = await db.select().from(users).where(eq(users.id, viewer.userId));
    const attempts = await db.select({ a: callbackAttempts, agentName: users.displayName }).from(callbackAttempts)
      .leftJoin(users, eq(users.id, callbackAttempts.agentId)).where(eq(callbackAttempts.taskId, task.id)).orderBy(desc(callbackAttempts.at));
    const [s] = task.scriptId ? await db.select().from(callbackScripts).where(eq(callbackScripts.id, task.scriptId)) : [];
    const windows = await quietHoursFor(db, c.customerClass);
    const quiet = quietState(windows, tz, new Date());
    const vars = {
      customerName: c.name, service: t?.subject ?? task.source, company: config.KEFU_COMPANY_NAME,
      date: (t?.createdAt ?? task.createdAt).toLocaleDateString('zh-CN', { timeZone: tz }),
      agentName: me?.displayName ?? '', jobNumber: me?.jobNumber ?? '',
    };
    const script = s ? (() => {
      const b = s.branches as Record<string, { prompt: string; closing: string; followUp: string }>;
      const fill = (x: string) => fillScript(x, vars);
      return {
        id: s.id, name: s.name, opening: fill(s.opening),
        questions: (s.questions as { key: string; text: string; kind: string; options?: string[] }[]).map((q) => ({ ...q, text: fill(q.text) })),
        branches: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, { ...v, prompt: fill(v.prompt ?? ''), closing: fill(v.closing) }])),
      };
    })() : null;
    return {
      task: presentTask(task), customer: presentCustomer(c, viewer),
      ticket: t ? { id: t.id, number: t.number, type: t.type, subject: t.subject, status: t.status, resolution: t.resolution, fields: t.fields } : null,
      history: (await customerHistory(db, viewer, c.id)).slice(0, 20),
      attempts: attempts.map(({ a, agentName }) => ({ ...a, agentName, at: a.at.toISOString(), appointmentAt: a.appointmentAt?.toISOString() ?? null })),
      script, quiet: { now: quiet.quiet, until: quiet.nextAllowedAt?.toISOString() ?? null, windows }, assigneeName: agent?.displayName ?? null,
    };
  });

  app.post('/api/v1/callbacks/:id/attempts', {
    config: work,
    schema: {
      tags: ['callbacks'], summary: 'Record one attempt (reached / no answer / busy / agreed time / refused / wrong number) with duration, answers and, when reached, satisfaction',
      description: 'Unsatisfied reopens the work order (or creates a rectification task, as the script says); satisfied closes a resolved work order. Inside the customer\'s quiet hours a phone attempt is refused with QUIET_HOURS unless quietHoursOverride is true.',
      params: idParams, body: attemptBody,
      response: { 201: z.object({ attemptId: id, followUp: z.string().nullable(), task: taskOut }), ...errors },
    },
  }, async (req, reply) => {
    const r = await recordAttempt(unit, principalOf(req), req.params.id, req.body, tz, requestLocale(req));
    const [task] = await db.select().from(callbackTasks).where(eq(callbackTasks.id, req.params.id));
    return reply.status(201).send({ ...r, task: presentTask(task) });
  });

  app.post('/api/v1/callbacks/:id/close', {
    config: manage,
    schema: {
      tags: ['callbacks'], summary: 'A manager ends the callback loop with a recorded reason; the work order is closed',
      params: idParams, body: callbackCloseBody, response: { 200: taskOut, ...errors },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const task = await unit(async (work) => {
      const tx = work.tx;
      const task = await lockTask(tx, req.params.id);
      if (task.status !== 'open' && !(task.status === 'done' && task.outcome === 'unsatisfied')) {
        throw new AppError('CALLBACK_NOT_OPEN', { status: task.status });
      }
      const now = work.now;
      const [row] = await tx.update(callbackTasks).set({
        status: 'closed', closedById: viewer.userId, closedReason: req.body.reason, doneAt: task.doneAt ?? now,
      }).where(eq(callbackTasks.id, task.id)).returning();
      await cancelTimers(tx, [task.id]);
      if (task.ticketId) {
        const tickets = work.part(TICKETS);
        await tickets.load([task.ticketId]);
        const t = tickets.get(task.ticketId);
        const extra = [{ field: 'callbackLoop', from: null, to: req.body.reason }];
        const by = { actorId: viewer.userId, at: now };
        if (t && t.status !== 'closed') {
          await tickets.changeStatus(t.id, 'closed', by, { resolution: t.resolution || req.body.reason, action: 'callback_loop_closed', extra });
        } else if (t) {
          tickets.record(t.id, 'callback_loop_closed', extra, by);
        }
      }
      return row;
    });
    return presentTask(task);
  });

  // ---- policies, scripts, quiet hours ----

  app.get('/api/v1/callback-policies', {
    config: work,
    schema: { tags: ['callbacks'], summary: 'Callback policies: event-triggered, scheduled', response: { 200: z.object({ items: z.array(policyOut) }) } },
  }, async () => ({ items: (await db.select().from(callbackPolicies).orderBy(asc(callbackPolicies.createdAt), asc(callbackPolicies.name))).map(presentPolicy) }));

  app.post('/api/v1/callback-policies', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Create a callback policy', body: callbackPolicyBody, response: { 201: policyOut, ...errors } },
  }, async (req, reply) => {
    await checkRefs(req.body);
    const [row] = await db.insert(callbackPolicies).values(req.body).returning();
    return reply.status(201).send(presentPolicy(row));
  });

  app.patch('/api/v1/callback-policies/:id', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Change a callback policy (callbacks already made keep their deadlines)', params: idParams, body: callbackPolicyUpdateBody, response: { 200: policyOut, ...errors } },
  }, async (req) => {
    await checkRefs(req.body);
    const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    const [row] = await db.update(callbackPolicies).set({ ...patch, updatedAt: new Date() }).where(eq(callbackPolicies.id, req.params.id)).returning();
    if (!row) throw notFound('callbackPolicy');
    return presentPolicy(row);
  });

  app.delete('/api/v1/callback-policies/:id', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Delete a policy (its callbacks stay, named by it)', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const rows = await db.delete(callbackPolicies).where(eq(callbackPolicies.id, req.params.id)).returning({ id: callbackPolicies.id });
    if (!rows.length) throw notFound('callbackPolicy');
    return reply.status(204).send(null);
  });

  app.get('/api/v1/callback-scripts', {
    config: work,
    schema: { tags: ['callbacks'], summary: 'Callback scripts (话术)', response: { 200: z.object({ items: z.array(scriptOut) }) } },
  }, async () => ({ items: (await db.select().from(callbackScripts).orderBy(asc(callbackScripts.name))).map(presentScript) }));

  app.post('/api/v1/callback-scripts', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Create a script: opening, questions, satisfied / neutral / unsatisfied branches with closings and follow-ups', body: callbackScriptBody, response: { 201: scriptOut, ...errors } },
  }, async (req, reply) => {
    const [row] = await db.insert(callbackScripts).values(req.body).returning();
    return reply.status(201).send(presentScript(row));
  });

  app.patch('/api/v1/callback-scripts/:id', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Change a callback script', params: idParams, body: callbackScriptUpdateBody, response: { 200: scriptOut, ...errors } },
  }, async (req) => {
    const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    if (patch.questions && new Set((patch.questions as { key: string }[]).map((q) => q.key)).size !== (patch.questions as unknown[]).length) {
      throw new AppError('VALIDATION_FAILED', { summary: 'question keys must be unique' });
    }
    const [row] = await db.update(callbackScripts).set({ ...patch, updatedAt: new Date() }).where(eq(callbackScripts.id, req.params.id)).returning();
    if (!row) throw notFound('callbackScript');
    return presentScript(row);
  });

  app.delete('/api/v1/callback-scripts/:id', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Delete a callback script', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const [used] = await db.select({ id: callbackPolicies.id }).from(callbackPolicies).where(eq(callbackPolicies.scriptId, req.params.id)).limit(1);
    if (used) throw new AppError('IN_USE', { what: 'script' });
    const rows = await db.delete(callbackScripts).where(eq(callbackScripts.id, req.params.id)).returning({ id: callbackScripts.id });
    if (!rows.length) throw notFound('callbackScript');
    return reply.status(204).send(null);
  });

  // ---- campaigns ----

  app.post('/api/v1/callback-campaigns/preview', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'How many customers a campaign filter selects, with a sample, before it starts', body: z.object({ filter: campaignFilter }).strict(),
      response: { 200: z.object({ count: z.number(), sample: z.array(z.object({ id, name: z.string(), customerClass: z.string().nullable() })) }), ...errors } },
  }, async (req) => countCustomers(db, req.body.filter));

  app.post('/api/v1/callback-campaigns', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Start a batch callback campaign: customers from the archive, spread over a team by load', body: campaignBody,
      response: { 201: z.object({ id, name: z.string(), customerCount: z.number() }), ...errors } },
  }, async (req, reply) => {
    const c = await startCampaign(db, principalOf(req), req.body);
    return reply.status(201).send({ id: c.id, name: c.name, customerCount: c.customerCount });
  });

  app.get('/api/v1/callback-campaigns', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Campaigns with their progress',
      response: { 200: z.object({ items: z.array(z.object({ id, name: z.string(), callbackType: z.string(), status: z.string(), customerCount: z.number(),
        createdAt: isoDate, teamName: z.string().nullable(), done: z.number(), open: z.number(), overdue: z.number(), satisfied: z.number(), reached: z.number(),
        cancelled: z.number() })) }) } },
  }, async () => ({ items: (await campaignProgress(db)).map((r) => ({
    id: r.id, name: r.name, callbackType: r.callback_type, status: r.status, customerCount: r.customer_count, createdAt: new Date(r.created_at).toISOString(),
    teamName: r.team_name, done: r.done, open: r.open, overdue: r.overdue, satisfied: r.satisfied, reached: r.reached, cancelled: r.cancelled,
  })) }));

  app.post('/api/v1/callback-campaigns/:id/close', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'End a campaign early: the callbacks not yet made are cancelled', params: idParams,
      response: { 200: z.object({ cancelled: z.number() }), ...errors } },
  }, async (req) => ({ cancelled: await closeCampaign(db, req.params.id) }));

  // ---- reports ----

  app.get('/api/v1/callbacks/report', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Callback summary report (回访总结报告) over the callbacks due in [from, to)', querystring: reportQuery,
      response: { 200: callbackReportOut, ...errors } },
  }, async (req) => {
    const q = req.query;
    if (new Date(q.to) <= new Date(q.from)) throw new AppError('INVALID_TIME_RANGE');
    return callbackReport(db, new Date(q.from), new Date(q.to), q.groupBy, new Date(), { teamId: q.teamId, assigneeId: q.assigneeId });
  });

  app.get('/api/v1/callbacks/report.xlsx', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'The callback summary report as an Excel workbook', querystring: reportQuery },
  }, async (req, reply) => {
    const q = req.query;
    if (new Date(q.to) <= new Date(q.from)) throw new AppError('INVALID_TIME_RANGE');
    const report = await callbackReport(db, new Date(q.from), new Date(q.to), q.groupBy, new Date(), { teamId: q.teamId, assigneeId: q.assigneeId });
    const trend = await satisfactionTrend(db, new Date(q.from), new Date(q.to), 'day', tz);
    const buf = await reportWorkbook(report, trend, req.headers['accept-language']?.startsWith('en') ? 'en-US' : 'zh-CN', tz);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="callback-report-${q.from.slice(0, 10)}.xlsx"`).send(buf);
  });

  app.get('/api/v1/callbacks/trend', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Satisfaction per day or week: callbacks and surveys',
      querystring: z.object({ from: isoDateTimeInput, to: isoDateTimeInput, bucket: z.enum(['day', 'week']).default('day') }),
      response: { 200: z.object({ items: z.array(satisfactionTrendPoint) }), ...errors } },
  }, async (req) => {
    if (new Date(req.query.to) <= new Date(req.query.from)) throw new AppError('INVALID_TIME_RANGE');
    return { items: await satisfactionTrend(db, new Date(req.query.from), new Date(req.query.to), req.query.bucket, tz) };
  });
}
