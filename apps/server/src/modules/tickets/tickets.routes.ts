import { z } from 'zod';
import { errorBody, id, note, noteBody, page, ticketDetail as ticket, ticketListItem, ticketQuery, ticketUpdateBody, timelineEntry } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { formVersion } from '../forms/forms.queries.ts';
import { updateTicket } from './update-ticket.ts';
import { listTickets } from './list-tickets.ts';
import { changedTicket, presentTicket, visibleTicket } from './ticket-queries.ts';
import { recordPiiView } from '../customers/customers.queries.ts';
import { and, eq } from 'drizzle-orm';
import { ticketWatchers, tickets, users } from '../../db/schema/index.ts';
import { scopeCondition } from './tickets.queries.ts';
import { addNote, listNotes, listTimeline } from './ticket-notes.ts';
import { forwardTicket } from './forward-ticket.ts';

const idParams = z.object({ id });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

async function ticketDetail(db: Db, viewer: Principal, ticketId: string, slaOf: SlaOf, opts: { justChanged?: boolean } = {}) {
  // after a change the actor sees the result even if they just forwarded it out of their scope
  const row = opts.justChanged ? await changedTicket(db, ticketId) : await visibleTicket(db, viewer, ticketId);
  await recordPiiView(db, viewer, row.t.customerId, 'ticket.detail');
  const [clocks, watching, subs] = await Promise.all([
    slaOf(db, ticketId),
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

/** The SLA clocks of a work order, as the detail shows them (the SLA module's query, given by the app). */
export type SlaOf = (db: Db, ticketId: string) => Promise<SlaView[]>;
export interface SlaView { kind: string; policyName: string; dueAt: Date; warnAt: Date | null; state: string; metAt: Date | null; breachedAt: Date | null }

export function ticketRoutes(app: App, { db, unit }: Deps, slaOf: SlaOf): void {
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
  }, async (req) => ticketDetail(db, principalOf(req), req.params.id, slaOf));

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
    await updateTicket(unit, viewer, req.params.id, req.body, requestLocale(req));
    return ticketDetail(db, viewer, req.params.id, slaOf, { justChanged: true });
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
    await forwardTicket(unit, viewer, req.params.id, req.body);
    return ticketDetail(db, viewer, req.params.id, slaOf, { justChanged: true });
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
  }, async (req, reply) => reply.status(201).send(await addNote(unit, principalOf(req), req.params.id, req.body.body)));
}
