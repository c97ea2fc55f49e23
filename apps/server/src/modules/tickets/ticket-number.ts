import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

// Readable numbers GD20261126-0001 restart every day (in the centre's time
// zone). Each day has its own database sequence: nextval never blocks other
// transactions, unlike a counter row, so intake stays fast under load. Like
// any sequence it may skip a number when a save fails; it never repeats one.

// sequences known to exist, per database handle (tests open several in one process)
const known = new WeakMap<Db, Set<string>>();

const formats = new Map<string, Intl.DateTimeFormat>();

export function dayKey(now: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f.format(now).replace(/-/g, '');
}

export async function nextTicketNumber(db: Db, now: Date, timeZone: string, prefix = 'GD'): Promise<string> {
  const day = dayKey(now, timeZone);
  const seq = `ticket_no_${day}`;
  const created = known.get(db) ?? new Set<string>();
  known.set(db, created);
  if (!created.has(seq)) {
    try {
      await db.execute(sql.raw(`create sequence if not exists ${seq}`));
    } catch (e) {
      // two instances creating the same sequence at once: the loser sees a duplicate
      // (the driver's error is wrapped: look at the cause too)
      const err = e as { message?: string; code?: string; cause?: { message?: string; code?: string } };
      const codes = [err.code, err.cause?.code];
      const text = `${err.message ?? ''} ${err.cause?.message ?? ''}`;
      if (!codes.includes('23505') && !codes.includes('42P07') && !/already exists|duplicate key/.test(text)) throw e;
    }
    created.add(seq);
  }
  const [row] = await queryRows<{ n: string | number }>(db, sql.raw(`select nextval('${seq}') as n`));
  const n = Number(row.n);
  return `${prefix}${day}-${String(n).padStart(4, '0')}`;
}
