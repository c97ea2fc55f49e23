import { and, desc, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CustomerMerge } from '@kefu/shared/customer-archive-api';
import type { ClassRules } from '@kefu/shared/customer-classes-api';
import type { Db, Tx } from '../../db/client.ts';
import { customerMerges, customers, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { customerSearchVector } from './customer-search-vector.ts';
import { currentClassRules } from './class-rules.ts';
import { applyClassesToCustomer, localToday } from './class-recompute.ts';

// A duplicate is merged by pointing it at the survivor (customers.merged_into_id),
// not by moving its work orders, calls, chats and callbacks: those rows belong
// to other modules and stay exactly as written, and every "this customer's …"
// read takes the survivor's group (inCustomerGroup). So the history is kept
// and an undo is exact: clear the pointer and put back the few fields the
// merge filled on the survivor.

type Row = typeof customers.$inferSelect;

/** The survivor's fields a merge may fill from the duplicate: each only if the survivor has none (tags: joined; since: the earlier). */
const FILLABLE = ['email', 'address', 'customerClass', 'note', 'customerSince', 'tags', 'ownerId'] as const;
type Fillable = (typeof FILLABLE)[number];
type Filled = Partial<Record<Fillable, { before: unknown; after: unknown }>>;

/** `column` (a customer id) is this customer or one merged into it. */
export function inCustomerGroup(column: AnyColumn | SQL, customerId: string): SQL {
  return sql`${column} in (select id from customers where id = ${customerId}::uuid or merged_into_id = ${customerId}::uuid)`;
}

function fillsOf(into: Row, from: Row): Filled {
  const out: Filled = {};
  for (const f of FILLABLE) {
    const a = into[f];
    const b = from[f];
    if (f === 'tags') {
      const joined = [...new Set([...into.tags, ...from.tags])];
      if (joined.length !== into.tags.length) out.tags = { before: into.tags, after: joined };
    } else if (f === 'customerSince') {
      // tenure counts from the earlier of the two records (CUS-06: customer for ≥ 3 years)
      const earliest = [into.customerSince ?? into.createdAt.toISOString().slice(0, 10), from.customerSince ?? from.createdAt.toISOString().slice(0, 10)].sort()[0];
      if (earliest !== (into.customerSince ?? into.createdAt.toISOString().slice(0, 10))) out.customerSince = { before: a, after: earliest };
    } else if ((a === null || a === '') && b !== null && b !== '') {
      out[f] = { before: a, after: b };
    }
  }
  return out;
}

function valuesOf(filled: Filled, side: 'before' | 'after'): Partial<Row> {
  const out: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(filled)) out[f] = v[side];
  return out as Partial<Row>;
}

