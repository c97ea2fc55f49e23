import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { recipient } from '@kefu/shared/rules';
import type { Db, Tx } from '../../db/client.ts';
import { dispatchCutoffs, tickets } from '../../db/schema/index.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { isWorkingTime } from '../../platform/time/business-time.ts';
import type { CalendarSpec } from '@kefu/shared/calendar-spec';
import { calendarBook } from '../../platform/time/calendars.ts';
import { instantOf, localClock } from '../../platform/time/wall-clock.ts';
import { clockMinutes } from '@kefu/shared/clock-time';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { orgDirectory } from '../org/org.queries.ts';

export const CUTOFF_JOB = 'dispatch.cutoff';

/** The next time after `now` that is HH:mm local time on a working day of the calendar. */
export function nextCutoff(spec: CalendarSpec, at: string, now: Date): Date {
  const minute = clockMinutes(at);
  const { day } = localClock(spec.timeZone, now.getTime());
  for (let d = day; d < day + 400; d++) {
    const instant = instantOf(spec.timeZone, d, minute);
    if (instant > now.getTime() && (spec.alwaysOpen || isWorkingTime(spec, new Date(instant)))) return new Date(instant);
  }
  throw new Error(`no working day within 400 days for cut-off ${at}`);
}

export async function scheduleCutoff(tx: Tx, cacheKey: object, cutoff: typeof dispatchCutoffs.$inferSelect, now = new Date()): Promise<void> {
  const spec = (await calendarBook(tx, cacheKey)).pick(cutoff.calendarId).spec;
  const runAt = nextCutoff(spec, cutoff.at, now);
  // one job per occurrence: the run that schedules the next one still holds its own key
  await enqueue(tx, CUTOFF_JOB, { cutoffId: cutoff.id }, { runAt, dedupeKey: `cutoff:${cutoff.id}:${runAt.toISOString()}` });
}

/** Every enabled cut-off has its next run waiting (at start-up and after a template load). */
export async function ensureCutoffJobs(db: Db): Promise<void> {
  const all = await db.select().from(dispatchCutoffs).where(eq(dispatchCutoffs.enabled, true));
  for (const c of all) await db.transaction((tx) => scheduleCutoff(tx, db, c));
}

/**
 * At the cut-off: each assignee gets one digest of the forms still new, and the
 * alert recipients (e.g. the operator team lead) the list of what is waiting.
 * Then the next working day's run is scheduled.
 */
export async function runCutoff(work: UnitOfWork, cutoffId: string, now: Date): Promise<number> {
  const tx = work.tx;
  const [c] = await tx.select().from(dispatchCutoffs).where(eq(dispatchCutoffs.id, cutoffId));
  if (!c || !c.enabled) return 0;
  const waiting = await tx.select({ id: tickets.id, number: tickets.number, assigneeId: tickets.assigneeId }).from(tickets)
    .where(and(eq(tickets.type, c.ticketType), inArray(tickets.status, ['new']), lt(tickets.createdAt, now)))
    .orderBy(asc(tickets.createdAt)).limit(2000);
  const byAssignee = new Map<string, string[]>();
  for (const t of waiting) if (t.assigneeId) byAssignee.set(t.assigneeId, [...(byAssignee.get(t.assigneeId) ?? []), t.number]);
  const digest = (numbers: string[]) => ({
    kind: 'dispatch.digest', ticketId: null,
    vars: { cutoff: { name: c.name, count: numbers.length, numbers: numbers.slice(0, 50).join('、') + (numbers.length > 50 ? ' …' : '') }, link: `/tickets?type=${c.ticketType}&status=new` },
  });
  const notices = work.part(NOTICES);
  for (const [userId, numbers] of byAssignee) notices.tell([userId], digest(numbers));
  if (waiting.length) {
    const dir = await orgDirectory(tx, work.db);
    const alertTo = dir.resolveAll((c.alert as unknown[]).map((r) => recipient.parse(r)), { id: '', assigneeId: null, fields: {}, watchers: () => [] });
    notices.tell(alertTo, digest(waiting.map((w) => w.number)));
  }
  await scheduleCutoff(tx, work.db, c, now);
  return waiting.length;
}

export function registerCutoffs(runner: JobRunner): void {
  runner.registerUnit(CUTOFF_JOB, async (work, payload: { cutoffId: string }) => {
    await runCutoff(work, payload.cutoffId, new Date());
  });
}
