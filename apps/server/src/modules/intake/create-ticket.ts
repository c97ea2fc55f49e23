import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Change } from '@kefu/shared/events';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { AppError, notFound, type Locale } from '../../platform/errors.ts';
import { can, requirePermission, type Principal } from '../../platform/auth/principal.ts';
import { intakeCaller } from '../customers/customers.commands.ts';
import { intakeContact } from '../interactions/interactions.commands.ts';
import { clearFormCache, formFor, type StoredForm } from '../forms/forms.queries.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { daySequence, type IntakeTicket } from '../tickets/ticket-intake.commands.ts';
import { intakeBatcher } from './intake-statement.ts';
import { assertValidFields, deriveSubject, ticketSearchWords } from '../tickets/tickets.queries.ts';

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

/** What the intake statement wrote, enough to answer without reading it back. */
export interface CreatedTicket {
  id: string;
  number: string;
  type: string;
  status: 'new';
  priority: string;
  channel: string;
  subject: string;
  fields: Record<string, unknown>;
  formVersion: number;
  form: StoredForm;
  customer: { id: string; name: string; phone: string };
  assigneeId: string | null;
  teamId: string | null;
  createdById: string;
  interactionId: string | null;
  parentId: string | null;
  at: Date;
}

/**
 * Records a work order from a contact in ONE statement (intake-statement.ts),
 * shared with the other intakes under way at the same moment: the caller
 * matched to the archive or added, the call logged, the work order numbered
 * and written with its first timeline entry and its `ticket.created` event.
 * Routing, SLA clocks and notifications follow from the event (the outbox
 * consumer), so intake runs near the database's own speed.
 */
export async function createTicket(db: Db, actor: Principal, input: CreateTicketInput, locale: Locale, timeZone: string): Promise<CreatedTicket> {
  let form = await formFor(db, input.type);
  let fields = assertValidFields(form.definition, input.fields, locale);
  const byPhone = 'phone' in input.customer;
  const caller = intakeCaller(input.customer, randomUUID()); // a bad phone is a 422 before anything is numbered

  // whoever takes the call owns the work order until it is routed on (INQ-07);
  // handing it to someone else at once is a reassignment and needs ticket:assign
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : actor.userId;
  const teamId = input.teamId !== undefined ? input.teamId : actor.teamId;
  let departmentId = actor.departmentId;
  if (assigneeId !== actor.userId || teamId !== actor.teamId) {
    requirePermission(actor, 'ticket:assign');
    const dir = await orgDirectory(db, db);
    if (assigneeId && !dir.isActive(assigneeId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: assigneeId });
    if (teamId && !dir.teams.has(teamId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: teamId });
    departmentId = dir.departmentFor(assigneeId, teamId);
  }

  // the search words include the customer's name: known when the caller typed it, else read first
  let customerName: string;
  if ('name' in input.customer) customerName = input.customer.name;
  else {
    const [c] = await queryRows<{ name: string }>(db, sql`select name from customers where id = ${input.customer.id}::uuid`);
    if (!c) throw notFound('customer');
    customerName = c.name;
  }

  const at = new Date();
  const { sequence, prefix } = await daySequence(db, at, timeZone);
  const contact = intakeContact(input.interactionId ?? null, can(actor, 'ticket:assign'), !input.interactionId && input.channel === 'phone', randomUUID());
  for (let attempt = 0; ; attempt++) {
    const subject = input.subject || deriveSubject(form.definition, fields);
    const ticket: IntakeTicket = {
      id: randomUUID(), type: input.type, priority: input.priority, channel: input.channel, subject, fields, formVersion: form.version,
      assigneeId, teamId, departmentId, createdById: actor.userId, parentId: input.parentId ?? null,
      searchWords: ticketSearchWords('', subject, customerName, form.definition, fields).filter((w) => w),
      at, sequence, numberPrefix: prefix,
    };
    const changes: Change[] = [
      { field: 'status', from: null, to: 'new' },
      ...(assigneeId ? [{ field: 'assigneeId', from: null, to: assigneeId }] : []),
      ...(teamId ? [{ field: 'teamId', from: null, to: teamId }] : []),
      ...(input.parentId ? [{ field: 'parentId', from: null, to: input.parentId }] : []),
      ...Object.entries(fields).map(([field, to]) => ({ field: `fields.${field}`, from: null, to })),
    ];
    const row = await intakeBatcher(db).submit({ ticket, changes, caller, contact });
    if (row) {
      return {
        id: ticket.id, number: row.number, type: input.type, status: 'new', priority: input.priority, channel: input.channel, subject,
        fields, formVersion: form.version, form, customer: { id: row.customerId, name: row.customerName, phone: row.customerPhone },
        assigneeId, teamId, createdById: actor.userId, interactionId: row.contactId, parentId: ticket.parentId, at,
      };
    }
    // nothing written: find out why (rare, so it may cost a query)
    if (!byPhone && !(await exists(db, sql`select 1 from customers where id = ${(input.customer as { id: string }).id}::uuid`))) throw notFound('customer');
    if (input.interactionId) {
      const [i] = await queryRows<{ agent_id: string | null }>(db, sql`select agent_id from interactions where id = ${input.interactionId}::uuid`);
      if (!i) throw notFound('interaction');
      if (i.agent_id !== actor.userId) requirePermission(actor, 'ticket:assign');
    }
    // another process published a new version of the form: validate against it and try again
    if (attempt >= 2) throw new AppError('INTERNAL');
    clearFormCache();
    form = await formFor(db, input.type);
    fields = assertValidFields(form.definition, input.fields, locale);
  }
}

async function exists(db: Db, q: ReturnType<typeof sql>): Promise<boolean> {
  return (await queryRows(db, q)).length > 0;
}
