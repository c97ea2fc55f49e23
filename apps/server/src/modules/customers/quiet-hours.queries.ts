import { eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { customers, quietHourRules } from '../../db/schema/index.ts';
import { isQuietTime, nextAllowedTime, quietHoursList, type QuietHours } from '../../platform/time/quiet-hours.ts';

// "一个避免" (CBK-06, NTF-11): no callback while the customer rests. Windows
// are per customer class with a default row (customer class null).

export const DEFAULT_QUIET_HOURS: QuietHours[] = [{ start: '21:00', end: '09:00' }, { start: '12:00', end: '13:30' }];

// validated windows by row version: the check walks every minute of the day, too slow per list row
const parsed = new Map<string, QuietHours[]>();
function windowsOf(row: typeof quietHourRules.$inferSelect): QuietHours[] {
  const key = `${row.id}:${row.updatedAt.getTime()}`;
  let w = parsed.get(key);
  if (!w) {
    w = quietHoursList.parse(row.windows);
    if (parsed.size > 200) parsed.clear();
    parsed.set(key, w);
  }
  return w;
}

/** All rules at once: a resolver from customer class to its windows (one query for a whole list). */
export async function quietHoursResolver(tx: Tx): Promise<(customerClass: string | null) => QuietHours[]> {
  const rows = await tx.select().from(quietHourRules);
  const def = rows.find((r) => r.customerClass === null);
  return (customerClass) => {
    const own = customerClass ? rows.find((r) => r.customerClass === customerClass) : undefined;
    const row = own ?? def;
    return row ? windowsOf(row) : DEFAULT_QUIET_HOURS;
  };
}

export async function quietHoursFor(tx: Tx, customerClass: string | null): Promise<QuietHours[]> {
  return (await quietHoursResolver(tx))(customerClass);
}

export interface QuietState {
  quiet: boolean;
  /** the end of the quiet spell, when quiet */
  nextAllowedAt: Date | null;
}

export function quietState(windows: QuietHours[], timeZone: string, at: Date): QuietState {
  if (!isQuietTime(windows, timeZone, at)) return { quiet: false, nextAllowedAt: null };
  return { quiet: true, nextAllowedAt: nextAllowedTime(windows, timeZone, at) };
}

export async function customerQuietState(tx: Tx, customerId: string, timeZone: string, at: Date): Promise<QuietState> {
  const [c] = await tx.select({ cls: customers.customerClass }).from(customers).where(eq(customers.id, customerId));
  return quietState(await quietHoursFor(tx, c?.cls ?? null), timeZone, at);
}

export async function ensureDefaultQuietHours(tx: Tx): Promise<void> {
  const [row] = await tx.select({ id: quietHourRules.id }).from(quietHourRules).where(isNull(quietHourRules.customerClass));
  if (!row) await tx.insert(quietHourRules).values({ customerClass: null, windows: DEFAULT_QUIET_HOURS });
}
