import { z } from 'zod';
import { errorBody, id, note, noteBody, page, ticketDetail as ticket, ticketCreateBody, ticketListItem, ticketQuery, ticketUpdateBody, timelineEntry } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { formVersion } from '../forms/forms.repository.ts';
import { createTicket } from './create-ticket.ts';
import { updateTicket } from './update-ticket.ts';
import { listTickets } from './list-tickets.ts';
import { changedTicket, presentTicket, visibleTicket } from './ticket-queries.ts';
import { recordPiiView } from '../customers/customer-presenter.ts';
import { and, eq } from 'drizzle-orm';
import { ticketWatchers, tickets, users } from '../../db/schema/index.ts';
import { clocksOf } from '../sla/sla-clocks.ts';
import { scopeCondition } from './ticket-scope.ts';
import { addNote, listNotes, listTimeline } from './ticket-notes.ts';
import { forwardTicket } from './forward-ticket.ts';
import { convertTicket } from './convert-ticket.ts';
import { withAfterCommit } from '../../platform/jobs/after-commit.ts';

const idParams = z.object({ id });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

async function ticketDetail(db: Db, viewer: Principal, ticketId: string, opts: { justChanged?: boolean; justCreated?: boolean } = {}) {
  // after a change the actor sees the result even if they just forwarded it out of their scope
  const row = opts.justChanged || opts.justCreated ? await changedTicket(db, ticketId) : await visibleTicket(db, viewer, ticketId);
  if (opts.justCreated) {
    // nothing has reacted yet (clocks, watchers and sub-tasks come from listeners), and the
    // caller typed the customer's data themselves: answer from the row alone, fast on the intake path
    return { ...presentTicket(row, viewer, await formVersion(db, row.t.type, row.t.formVersion)), sla: [], watchers: [], subtasks: [] };
  }
  await recordPiiView(db, viewer, row.t.customerId, 'ticket.detail');
  const [clocks, watching, subs] = await Promise.all([
    clocksOf(db, [ticketId]),
    db.select({ id: users.id, displayName: users.displayName }).from(ticketWatchers).innerJoin(users, eq(users.id, ticketWatchers.userId))
      .where(eq(ticketWatchers.ticketId, ticketId)),
    db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, assigneeName: users.displayName, dueAt: tickets.dueAt })
      .from(tickets).leftJoin(users, eq(users.id, tickets.assigneeId)).where(and(eq(tickets.parentId, ticketId), scopeCondition(viewer))),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...presentTicket(row, viewer, await formVersion(db, row.t.type, row.t.formVersion)),
    sla: clocks.map((c) => ({ kind: c.kind, policyName: c.policyName, dueAt: c.dueAt.toISOString(), warnAt: iso(c.warnAt), state: c.state, metAt: iso(c.metAt), breachedAt: iso(c.breachedAt) })),
    watchers: watching,
    subtasks: subs.map((x) => ({ ...x, dueAt: iso(x.dueAt) })),
  };
}

