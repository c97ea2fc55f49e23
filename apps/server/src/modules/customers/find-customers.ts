import { and, desc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import { customerWithOwner } from './customers.queries.ts';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { gramsQuery, searchRuns } from '../../platform/search/tokenize.ts';
import { AppError } from '../../platform/errors.ts';
import { isPhoneSearch } from '@kefu/shared/phone';
import { reversedDigits } from './customer-search-vector.ts';

/**
 * The operator's lookup: digits (4 or more) match the end of a phone number,
 * anything else matches fragments of the name or address. Without
 * `withPii` (a role that sees phones and addresses masked) only the name is
 * searched and a phone query is refused: otherwise the answers to a few
 * searches would spell out the masked digits and address, one at a time.
 */
export async function findCustomers(db: Db, q: string | undefined, limit: number, cursor: string | undefined, withPii: boolean, tier?: string) {
  const conds = customerFilter(q, withPii, tier);
  if (!conds) return { items: [], nextCursor: null };
  if (cursor) {
    const c = decodeCursor(cursor);
    const at = new Date(c.sortValue);
    conds.push(sql`(${customers.createdAt}, ${customers.id}) < (${at.toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db.select(customerWithOwner).from(customers)
    .where(and(...conds))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
}

/**
 * The list's filter as conditions on `customers` (the list and the export
 * share it); null when nothing can match.
 */
export function customerFilter(q: string | undefined, withPii: boolean, tier?: string): SQL[] | null {
  // a merged duplicate is not listed or exported: its survivor is
  const conds: SQL[] = [isNull(customers.mergedIntoId)];
  if (tier) conds.push(eq(customers.tier, tier));
  const text = q?.trim() ?? '';
  const digits = text.replace(/[\s\-()+]/g, '');
  if (isPhoneSearch(text)) {
    if (!withPii) throw new AppError('PII_SEARCH_FORBIDDEN');
    const d = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
    conds.push(like(customers.phoneReversed, `${reversedDigits(d)}%`));
  } else if (text) {
    const tsq = gramsQuery(text);
    if (!tsq) return null;
    conds.push(sql`${customers.searchVector} @@ ${tsq}::tsquery`);
    // the vector holds the address's fragments too: keep only matches in the name
    if (!withPii) for (const run of searchRuns(text)) conds.push(sql`strpos(lower(${customers.name}), ${run}) > 0`);
  }
  return conds;
}

/** Phones shared by more than one customer among these rows, for the duplicate flag in lists. */
export async function duplicatesFor(db: Db, rows: (typeof customers.$inferSelect)[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!rows.length) return out;
  const phones = [...new Set(rows.map((r) => r.phone))];
  const same = await db.select({ id: customers.id, phone: customers.phone }).from(customers)
    .where(and(sql`${customers.phone} in ${phones}`, isNull(customers.mergedIntoId))).limit(1000);
  for (const r of rows) out.set(r.id, same.filter((s) => s.phone === r.phone && s.id !== r.id).map((s) => s.id));
  return out;
}
