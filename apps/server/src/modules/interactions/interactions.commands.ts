import { sql, type SQL } from 'drizzle-orm';

/** The interactions' columns of one intake row (see intakeContactsSql), as they go into `input`. */
export const INTAKE_CONTACT_COLUMNS = 'interaction_id uuid, may_use_others boolean, log_call boolean, new_contact_id uuid';

/**
 * What intakeContactsSql needs: the call the agent opened (to attach the work
 * order to; `mayUseOthers`: also one another agent took, ticket:assign), or a
 * phone call to log now as `newContactId` — an API client recording a work
 * order without opening the call first (CHN-28).
 */
export function intakeContact(interactionId: string | null, mayUseOthers: boolean, logCall: boolean, newContactId: string) {
  return { interaction_id: interactionId, may_use_others: mayUseOthers, log_call: logCall, new_contact_id: newContactId };
}
export type IntakeContact = ReturnType<typeof intakeContact>;

/**
 * The interactions' part of a (batched) intake statement: from `input`
 * (columns ord, created_by_id, at and INTAKE_CONTACT_COLUMNS) and
 * `customer` it gives `contact (ord, id)` for the rows that have one.
 *
 * An opened call must be the agent's own (or the agent may reassign work), and
 * it gets the customer if it had none yet; a row whose call is missing or not
 * theirs has no contact, and the tickets' part then writes no work order.
 */
export const intakeContactsSql: SQL = sql`attached as (
      select i.ord, x.id from input i
      cross join lateral (select id from interactions where id = i.interaction_id and (agent_id = i.created_by_id or i.may_use_others) limit 1) x),
    attached_linked as (
      update interactions set customer_id = c.id from attached a join customer c on c.ord = a.ord
      where interactions.id = a.id and interactions.customer_id is null),
    logged as (
      insert into interactions (id, channel, direction, caller_number, customer_id, agent_id, started_at, ended_at)
      select i.new_contact_id, 'phone', 'inbound', c.phone, c.id, i.created_by_id, i.at, i.at
      from input i join customer c on c.ord = i.ord where i.log_call),
    contact as (
      select ord, id from attached
      union all select ord, new_contact_id from input where log_call)`;
