import { sql, type SQL } from 'drizzle-orm';
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

/**
 * The `customer` of an intake statement (CTEs found → created → customer):
 * the customer with this phone and name, else a new one. Two customers may
 * share a household phone, so the name decides; a new customer with a known
 * phone is flagged as a likely duplicate wherever it is shown.
 */
export function matchOrCreateCustomerSql(input: CallerInput, actorId: string): SQL {
  const phone = normalizePhone(input.phone);
  const vector = toVectorLiteral([...grams(input.name), ...grams(input.address ?? '')]);
  return sql`found as (
      select id, name, phone from customers where phone = ${phone.normalized} and name = ${input.name}
      order by created_at, id limit 1),
    created as (
      insert into customers (name, phone, phone_reversed, address, search_vector, created_by_id)
      select ${input.name}, ${phone.normalized}, ${reversedDigits(phone.digits)}, ${input.address || null}, ${vector}::tsvector, ${actorId}::uuid
      where not exists (select 1 from found)
      returning id, name, phone),
    customer as (select id, name, phone from found union all select id, name, phone from created)`;
}

/** The `customer` of an intake statement when the agent already picked the customer. */
export function existingCustomerSql(customerId: string): SQL {
  return sql`customer as (select id, name, phone from customers where id = ${customerId}::uuid)`;
}
