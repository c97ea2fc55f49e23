import { desc, eq, sql } from 'drizzle-orm';
import type { ClassChange } from '@kefu/shared/customer-classes-api';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { customerClassChanges, customers, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { classKeys, currentClassRules } from './class-rules.ts';
import { applyClassesToCustomer, lastCompleteQuarter, localToday } from './class-recompute.ts';

export interface OverrideInput { classKey: string | null; reason?: string; until?: string | null }

/**
 * Sets a customer's class by hand, with a reason and optionally a last day;
 * the recomputes keep it until then. `classKey: null` lifts it and lets the
 * rules decide at once. Both are recorded in the customer's class history.
 */
export async function setClassOverride(db: Db, actorId: string, customerId: string, input: OverrideInput, timeZone: string): Promise<void> {
  const rules = await currentClassRules(db);
  const today = localToday(timeZone);
  if (input.classKey !== null) {
    const keys = classKeys(rules);
    if (!keys.includes(input.classKey)) throw new AppError('UNKNOWN_CLASS', { key: input.classKey, keys: keys.join(', ') });
    if (!input.reason) throw new AppError('OVERRIDE_REASON_REQUIRED');
    if (input.until && input.until < today) throw new AppError('INVALID_TIME_RANGE');
  }
  await db.transaction(async (tx) => {
    const [c] = await tx.select({ cls: customers.tier, override: customers.tierOverride }).from(customers).where(eq(customers.id, customerId)).for('update');
    if (!c) throw notFound('customer');
    if (input.classKey === null) {
      if (!c.override) return;
      await tx.update(customers).set({ tierOverride: null, tierOverrideReason: null, tierOverrideUntil: null, updatedAt: new Date() }).where(eq(customers.id, customerId));
      await tx.insert(customerClassChanges).values({ customerId, fromClass: c.cls, toClass: c.cls, source: 'override_lifted', actorId });
      await applyClassesToCustomer(tx, rules, today, timeZone, customerId, actorId);
      return;
    }
    const until = input.until ?? null;
    await tx.update(customers).set({
      tier: input.classKey, tierOverride: input.classKey, tierOverrideReason: input.reason, tierOverrideUntil: until, updatedAt: new Date(),
    }).where(eq(customers.id, customerId));
    await tx.insert(customerClassChanges).values({
      customerId, fromClass: c.cls, toClass: input.classKey, source: 'override', note: input.reason, actorId,
      reason: { matched: [], override: { reason: input.reason, until }, quarter: lastCompleteQuarter(today) },
    });
  });
}

/** A customer's class history, newest first. */
export async function classHistory(db: Db, customerId: string, limit: number): Promise<ClassChange[]> {
  const rows = await db.select({ c: customerClassChanges, actorName: users.displayName }).from(customerClassChanges)
    .leftJoin(users, eq(users.id, customerClassChanges.actorId))
    .where(eq(customerClassChanges.customerId, customerId)).orderBy(desc(customerClassChanges.at), desc(customerClassChanges.seq)).limit(limit);
  return rows.map(({ c, actorName }) => ({
    id: c.id, from: c.fromClass, to: c.toClass, source: c.source as ClassChange['source'], reason: (c.reason as ClassChange['reason']) ?? null,
    note: c.note, actorName, at: c.at.toISOString(),
  }));
}

export interface MeasureRow { customerId: string; quarter: string; revenue?: number; payments?: number; referrals?: number }

/**
 * Records customers' figures per quarter (from an import, or the orders and
 * payments of a shop system): one statement; a figure left out keeps its
 * value. Unknown customers are refused as a whole (nothing is written).
 */
export async function upsertMeasures(db: Db, rows: MeasureRow[]): Promise<number> {
  const input = JSON.stringify(rows.map((r) => ({ customer_id: r.customerId, quarter: r.quarter, revenue: r.revenue ?? null, payments: r.payments ?? null, referrals: r.referrals ?? null })));
  const unknown = await queryRows<{ id: string }>(db, sql`
    select i.customer_id as id from jsonb_to_recordset(${input}::jsonb) as i(customer_id uuid)
    where not exists (select 1 from customers c where c.id = i.customer_id) limit 1`);
  if (unknown.length) throw new AppError('REFERENCE_NOT_FOUND', { what: 'customer', id: unknown[0].id });
  return writeMeasures(db, rows);
}

/** The write of upsertMeasures, for callers that know every customer exists (an import's chunk). */
export async function writeMeasures(db: Tx, rows: MeasureRow[]): Promise<number> {
  if (!rows.length) return 0;
  const input = JSON.stringify(rows.map((r) => ({ customer_id: r.customerId, quarter: r.quarter, revenue: r.revenue ?? null, payments: r.payments ?? null, referrals: r.referrals ?? null })));
  const written = await queryRows<{ n: number }>(db, sql`
    with i as (select distinct on (customer_id, quarter) * from jsonb_to_recordset(${input}::jsonb)
      as x(customer_id uuid, quarter text, revenue numeric, payments numeric, referrals int)),
    w as (
      insert into customer_measures (customer_id, quarter, revenue, payments, referrals)
      select i.customer_id, i.quarter, coalesce(i.revenue, m.revenue, 0), coalesce(i.payments, m.payments, 0), coalesce(i.referrals, m.referrals, 0)
      from i left join customer_measures m on m.customer_id = i.customer_id and m.quarter = i.quarter
      on conflict (customer_id, quarter) do update set
        revenue = excluded.revenue, payments = excluded.payments, referrals = excluded.referrals, updated_at = now()
      returning 1)
    select count(*)::int as n from w`);
  return written[0].n;
}
