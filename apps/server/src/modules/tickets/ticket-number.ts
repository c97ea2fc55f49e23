import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/client.ts';

// Readable numbers GD20261126-0001 restart every day (in the centre's time
// zone). Each day has its own database sequence: nextval never blocks other
// transactions, unlike a counter row, so intake stays fast under load. Like
// any sequence it may skip a number when a save fails; it never repeats one.

// sequences known to exist, per database handle (tests open several in one process)
const known = new WeakMap<Db, Set<string>>();

const formats = new Map<string, Intl.DateTimeFormat>();

export function dayKey(now: Date, timeZone: string): string {
  // zones are offset by whole minutes: within one minute the day is the same (asked on every intake)
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDay.get(timeZone);
  if (last && last.minute === minute) return last.key;
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  const key = f.format(now).replace(/-/g, '');
  lastDay.set(timeZone, { minute, key });
  return key;
}
const lastDay = new Map<string, { minute: number; key: string }>();

/**
 * The day's number sequence (created on first use; cached per database) and
 * the prefix of its numbers, e.g. { sequence: 'ticket_no_20261207', prefix: 'GD20261207-' }.
 */
export async function daySequence(db: Db, now: Date, timeZone: string, prefix = 'GD', via: Tx = db): Promise<{ sequence: string; prefix: string }> {
  const day = dayKey(now, timeZone);
  const seq = `ticket_no_${day}`;
  const created = known.get(db) ?? new Set<string>();
  known.set(db, created);
  if (!created.has(seq)) {
    try {
      await via.execute(sql.raw(`create sequence if not exists ${seq}`));
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
  return { sequence: seq, prefix: `${prefix}${day}-` };
}

/** The next readable number, e.g. GD20261207-0001 (four digits at least; more after 9,999 a day). */
export async function nextTicketNumber(db: Db, now: Date, timeZone: string, prefix = 'GD', via: Tx = db): Promise<string> {
  const { sequence, prefix: p } = await daySequence(db, now, timeZone, prefix, via);
  const [row] = await queryRows<{ n: string | number }>(via, sql.raw(`select nextval('${sequence}') as n`));
  return `${p}${String(Number(row.n)).padStart(4, '0')}`;
}
