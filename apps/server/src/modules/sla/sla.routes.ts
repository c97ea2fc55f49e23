import { z } from 'zod';
import { departmentEscalationOut, slaPolicyOut, slaQueueItemOut, wallboardOut } from '@kefu/shared/sla-api';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { errorBody, id, isoDate } from '@kefu/shared/api';
import { slaPolicyBody, slaPolicyUpdateBody } from '@kefu/shared/sla';
import type { App, Deps } from '../../platform/http/types.ts';
import { departments, slaPolicies, teams, ticketSlas, tickets, users } from '../../db/schema/index.ts';
import { queryRows } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { calendarExists } from '../../platform/time/calendars.ts';
import { invalidateSlaPolicies } from './sla.commands.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { scopeCondition } from '../tickets/tickets.queries.ts';

const manage = { permission: 'rule:manage' as const };
const idParams = z.object({ id });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const policyOut = slaPolicyOut;
const presentPolicy = (p: typeof slaPolicies.$inferSelect) => ({ id: p.id, name: p.name, enabled: p.enabled, position: p.position,
  conditions: p.conditions as unknown[], targets: p.targets as unknown[], calendarId: p.calendarId, updatedAt: p.updatedAt.toISOString() });

export function slaRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/sla-policies', {
    config: manage,
    schema: { tags: ['sla'], summary: 'SLA policies, first match wins', response: { 200: z.object({ items: z.array(policyOut) }) } },
  }, async () => ({ items: (await db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt))).map(presentPolicy) }));

  app.post('/api/v1/sla-policies', {
    config: manage,
    schema: { tags: ['sla'], summary: 'Create an SLA policy', body: slaPolicyBody, response: { 201: policyOut, ...errors } },
  }, async (req, reply) => {
    const b = req.body;
    if (b.calendarId && !(await calendarExists(db, b.calendarId))) throw new AppError('REFERENCE_NOT_FOUND', { what: 'calendar', id: b.calendarId });
    const position = b.position ?? Number((await db.select({ n: sql<number>`coalesce(max(${slaPolicies.position}), 0) + 10` }).from(slaPolicies))[0].n);
    const [row] = await db.insert(slaPolicies).values({ name: b.name, enabled: b.enabled, position, conditions: b.conditions, targets: b.targets, calendarId: b.calendarId ?? null }).returning();
    invalidateSlaPolicies();
    return reply.status(201).send(presentPolicy(row));
  });

  app.patch('/api/v1/sla-policies/:id', {
    config: manage,
    schema: { tags: ['sla'], summary: 'Change an SLA policy', params: idParams, body: slaPolicyUpdateBody, response: { 200: policyOut, ...errors } },
  }, async (req) => {
    const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    if (req.body.calendarId && !(await calendarExists(db, req.body.calendarId))) {
      throw new AppError('REFERENCE_NOT_FOUND', { what: 'calendar', id: req.body.calendarId });
    }
    const [row] = Object.keys(patch).length
      ? await db.update(slaPolicies).set({ ...patch, updatedAt: new Date() }).where(eq(slaPolicies.id, req.params.id)).returning()
      : await db.select().from(slaPolicies).where(eq(slaPolicies.id, req.params.id));
    if (!row) throw notFound('slaPolicy');
    invalidateSlaPolicies();
    return presentPolicy(row);
  });

  app.delete('/api/v1/sla-policies/:id', {
    config: manage,
    schema: { tags: ['sla'], summary: 'Delete an SLA policy', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const rows = await db.delete(slaPolicies).where(eq(slaPolicies.id, req.params.id)).returning({ id: slaPolicies.id });
    if (!rows.length) throw notFound('slaPolicy');
    invalidateSlaPolicies();
    return reply.status(204).send(null);
  });

  app.get('/api/v1/sla/queue', {
    config: { permission: 'supervisor:view' },
    schema: {
      tags: ['sla'], summary: 'Work orders at risk (amber) or breached (red), most urgent first, within the viewer\'s scope',
      querystring: z.object({ state: z.enum(['at_risk', 'breached']).default('at_risk'), teamId: id.optional(), type: z.string().max(32).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(slaQueueItemOut) }) },
    },
  }, async (req) => {
    const q = req.query;
    const now = new Date();
    const clockCond = q.state === 'breached'
      ? and(eq(ticketSlas.state, 'breached'), sql`${ticketSlas.metAt} is null`)
      : and(eq(ticketSlas.state, 'running'), sql`${ticketSlas.warnAt} <= ${now.toISOString()}::timestamptz`);
    const rows = await db.select({ s: ticketSlas, t: { id: tickets.id, number: tickets.number, subject: tickets.subject, type: tickets.type, status: tickets.status },
      assigneeName: users.displayName, teamName: teams.name })
      .from(ticketSlas).innerJoin(tickets, eq(tickets.id, ticketSlas.ticketId))
      .leftJoin(users, eq(users.id, tickets.assigneeId)).leftJoin(teams, eq(teams.id, tickets.teamId))
      .where(and(clockCond, inArray(tickets.status, ['new', 'open', 'pending']), scopeCondition(principalOf(req)),
        q.teamId ? eq(tickets.teamId, q.teamId) : undefined, q.type ? eq(tickets.type, q.type) : undefined))
      .orderBy(asc(ticketSlas.dueAt)).limit(q.limit);
    return { items: rows.map((r) => ({ ticketId: r.t.id, number: r.t.number, subject: r.t.subject, type: r.t.type, status: r.t.status,
      assigneeName: r.assigneeName, teamName: r.teamName, kind: r.s.kind, dueAt: r.s.dueAt.toISOString(), state: q.state })) };
  });

  app.get('/api/v1/sla/escalations', {
    config: { permission: 'supervisor:view' },
    schema: {
      tags: ['sla'], summary: 'Open work waiting on each department: breached and urgent counts',
      response: { 200: z.object({ items: z.array(departmentEscalationOut) }) },
    },
  }, async (req) => {
    const scope = scopeCondition(principalOf(req));
    const rows = await queryRows<{ department_id: string | null; name: string | null; open: number; breached: number; urgent: number }>(db, sql`
      select ${tickets.departmentId} as department_id, ${departments.name} as name, count(*)::int as open,
        count(*) filter (where exists (select 1 from ticket_slas s where s.ticket_id = ${tickets.id} and s.state = 'breached' and s.met_at is null))::int as breached,
        count(*) filter (where ${tickets.priority} = 'urgent')::int as urgent
      from ${tickets} left join ${departments} on ${departments.id} = ${tickets.departmentId}
      where ${tickets.status} in ('new', 'open', 'pending') ${scope ? sql`and ${scope}` : sql``}
      group by ${tickets.departmentId}, ${departments.name} order by breached desc, open desc`);
    return { items: rows.map((r) => ({ departmentId: r.department_id, departmentName: r.name, open: r.open, breached: r.breached, urgent: r.urgent })) };
  });
}

