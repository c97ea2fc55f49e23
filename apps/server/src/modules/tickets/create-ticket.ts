import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { customers, interactions, outboxEvents, teams, ticketEvents, tickets, users } from '../../db/schema/index.ts';
import { AppError, notFound, type Locale } from '../../platform/errors.ts';
import { requirePermission, type Principal } from '../../platform/auth/principal.ts';
import { toVectorLiteral } from '../../platform/search/tokenize.ts';
import { createCustomer, normalizePhone } from '../customers/create-customer.ts';
import { formFor } from '../forms/forms.repository.ts';
import { nextTicketNumber } from './ticket-number.ts';
import { deriveSubject, ticketSearchWords } from './ticket-subject.ts';
import { assertValidFields } from './ticket-validation.ts';

export interface CreateTicketInput {
  type: string;
  channel: string;
  customer: { id: string } | { name: string; phone: string; address?: string | null };
  fields: Record<string, unknown>;
  subject?: string;
  priority: string;
  interactionId?: string;
  assigneeId?: string | null;
  teamId?: string | null;
  /** set by conversions: the work order this one came from */
  parentId?: string;
}

/**
 * Checks that the assignee (an active user) and team exist, and returns the
 * department of the assignee, else of the team, for department-scoped views.
 */
export async function departmentFor(tx: Tx, assigneeId: string | null, teamId: string | null): Promise<string | null> {
  let fromUser: string | null = null;
  if (assigneeId) {
    const [u] = await tx.select({ d: users.departmentId, active: users.active }).from(users).where(eq(users.id, assigneeId));
    if (!u || !u.active) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: assigneeId });
    fromUser = u.d;
  }
  if (teamId) {
    const [t] = await tx.select({ d: teams.departmentId }).from(teams).where(eq(teams.id, teamId));
    if (!t) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: teamId });
    return fromUser ?? t.d;
  }
  return fromUser;
}

/** Where the "created" event goes: the outbox dispatcher, which may run some listeners in the same transaction. */
export interface EventPublisher {
  publish(tx: Tx, type: string, aggregateId: string, payload: Record<string, unknown>): Promise<void>;
}

/** Only writes the outbox row; listeners all run later from the queue. */
export const outboxOnly: EventPublisher = {
  async publish(tx, type, aggregateId, payload) {
    await tx.insert(outboxEvents).values({ type, aggregateId, payload });
  },
};

export async function createTicket(
  db: Db, actor: Principal, input: CreateTicketInput, locale: Locale, timeZone: string, events: EventPublisher = outboxOnly,
) {
  const form = await formFor(db, input.type);
  const fields = assertValidFields(form.definition, input.fields, locale);
  if ('phone' in input.customer) normalizePhone(input.customer.phone); // fail before numbering
  const now = new Date();
  const number = await nextTicketNumber(db, now, timeZone);

  return db.transaction(async (tx) => {
    let customer: typeof customers.$inferSelect;
    if ('id' in input.customer) {
      const [c] = await tx.select().from(customers).where(eq(customers.id, input.customer.id));
      if (!c) throw notFound('customer');
      customer = c;
    } else {
      customer = (await createCustomer(tx, input.customer, actor.userId, { checkDuplicates: false })).row;
    }

    let interactionId = input.interactionId ?? null;
    if (interactionId) {
      const [i] = await tx.select({ id: interactions.id, customerId: interactions.customerId, agentId: interactions.agentId })
        .from(interactions).where(eq(interactions.id, interactionId));
      if (!i) throw notFound('interaction');
      // another agent's call can only be attached to by someone who may reassign work
      if (i.agentId !== actor.userId) requirePermission(actor, 'ticket:assign');
      if (!i.customerId) await tx.update(interactions).set({ customerId: customer.id }).where(eq(interactions.id, i.id));
    } else if (input.channel === 'phone') {
      // an API client that records a call without opening one first still gets it logged
      const [i] = await tx.insert(interactions).values({
        channel: 'phone', direction: 'inbound', callerNumber: customer.phone, customerId: customer.id,
        agentId: actor.userId, startedAt: now, endedAt: now,
      }).returning({ id: interactions.id });
      interactionId = i.id;
    }

    // whoever takes the call owns the work order until it is routed on (INQ-07);
    // handing it to someone else at once is a reassignment and needs ticket:assign
    const assigneeId = input.assigneeId !== undefined ? input.assigneeId : actor.userId;
    const teamId = input.teamId !== undefined ? input.teamId : actor.teamId;
    if (assigneeId !== actor.userId || teamId !== actor.teamId) requirePermission(actor, 'ticket:assign');
    const departmentId = assigneeId === actor.userId && teamId === actor.teamId
      ? actor.departmentId
      : await departmentFor(tx, assigneeId, teamId);
    const subject = input.subject || deriveSubject(form.definition, fields);
    const searchWords = ticketSearchWords(number, subject, customer.name, form.definition, fields);

    const [row] = await tx.insert(tickets).values({
      number, type: input.type, status: 'new', priority: input.priority, channel: input.channel, subject,
      customerId: customer.id, fields, formVersion: form.version, assigneeId, teamId, departmentId,
      createdById: actor.userId, interactionId, parentId: input.parentId ?? null,
      searchVector: sql`${toVectorLiteral(searchWords)}::tsvector` as unknown as string,
      createdAt: now, updatedAt: now,
    }).returning();

    const initial = [
      { field: 'status', from: null, to: 'new' },
      ...(assigneeId ? [{ field: 'assigneeId', from: null, to: assigneeId }] : []),
      ...(teamId ? [{ field: 'teamId', from: null, to: teamId }] : []),
      ...Object.entries(fields).map(([field, to]) => ({ field: `fields.${field}`, from: null, to })),
    ];
    await tx.insert(ticketEvents).values({ ticketId: row.id, actorId: actor.userId, action: 'created', changes: initial, at: now });
    await events.publish(tx, 'ticket.created', row.id, { ticketId: row.id, type: row.type, customerId: customer.id, actorId: actor.userId });
    return row;
  });
}
