import { sql, type SQL } from 'drizzle-orm';
import type { Change } from '@kefu/shared/events';
import { toVectorLiteral } from '../../platform/search/tokenize.ts';
import { daySequence } from './ticket-number.ts';

// The tickets module's part of the one-statement intake (modules/intake):
// the work order, its first timeline entry and its event, as CTEs that the
// intake joins to the customers' and interactions' parts.

export { daySequence };

/** A new work order as the intake statement writes it. */
export interface IntakeTicket {
  id: string;
  type: string;
  priority: string;
  channel: string;
  subject: string;
  fields: Record<string, unknown>;
  formVersion: number;
  assigneeId: string | null;
  teamId: string | null;
  departmentId: string | null;
  createdById: string;
  parentId: string | null;
  /** search words without the number (added here once it is drawn) */
  searchWords: string[];
  at: Date;
  /** the daily number sequence (ticket-number.ts) and the number's prefix, e.g. GD20261207- */
  sequence: string;
  numberPrefix: string;
}

/**
 * The work order, its first timeline entry and its `ticket.created` event, as
 * the tail of an intake statement (CTEs n → t → timeline → event; needs
 * `customer` — with `notes`, changes about the caller to add to the first
 * entry — and `contact` when `withContact`). Nothing is written when the
 * form changed since the caller validated against it: the statement then
 * returns no row and the caller validates again.
 */
export function insertTicketSql(t: IntakeTicket, changes: Change[], withContact: boolean): SQL {
  const at = t.at.toISOString();
  const payload = { ticketId: t.id, actorId: t.createdById, action: 'created', changes, causedBy: null, at, type: t.type, parentId: t.parentId };
  return sql`n as (select nextval(${t.sequence}::regclass) as v),
    num as (select ${t.numberPrefix} || case when v < 10000 then lpad(v::text, 4, '0') else v::text end as number from n),
    t as (
      insert into tickets (id, number, type, status, priority, channel, subject, customer_id, fields, form_version, assignee_id, team_id,
        department_id, created_by_id, interaction_id, parent_id, search_vector, created_at, updated_at)
      select ${t.id}::uuid, num.number, ${t.type}, 'new', ${t.priority}, ${t.channel}, ${t.subject}, customer.id, ${JSON.stringify(t.fields)}::jsonb,
        ${t.formVersion}::int, ${t.assigneeId}::uuid, ${t.teamId}::uuid, ${t.departmentId}::uuid, ${t.createdById}::uuid,
        ${withContact ? sql`contact.id` : sql`null::uuid`}, ${t.parentId}::uuid,
        (${toVectorLiteral(t.searchWords)} || ' ' || quote_literal(lower(num.number)))::tsvector, ${at}::timestamptz, ${at}::timestamptz
      from customer, num ${withContact ? sql`, contact` : sql``}
      where not exists (select 1 from form_definitions f where f.type = ${t.type} and f.version > ${t.formVersion}::int)
      returning id, number, customer_id),
    timeline as (
      insert into ticket_events (ticket_id, actor_id, action, changes, at)
      select t.id, ${t.createdById}::uuid, 'created', ${JSON.stringify(changes)}::jsonb || customer.notes, ${at}::timestamptz from t, customer),
    event as (
      insert into outbox_events (type, aggregate_id, payload, created_at)
      select 'ticket.created', t.id, ${JSON.stringify(payload)}::jsonb
        || jsonb_build_object('customerId', t.customer_id, 'changes', ${JSON.stringify(changes)}::jsonb || customer.notes), ${at}::timestamptz
      from t, customer)`;
}
