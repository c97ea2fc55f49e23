import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TicketStatus } from '@kefu/shared/ticket-status';
import { transitionsFor } from './ticket-lifecycle.ts';
import type { FormDefinition } from '@kefu/shared/forms';
import type { Db, Tx } from '../../db/client.ts';
import { customers, teams, tickets, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { notFound } from '../../platform/errors.ts';
import { customerPhoneFor } from '../customers/customers.queries.ts';
import { scopeCondition } from './tickets.queries.ts';

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');

/** Columns of a work order with the names a list or detail shows. */
export const ticketColumns = {
  t: tickets,
  customerName: customers.name,
  customerPhone: customers.phone,
  assigneeName: assignee.displayName,
  teamName: teams.name,
  createdByName: creator.displayName,
};

export function selectTickets(db: Tx) {
  return db.select(ticketColumns).from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(creator, eq(creator.id, tickets.createdById));
}

export type TicketRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['execute']>>[number];

// lists leave out the wide columns they never show (fields, search vector)
const { fields: _fields, searchVector: _sv, ...listColumns } = getTableColumns(tickets);

// the nearest unmet deadline, for amber / red in lists (a few index lookups per page)
const slaDueAt = sql<string | null>`(select min(s.due_at) from ticket_slas s where s.ticket_id = ${tickets.id} and s.state in ('running', 'breached') and s.met_at is null)`;
const slaWarnAt = sql<string | null>`(select s.warn_at from ticket_slas s where s.ticket_id = ${tickets.id} and s.state in ('running', 'breached') and s.met_at is null order by s.due_at limit 1)`;
const slaBreached = sql<boolean>`exists (select 1 from ticket_slas s where s.ticket_id = ${tickets.id} and s.state = 'breached' and s.met_at is null)`;

export function selectTicketList(db: Tx) {
  return db.select({ ...ticketColumns, t: listColumns, slaDueAt, slaWarnAt, slaBreached }).from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(creator, eq(creator.id, tickets.createdById));
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof selectTicketList>['execute']>>[number];


export function presentTicketListItem(r: TicketListRow | TicketRow, viewer: Principal) {
  const t = r.t;
  const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);
  const sla = 'slaDueAt' in r ? { slaDueAt: iso(r.slaDueAt), slaWarnAt: iso(r.slaWarnAt), slaBreached: !!r.slaBreached } : {};
  return {
    ...sla,
    id: t.id, number: t.number, type: t.type, status: t.status as TicketStatus, priority: t.priority as 'normal',
    channel: t.channel as 'phone', subject: t.subject, customerId: t.customerId,
    customer: { id: t.customerId, name: r.customerName, phone: customerPhoneFor(viewer, r.customerPhone) },
    formVersion: t.formVersion, assigneeId: t.assigneeId, assigneeName: r.assigneeName, teamId: t.teamId, teamName: r.teamName,
    createdById: t.createdById, createdByName: r.createdByName, parentId: t.parentId, dueAt: t.dueAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentTicket(r: TicketRow, viewer: Principal, def: FormDefinition | null) {
  return {
    ...presentTicketListItem(r, viewer),
    fields: r.t.fields as Record<string, unknown>,
    interactionId: r.t.interactionId,
    resolution: r.t.resolution,
    allowedTransitions: transitionsFor(viewer, def, r.t),
  };
}

/** A work order the viewer may see, or 404 (never 403: existence is not revealed). */
export async function visibleTicket(db: Tx, viewer: Principal, ticketId: string, opts: { lock?: boolean } = {}): Promise<TicketRow> {
  const q = selectTickets(db).where(and(eq(tickets.id, ticketId), scopeCondition(viewer)));
  const [row] = opts.lock ? await q.for('update', { of: tickets }) : await q;
  if (!row) throw notFound('ticket');
  return row;
}

/** A work order just written by the caller, read back without the scope filter. */
export async function changedTicket(db: Tx, ticketId: string): Promise<TicketRow> {
  const [row] = await selectTickets(db).where(eq(tickets.id, ticketId));
  if (!row) throw notFound('ticket');
  return row;
}
