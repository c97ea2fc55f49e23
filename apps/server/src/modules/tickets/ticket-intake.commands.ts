import { sql, type SQL } from 'drizzle-orm';
import type { Change } from '@kefu/shared/events';
import { toVectorLiteral } from '../../platform/search/tokenize.ts';
import { daySequence } from './ticket-number.ts';

// The tickets module's part of the one-statement intake (modules/intake):
// the work orders, their first timeline entries and their events, as CTEs
// that the intake joins to the customers' and interactions' parts.

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

/** The tickets' columns of one intake row (see intakeTicketsSql), as they go into `input`. */
export const INTAKE_TICKET_COLUMNS = 'id uuid, type text, priority text, channel text, subject text, fields jsonb, form_version int, ' +
  'assignee_id uuid, team_id uuid, department_id uuid, created_by_id uuid, parent_id uuid, search_words text, at timestamptz, ' +
  'sequence text, number_prefix text, changes jsonb, payload jsonb';

export function intakeTicketColumns(t: IntakeTicket, changes: Change[]) {
  const at = t.at.toISOString();
  return {
    id: t.id, type: t.type, priority: t.priority, channel: t.channel, subject: t.subject, fields: t.fields, form_version: t.formVersion,
    assignee_id: t.assigneeId, team_id: t.teamId, department_id: t.departmentId, created_by_id: t.createdById, parent_id: t.parentId,
    search_words: toVectorLiteral(t.searchWords), at, sequence: t.sequence, number_prefix: t.numberPrefix, changes,
    payload: { ticketId: t.id, actorId: t.createdById, action: 'created', causedBy: null, at, type: t.type, parentId: t.parentId },
  };
}

/**
 * The tickets' part of a (batched) intake statement: from `input` (columns
 * ord, interaction_id, log_call and INTAKE_TICKET_COLUMNS),
 * `customer` and `contact` it writes each work order (numbered from its day's
 * sequence), its first timeline entry and its `ticket.created` event, and gives
 * `t (id, number, customer_id)`.
 *
 * A row gets no work order when it has no customer, when its call could not
 * be attached, or when its form changed since the caller validated against it;
 * the caller finds out why and tries again.
 */
export const intakeTicketsSql: SQL = sql`numbered as (
      select i.ord, i.number_prefix || case when n.v < 10000 then lpad(n.v::text, 4, '0') else n.v::text end as number
      from input i cross join lateral (select nextval(i.sequence::regclass) as v) n),
    t as (
      insert into tickets (id, number, type, status, priority, channel, subject, customer_id, fields, form_version, assignee_id, team_id,
        department_id, created_by_id, interaction_id, parent_id, search_vector, created_at, updated_at)
      select i.id, n.number, i.type, 'new', i.priority, i.channel, i.subject, c.id, i.fields, i.form_version, i.assignee_id, i.team_id,
        i.department_id, i.created_by_id, k.id, i.parent_id, (i.search_words || ' ' || quote_literal(lower(n.number)))::tsvector, i.at, i.at
      from input i join customer c on c.ord = i.ord join numbered n on n.ord = i.ord left join contact k on k.ord = i.ord
      where (k.id is not null or (i.interaction_id is null and not i.log_call))
        and not exists (select 1 from form_definitions f where f.type = i.type and f.version > i.form_version)
      returning id, number, customer_id),
    timeline as (
      insert into ticket_events (ticket_id, actor_id, action, changes, at)
      select t.id, i.created_by_id, 'created', i.changes || c.notes, i.at
      from t join input i on i.id = t.id join customer c on c.ord = i.ord),
    event as (
      insert into outbox_events (type, aggregate_id, payload, created_at)
      select 'ticket.created', t.id, i.payload || jsonb_build_object('customerId', t.customer_id, 'changes', i.changes || c.notes), i.at
      from t join input i on i.id = t.id join customer c on c.ord = i.ord)`;
