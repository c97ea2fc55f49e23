import { sql, type SQL } from 'drizzle-orm';
import type { CampaignFilter } from '@kefu/shared/callbacks';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';

// Customers picked from the archive by a filter (campaigns CBK-03, periodic
// surveys SAT-01): by class, and/or having work orders of some types in a
// period ("all members with a purchase last week").

export function customerFilterSql(f: CampaignFilter): SQL {
  const parts: SQL[] = [sql`c.merged_into_id is null`];
  if (f.customerClasses?.length) parts.push(sql`c.customer_class in ${f.customerClasses}`);
  if (f.ticketTypes?.length || f.since || f.until) {
    // a merged duplicate's work orders count for its survivor
    const t: SQL[] = [sql`(t.customer_id = c.id or t.customer_id in (select m.id from customers m where m.merged_into_id = c.id))`, sql`t.parent_id is null`];
    if (f.ticketTypes?.length) t.push(sql`t.type in ${f.ticketTypes}`);
    if (f.since) t.push(sql`t.created_at >= ${f.since}::timestamptz`);
    if (f.until) t.push(sql`t.created_at < ${f.until}::timestamptz`);
    parts.push(sql`exists (select 1 from tickets t where ${sql.join(t, sql` and `)})`);
  }
  return sql.join(parts, sql` and `);
}

export async function countCustomers(tx: Tx, f: CampaignFilter): Promise<{ count: number; sample: { id: string; name: string; customerClass: string | null }[] }> {
  const where = customerFilterSql(f);
  const [n] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from customers c where ${where}`);
  const sample = await queryRows<{ id: string; name: string; customer_class: string | null }>(tx, sql`
    select c.id, c.name, c.customer_class from customers c where ${where} order by c.created_at desc limit 10`);
  return { count: n.n, sample: sample.map((s) => ({ id: s.id, name: s.name, customerClass: s.customer_class })) };
}

export async function selectCustomerIds(tx: Tx, f: CampaignFilter, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`select c.id from customers c where ${customerFilterSql(f)} order by c.created_at, c.id limit ${limit}`);
  return rows.map((r) => r.id);
}
