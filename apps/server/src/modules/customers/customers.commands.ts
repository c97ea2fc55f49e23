import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
export { flagCustomerPhone } from './data-quality.ts';
export { createCustomer } from './create-customer.ts';
import { grams, toVectorLiteral } from '../../platform/search/tokenize.ts';
import { normalizePhone } from './create-customer.ts';
import { reversedDigits } from './customer-search-vector.ts';

export { normalizePhone };

/** A caller described by the agent (or an API client): matched to the archive, else added. */
export interface CallerInput {
  name: string;
  phone: string;
  address?: string | null;
}

/** The customers' columns of one intake row (see intakeCustomersSql), as they go into `input`. */
export const INTAKE_CALLER_COLUMNS = 'customer_id uuid, phone text, phone_reversed text, caller_name text, address text, customer_vector text, new_customer_id uuid';
export type IntakeCaller = ReturnType<typeof intakeCaller>;

/**
 * What intakeCustomersSql needs of a caller given by name and phone (matched
 * or added as `new_customer_id`), or of a customer the agent picked by id.
 */
export function intakeCaller(input: CallerInput | { id: string }, newCustomerId: string) {
  if ('id' in input) {
    return { customer_id: input.id, phone: null, phone_reversed: null, caller_name: null, address: null, customer_vector: null, new_customer_id: newCustomerId };
  }
  const phone = normalizePhone(input.phone);
  return {
    customer_id: null, phone: phone.normalized, phone_reversed: reversedDigits(phone.digits), caller_name: input.name, address: input.address || null,
    customer_vector: toVectorLiteral([...grams(input.name), ...grams(input.address ?? '')]), new_customer_id: newCustomerId,
  };
}

/**
 * The customers' part of a (batched) intake statement: from `input` (columns
 * ord, created_by_id and INTAKE_CALLER_COLUMNS) it gives
 * `customer (ord, id, name, phone, notes)`, one row per input row.
 *
 * A caller given by phone is the archive's customer with this phone — the one
 * of the same name if the phone is a household's, else the first on record —
 * or a new one when the phone is unknown (once per phone within the batch).
 * A caller who gave another name stays the archive's customer; `notes`
 * carries the name they gave, for the new work order's first timeline entry.
 * (A second person on a known phone is added on purpose: POST /customers, then
 * the work order names the customer by id.) A picked customer that does not
 * exist gives no row, and so no work order. A merged duplicate, by phone or
 * picked, stands for its survivor.
 */
export const intakeCustomersSql: SQL = sql`picked as (
      select i.ord, c.id, c.name, c.phone from input i
      cross join lateral (select s.id, s.name, s.phone from customers c0 join customers s on s.id = coalesce(c0.merged_into_id, c0.id)
        where c0.id = i.customer_id limit 1) c),
    found as (
      select i.ord, f.id, f.name, f.phone from input i
      cross join lateral (select s.id, s.name, s.phone from customers c0 join customers s on s.id = coalesce(c0.merged_into_id, c0.id)
        where c0.phone = i.phone order by (c0.name = i.caller_name) desc, (c0.merged_into_id is null) desc, c0.created_at, c0.id limit 1) f
      where i.customer_id is null),
    fresh as (
      select distinct on (i.phone) i.phone, i.new_customer_id as id, i.caller_name as name, i.phone_reversed, i.address, i.customer_vector, i.created_by_id
      from input i where i.customer_id is null and not exists (select 1 from found f where f.ord = i.ord)
      order by i.phone, i.ord),
    created as (
      insert into customers (id, name, phone, phone_reversed, address, search_vector, created_by_id)
      select id, name, phone, phone_reversed, address, customer_vector::tsvector, created_by_id from fresh),
    matched as (
      select ord, id, name, phone from found
      union all select i.ord, f.id, f.name, f.phone from input i join fresh f on f.phone = i.phone
        where i.customer_id is null and not exists (select 1 from found x where x.ord = i.ord)),
    customer as (
      select ord, id, name, phone, '[]'::jsonb as notes from picked
      union all select m.ord, m.id, m.name, m.phone,
        case when m.name = i.caller_name then '[]'::jsonb
          else jsonb_build_array(jsonb_build_object('field', 'callerName', 'from', m.name, 'to', i.caller_name)) end
      from matched m join input i on i.ord = m.ord)`;

/**
 * A contact with the customer (a call, a visit, a reached callback). By its
 * owner it is the first contact after assignment (CUS-04: the timer stops)
 * and the last contact the contact plan counts from; a merged duplicate's
 * contact counts for its survivor.
 */
export async function noteCustomerContact(tx: Tx, customerId: string, agentId: string, at: Date): Promise<void> {
  await tx.execute(sql`update customers set last_contact_at = greatest(coalesce(last_contact_at, ${at.toISOString()}::timestamptz), ${at.toISOString()}::timestamptz),
      first_contact_due_at = null, first_contact_overdue_at = null
    where id = (select coalesce(merged_into_id, id) from customers where id = ${customerId}::uuid) and owner_id = ${agentId}::uuid`);
}

/** The quarter (2026Q4) of a local date (2026-12-07). */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * A payment recorded in Kefu (a service bought or renewed): it adds to the
 * customer's revenue and payments of the quarter it was made in, the figures
 * the class rules read (CUS-06 ARPU and payments per quarter). An import of
 * that quarter's figures later replaces them: the shop system's totals win.
 */
export async function addCustomerPayment(tx: Tx, customerId: string, day: string, amount: number): Promise<void> {
  // a refund comes as a negative amount: it takes back what the payment added
  if (!amount || !Number.isFinite(amount)) return;
  await tx.execute(sql`insert into customer_measures (customer_id, quarter, revenue, payments)
    values (${customerId}::uuid, ${quarterOf(day)}, ${amount}, ${amount})
    on conflict (customer_id, quarter) do update set revenue = customer_measures.revenue + excluded.revenue,
      payments = customer_measures.payments + excluded.payments, updated_at = now()`);
}
