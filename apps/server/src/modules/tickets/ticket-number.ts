import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

// Readable numbers GD20261126-0001 restart every day (in the centre's time
// zone). Each day has its own database sequence: nextval never blocks other
// transactions, unlike a counter row, so intake stays fast under load. Like
// any sequence it may skip a number when a save fails; it never repeats one.

const known = new Set<string>();

export function dayKey(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts.replace(/-/g, '');
}

export async function nextTicketNumber(db: Db, now: Date, timeZone: string, prefix = 'GD'): Promise<string> {
  const day = dayKey(now, timeZone);
  const seq = `ticket_no_${day}`;
  if (!known.has(seq)) {
    try {
      await db.execute(sql.raw(`create sequence if not exists ${seq}`));
    } catch (e) {
      // two instances creating the same sequence at once: the loser sees a duplicate
      if (!/already exists|duplicate key/.test(String((e as Error).message ?? e))) throw e;
    }
    known.add(seq);
  }
  const r = await db.execute<{ n: string | number }>(sql.raw(`select nextval('${seq}') as n`));
  const n = Number(r.rows[0].n);
  return `${prefix}${day}-${String(n).padStart(4, '0')}`;
}