export function ticketRoutes(app: App, { db, config }: Deps): void {
  app.post('/api/v1/tickets', {
    config: { permission: 'ticket:create' },
    schema: {
      tags: ['tickets'],
      summary: 'Record a work order (工单) for an existing or new customer',
      description: 'fields are validated against the current form definition of `type` (GET /api/v1/forms). ' +
        'Stable keys: complaint category (product_quality|service_quality), symptom, batchNumber, productionDate, injury, staffId; ' +
        'order product, spec, quantity, deliveryChannel (home|retail|mall); inquiry topics, potentialOrder; repair content, preferredTime.',
      body: ticketCreateBody,
      response: { 201: ticket, ...errors },
    },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    // rules run in the save's transaction; their pushes go out once it commits
    const row = await withAfterCommit(
      () => createTicket(db, viewer, req.body, requestLocale(req), config.KEFU_TIMEZONE, req.server.services.dispatcher),
      (err) => req.log.error({ err }, 'push after save failed'),
    );
    return reply.status(201).send(await ticketDetail(db, viewer, row.id, { justCreated: true }));
  });

  app.get('/api/v1/tickets', {
    config: { permission: 'ticket:view' },
    schema: {
      tags: ['tickets'],
      summary: 'List work orders: my work orders, my team\'s queue or all, with filters and cursor pagination',
      querystring: ticketQuery,
      response: { 200: page(ticketListItem), ...errors },
    },
  }, async (req) => listTickets(db, principalOf(req), req.query));

  app.get('/api/v1/tickets/:id', {
    config: { permission: 'ticket:view' },
    schema: { tags: ['tickets'], summary: 'One work order with its fields and allowed status transitions', params: idParams, response: { 200: ticket, ...errors } },
  }, async (req) => ticketDetail(db, principalOf(req), req.params.id));

  app.patch('/api/v1/tickets/:id', {
    config: { permission: 'ticket:view' },
    schema: {
      tags: ['tickets'],
      summary: 'Change status, assignee, team, priority or fields; a disallowed status change is a 409 naming the allowed ones',
      params: idParams,
      body: ticketUpdateBody,
      response: { 200: ticket, ...errors },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    await updateTicket(db, viewer, req.params.id, req.body, requestLocale(req));
    return ticketDetail(db, viewer, req.params.id, { justChanged: true });
  });

  app.post('/api/v1/tickets/:id/forward', {
    config: { permission: 'ticket:assign' },
    schema: {
      tags: ['tickets'], summary: 'Forward to whoever holds a position (e.g. marketing_director) or to a person, and tell them',
      params: idParams,
      body: z.object({ position: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/).optional(), userId: id.optional() }).strict()
        .refine((b) => !!b.position !== !!b.userId, 'give either position or userId'),
      response: { 200: ticket, ...errors },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const services = req.server.services;
    const after: (() => void | Promise<void>)[] = [];
    await forwardTicket(db, viewer, req.params.id, req.body, requestLocale(req), { hub: services.hub, afterCommit: (fn) => after.push(fn) });
    for (const fn of after) await fn();
    return ticketDetail(db, viewer, req.params.id, { justChanged: true });
  });

  app.post('/api/v1/tickets/:id/convert', {
    config: { permission: 'ticket:create' },
    schema: {
      tags: ['tickets'], summary: 'Make a work order of another type from this one (an inquiry becomes an order), carrying over what it knows',
      params: idParams,
      body: z.object({ type: z.string().min(1).max(32), fields: z.record(z.string(), z.unknown()).default({}) }).strict(),
      response: { 201: ticket, ...errors },
    },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    const created = await withAfterCommit(
      () => convertTicket(db, viewer, req.params.id, req.body.type, req.body.fields, requestLocale(req), config.KEFU_TIMEZONE, req.server.services.dispatcher),
      (err) => req.log.error({ err }, 'push after save failed'),
    );
    return reply.status(201).send(await ticketDetail(db, viewer, created.id, { justChanged: true }));
  });

  app.get('/api/v1/tickets/:id/timeline', {
    config: { permission: 'ticket:view' },
    schema: { tags: ['tickets'], summary: 'The append-only timeline, oldest first', params: idParams, response: { 200: z.object({ items: z.array(timelineEntry) }), ...errors } },
  }, async (req) => ({ items: await listTimeline(db, principalOf(req), req.params.id) }));

  app.get('/api/v1/tickets/:id/notes', {
    config: { permission: 'ticket:view' },
    schema: { tags: ['tickets'], summary: 'Internal notes', params: idParams, response: { 200: z.object({ items: z.array(note) }), ...errors } },
  }, async (req) => ({ items: await listNotes(db, principalOf(req), req.params.id) }));

  app.post('/api/v1/tickets/:id/notes', {
    config: { permission: 'ticket:note' },
    schema: { tags: ['tickets'], summary: 'Add an internal note', params: idParams, body: noteBody, response: { 201: note, ...errors } },
  }, async (req, reply) => reply.status(201).send(await addNote(db, principalOf(req), req.params.id, req.body.body)));
}
