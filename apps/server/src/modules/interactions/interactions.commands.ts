import { sql, type SQL } from 'drizzle-orm';

/**
 * The `contact` of an intake statement: the phone call an API client records
 * a work order for without opening the call first still gets it logged (CHN-28).
 * Needs the `customer` CTE.
 */
export function logCallSql(actorId: string, at: Date): SQL {
  return sql`contact as (
      insert into interactions (channel, direction, caller_number, customer_id, agent_id, started_at, ended_at)
      select 'phone', 'inbound', customer.phone, customer.id, ${actorId}::uuid, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
      from customer returning id)`;
}

/**
 * The `contact` of an intake statement when the agent opened the call: it must
 * be theirs (or the agent may reassign work), and it gets the customer if it
 * had none yet. Needs the `customer` CTE.
 */
export function attachToCallSql(interactionId: string, actorId: string, mayUseOthers: boolean): SQL {
  return sql`contact as (
      select id from interactions
      where id = ${interactionId}::uuid and (agent_id = ${actorId}::uuid or ${mayUseOthers}::boolean)),
    contact_linked as (
      update interactions set customer_id = customer.id from customer, contact
      where interactions.id = contact.id and interactions.customer_id is null)`;
}