async function lockBoth(tx: Tx, a: string, b: string): Promise<Map<string, Row>> {
  // in id order, so two merges of the same pair the other way round do not deadlock
  const rows = await tx.select().from(customers).where(inArray(customers.id, [a, b])).orderBy(customers.id).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

async function reclassify(tx: Tx, rules: ClassRules, ids: string[], actorId: string, timeZone: string): Promise<void> {
  const today = localToday(timeZone);
  for (const id of ids) await applyClassesToCustomer(tx, rules, today, timeZone, id, actorId);
}

/**
 * Merges customer `fromId` (a duplicate) into `intoId`: the duplicate's
 * links show under the survivor, customers merged into the duplicate before
 * follow it, empty fields of the survivor are filled from it, and the
 * survivor's class is worked out again with both records' figures.
 */
export async function mergeCustomer(db: Db, fromId: string, intoId: string, actorId: string, timeZone: string): Promise<string> {
  if (fromId === intoId) throw new AppError('MERGE_SELF');
  // read before the transaction: on PGlite (one connection) a read through `db` inside it would wait forever
  const rules = await currentClassRules(db);
  return db.transaction(async (tx) => {
    const both = await lockBoth(tx, fromId, intoId);
    const from = both.get(fromId);
    const into = both.get(intoId);
    if (!from || !into) throw notFound('customer');
    if (from.mergedIntoId) throw new AppError('ALREADY_MERGED');
    if (into.mergedIntoId) throw new AppError('MERGE_TARGET_MERGED');
    const carried = (await tx.update(customers).set({ mergedIntoId: intoId }).where(eq(customers.mergedIntoId, fromId)).returning({ id: customers.id })).map((r) => r.id);
    const filled = fillsOf(into, from);
    const now = new Date();
    await tx.update(customers).set({ mergedIntoId: intoId, updatedAt: now }).where(eq(customers.id, fromId));
    if (Object.keys(filled).length) {
      const next = { ...into, ...valuesOf(filled, 'after') };
      await tx.update(customers).set({
        ...valuesOf(filled, 'after'), updatedAt: now,
        searchVector: customerSearchVector(next.name, next.address) as unknown as string,
      }).where(eq(customers.id, intoId));
    }
    const [m] = await tx.insert(customerMerges).values({ fromId, intoId, carried, filled, actorId, at: now }).returning({ id: customerMerges.id });
    await reclassify(tx, rules, [intoId], actorId, timeZone);
    return m.id;
  });
}

/**
 * Undoes the last merge of customer `fromId`: it stands on its own again with
 * its links, the customers it carried go back to it, and the survivor's
 * fields the merge filled are put back — each only if nobody changed it since.
 */
export async function undoMerge(db: Db, fromId: string, actorId: string, timeZone: string): Promise<void> {
  const rules = await currentClassRules(db);
  await db.transaction(async (tx) => {
    const [m] = await tx.select().from(customerMerges)
      .where(and(eq(customerMerges.fromId, fromId), isNull(customerMerges.undoneAt))).orderBy(desc(customerMerges.at)).limit(1).for('update');
    if (!m) throw new AppError('NOT_MERGED');
    const both = await lockBoth(tx, m.fromId, m.intoId);
    const from = both.get(m.fromId)!;
    const into = both.get(m.intoId)!;
    if (from.mergedIntoId !== m.intoId) throw new AppError('NOT_MERGED');
    // the survivor was merged on into a third customer: that merge comes undone first
    if (into.mergedIntoId) throw new AppError('MERGE_UNDO_BLOCKED');
    const now = new Date();
    await tx.update(customers).set({ mergedIntoId: null, updatedAt: now }).where(eq(customers.id, m.fromId));
    if (m.carried.length) {
      await tx.update(customers).set({ mergedIntoId: m.fromId })
        .where(and(inArray(customers.id, m.carried), eq(customers.mergedIntoId, m.intoId)));
    }
    const filled = m.filled as Filled;
    const restore: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(filled) as [Fillable, { before: unknown; after: unknown }][]) {
      if (JSON.stringify(into[f]) === JSON.stringify(v.after)) restore[f] = v.before;
    }
    if (Object.keys(restore).length) {
      const next = { ...into, ...restore } as Row;
      await tx.update(customers).set({ ...restore, updatedAt: now, searchVector: customerSearchVector(next.name, next.address) as unknown as string })
        .where(eq(customers.id, m.intoId));
    }
    await tx.update(customerMerges).set({ undoneAt: now, undoneById: actorId }).where(eq(customerMerges.id, m.id));
    await reclassify(tx, rules, [m.intoId, m.fromId], actorId, timeZone);
  });
}

/** The merges a customer took part in (as survivor or duplicate), newest first. */
export async function mergesOf(db: Db, customerId: string): Promise<CustomerMerge[]> {
  const rows = await db.select({
    m: customerMerges, actorName: users.displayName,
    fromName: sql<string>`(select name from customers fc where fc.id = ${customerMerges.fromId})`,
    intoName: sql<string>`(select name from customers x where x.id = ${customerMerges.intoId})`,
  }).from(customerMerges).leftJoin(users, eq(users.id, customerMerges.actorId))
    .where(or(eq(customerMerges.fromId, customerId), eq(customerMerges.intoId, customerId)))
    .orderBy(desc(customerMerges.at)).limit(100);
  return rows.map(({ m, actorName, fromName, intoName }) => ({
    id: m.id, fromId: m.fromId, fromName, intoId: m.intoId, intoName,
    filled: Object.keys(m.filled as object), carried: m.carried.length,
    at: m.at.toISOString(), actorName, undoneAt: m.undoneAt?.toISOString() ?? null,
  }));
}
