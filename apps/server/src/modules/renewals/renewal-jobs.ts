import type { Db, Tx } from '../../db/client.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { sendLeadNotices } from './lead-notices.ts';
import { sendMonthEndList } from './month-end-list.ts';
import { addDays, isLastDayOfMonth, localDay, monthAfter, morningOf } from './renewal-days.ts';

export const DAILY_JOB = 'renewals.daily';

/** The next 08:00 local after `now` (today's if it has not come yet). */
function nextMorning(timeZone: string, now: Date): { day: string; at: Date } {
  const today = localDay(timeZone, now);
  const at = morningOf(timeZone, today);
  if (at.getTime() > now.getTime()) return { day: today, at };
  const day = addDays(today, 1);
  return { day, at: morningOf(timeZone, day) };
}

/**
 * Once a day at 08:00 local: the owners' lead-time notices, and on the last
 * day of a month the next month's unowned list to the market director. The
 * day is the business clock's (tests move it); each run queues the next,
 * keyed by its day, so restarts and several processes keep one pending run.
 */
export function registerRenewalJobs(runner: JobRunner, db: Db, timeZone: string, clock: Clock): void {
  const scheduleNext = (tx: Tx) => {
    // the queue runs on the machine's time: the next run is the next real morning
    const next = nextMorning(timeZone, new Date());
    return enqueue(tx, DAILY_JOB, {}, { runAt: next.at, dedupeKey: `${DAILY_JOB}:${next.day}` });
  };
  runner.registerUnit(DAILY_JOB, async (work) => {
    const now = clock.now();
    const today = localDay(timeZone, now);
    await sendLeadNotices(work, today, now);
    if (isLastDayOfMonth(today)) await sendMonthEndList(work, monthAfter(today), { actorId: null, once: true, now });
    await scheduleNext(work.tx);
  });
  void scheduleNext(db).catch(() => {});
}