/** The wallboard's numbers; the console refetches them when the WebSocket says "wallboard.changed". */
export function wallboardRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/wallboard', {
    config: { permission: 'supervisor:view' },
    schema: {
      tags: ['sla'], summary: "Live numbers for the supervisors' wallboard (within the viewer's scope)",
      response: { 200: wallboardOut },
    },
  }, async (req) => {
    const scope = scopeCondition(principalOf(req));
    const startOfDay = new Date(Date.now() - ((Date.now() + 8 * 3_600_000) % 86_400_000)); // midnight in China time
    const open = await db.select({ status: tickets.status, type: tickets.type, n: sql<number>`count(*)::int` }).from(tickets)
      .where(and(inArray(tickets.status, ['new', 'open', 'pending']), scope)).groupBy(tickets.status, tickets.type);
    const [today] = await db.select({
      created: sql<number>`count(*) filter (where ${tickets.createdAt} >= ${startOfDay.toISOString()}::timestamptz)::int`,
      resolved: sql<number>`count(*) filter (where ${tickets.status} in ('resolved', 'closed') and ${tickets.updatedAt} >= ${startOfDay.toISOString()}::timestamptz)::int`,
    }).from(tickets).where(and(sql`${tickets.updatedAt} >= ${startOfDay.toISOString()}::timestamptz`, scope));
    const [clocks] = await db.select({
      atRisk: sql<number>`count(distinct ${ticketSlas.ticketId}) filter (where ${ticketSlas.state} = 'running' and ${ticketSlas.warnAt} <= now())::int`,
      breached: sql<number>`count(distinct ${ticketSlas.ticketId}) filter (where ${ticketSlas.state} = 'breached' and ${ticketSlas.metAt} is null)::int`,
    }).from(ticketSlas).innerJoin(tickets, eq(tickets.id, ticketSlas.ticketId))
      .where(and(inArray(ticketSlas.state, ['running', 'breached']), inArray(tickets.status, ['new', 'open', 'pending']), scope));
    const by = (s: string) => open.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0);
    const types = new Map<string, number>();
    for (const r of open) types.set(r.type, (types.get(r.type) ?? 0) + r.n);
    return {
      open: { new: by('new'), open: by('open'), pending: by('pending') },
      createdToday: today?.created ?? 0, resolvedToday: today?.resolved ?? 0,
      atRisk: clocks?.atRisk ?? 0, breached: clocks?.breached ?? 0,
      openByType: [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
    };
  });
}
