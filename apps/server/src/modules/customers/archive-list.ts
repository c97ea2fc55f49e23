import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { archiveListQuery } from '@kefu/shared/customer-archive-api';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { dayNumberOf, instantOf, localClock } from '../../platform/time/wall-clock.ts';
import { customerWithOwner } from './customers.queries.ts';

type Query = z.infer<typeof archiveListQuery>;

/**
 * The supervisor's daily extract (CUS-01 每日提取客户信息档案): customers added
 * or changed between two local days (yesterday and today by default), newest
 * change first — a class recompute or an assignment is a change too: it is
 * what the supervisor reviews next. With `firstContact` it is the board of
 * first-contact timers instead: soonest deadline first.
 */
export async function archiveList(db: Db, q: Query, timeZone: string, now: Date) {
  const today = localClock(timeZone, now.getTime()).day;
  const from = new Date(instantOf(timeZone, q.from ? dayNumberOf(q.from) : today - 1, 0)).toISOString();
  const to = new Date(instantOf(timeZone, (q.to ? dayNumberOf(q.to) : today) + 1, 0)).toISOString();
  const conds: SQL[] = [isNull(customers.mergedIntoId)];
  if (q.kind !== 'any') conds.push(sql`${customers.updatedAt} >= ${from}::timestamptz and ${customers.updatedAt} < ${to}::timestamptz`);
  if (q.kind === 'new') conds.push(sql`${customers.createdAt} >= ${from}::timestamptz`);
  if (q.kind === 'changed') conds.push(sql`${customers.createdAt} < ${from}::timestamptz`);
  if (q.tier) conds.push(eq(customers.tier, q.tier));
  if (q.owner === 'none') conds.push(isNull(customers.ownerId));
  else if (q.owner) conds.push(eq(customers.ownerId, q.owner));
  if (q.firstContact === 'pending') conds.push(isNotNull(customers.firstContactDueAt));
  if (q.firstContact === 'overdue') conds.push(isNotNull(customers.firstContactOverdueAt));
  const byDue = !!q.firstContact;
  const sortCol = byDue ? customers.firstContactDueAt : customers.updatedAt;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const at = sql`${new Date(c.sortValue).toISOString()}::timestamptz`;
    conds.push(byDue ? sql`(${sortCol}, ${customers.id}) > (${at}, ${c.id}::uuid)` : sql`(${sortCol}, ${customers.id}) < (${at}, ${c.id}::uuid)`);
  }
  const rows = await db.select(customerWithOwner).from(customers).where(and(...conds))
    .orderBy(...(byDue ? [asc(sortCol), asc(customers.id)] : [desc(sortCol), desc(customers.id)])).limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const lastSort = last ? (byDue ? last.firstContactDueAt! : last.updatedAt) : null;
  return { items, nextCursor: more && last && lastSort ? encodeCursor(lastSort.toISOString(), last.id) : null };
}
