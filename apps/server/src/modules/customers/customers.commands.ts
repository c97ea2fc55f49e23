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
 * the archive's customer with this phone — the one of the same name if the
 * phone is a household's, else the first on record — or a new one when the
 * phone is unknown. A caller who gave another name stays the archive's
 * customer; `notes` carries the name they gave, for the new work order's first
 * timeline entry. (A second person on a known phone is added on purpose:
 * POST /customers, then the work order names the customer by id.)
 */
export function matchOrCreateCustomerSql(input: CallerInput, actorId: string): SQL {
  const phone = normalizePhone(input.phone);
  const vector = toVectorLiteral([...grams(input.name), ...grams(input.address ?? '')]);
  return sql`found as (
      select id, name, phone from customers where phone = ${phone.normalized}
      order by (name = ${input.name}) desc, created_at, id limit 1),
    created as (
      insert into customers (name, phone, phone_reversed, address, search_vector, created_by_id)
      select ${input.name}, ${phone.normalized}, ${reversedDigits(phone.digits)}, ${input.address || null}, ${vector}::tsvector, ${actorId}::uuid
      where not exists (select 1 from found)
      returning id, name, phone),
    customer as (
      select id, name, phone,
        case when name = ${input.name} then '[]'::jsonb
          else jsonb_build_array(jsonb_build_object('field', 'callerName', 'from', name, 'to', ${input.name}::text)) end as notes
      from found
      union all select id, name, phone, '[]'::jsonb from created)`;
}

/** The `customer` of an intake statement when the agent already picked the customer. */
export function existingCustomerSql(customerId: string): SQL {
  return sql`customer as (select id, name, phone, '[]'::jsonb as notes from customers where id = ${customerId}::uuid)`;
}
