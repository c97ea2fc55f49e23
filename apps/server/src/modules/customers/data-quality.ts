import { and, asc, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerWithOwner } from './customers.queries.ts';

export type QualityIssue = 'wrong_phone' | 'no_owner' | 'no_address';

/**
 * Marks a customer's phone as wrong (CUS-15): a callback that reached a wrong
 * number, or someone who noticed. The customer shows on the data-quality
 * board until the phone is corrected or checked; a merged duplicate's flag
 * goes to its survivor.
 */
export async function flagCustomerPhone(tx: Tx, customerId: string, note: string, actorId: string, at: Date): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`update customers set phone_flagged_at = ${at.toISOString()}::timestamptz, phone_flag_note = ${note},
      phone_flagged_by_id = ${actorId}::uuid, updated_at = ${at.toISOString()}::timestamptz
    where id = (select coalesce(merged_into_id, id) from customers where id = ${customerId}::uuid) returning id`);
  return rows.length > 0;
}

export async function clearPhoneFlag(db: Db, customerId: string): Promise<void> {
  const rows = await db.update(customers).set({ phoneFlaggedAt: null, phoneFlagNote: null, phoneFlaggedById: null, updatedAt: new Date() })
    .where(sql`${customers.id} = ${customerId}::uuid`).returning({ id: customers.id });
  if (!rows.length) throw notFound('customer');
}

/**
 * The data-quality board: customers whose phone was reported wrong (oldest
 * report first), or with no owner or no address (oldest customer first).
 */
export async function dataQualityList(db: Db, issue: QualityIssue, limit: number, cursor: string | undefined) {
  const conds: SQL[] = [isNull(customers.mergedIntoId)];
  const sortCol = issue === 'wrong_phone' ? customers.phoneFlaggedAt : customers.createdAt;
  if (issue === 'wrong_phone') conds.push(isNotNull(customers.phoneFlaggedAt));
  if (issue === 'no_owner') conds.push(isNull(customers.ownerId));
  if (issue === 'no_address') conds.push(or(isNull(customers.address), sql`${customers.address} = ''`)!);
  if (cursor) {
    const c = decodeCursor(cursor);
    conds.push(sql`(${sortCol}, ${customers.id}) > (${new Date(c.sortValue).toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db.select(customerWithOwner).from(customers).where(and(...conds)).orderBy(asc(sortCol), asc(customers.id)).limit(limit + 1);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const lastSort = last ? (issue === 'wrong_phone' ? last.phoneFlaggedAt! : last.createdAt) : null;
  return { items, nextCursor: more && last && lastSort ? encodeCursor(lastSort.toISOString(), last.id) : null };
}
