import type { CalendarSpec } from '@kefu/shared/calendar-spec';
import { DAY_MS, MINUTE_MS, localClock, wallClockOfDay } from './wall-clock.ts';
import { compileCalendar, type CompiledCalendar } from './working-hours.ts';

// Deadlines in working time: "first response in 30 minutes", "approval within
// 3 working days" (PRP-05). Time is always passed in (the injectable clock
// lives elsewhere). The calendar steps a local day at a time and works on
// whole working intervals, so a 30-day deadline costs ~40 steps, not minutes.
// Working intervals are half-open: at 12:00 a 08:30–12:00 morning is over.

// A real calendar reopens within weeks; a run of closed days this long means
// its data is broken, and failing beats searching forever.
const MAX_CLOSED_DAYS = 3660;
// Larger than any UTC offset, so a local day starting beyond `until` is skipped without a look-up.
const MAX_OFFSET_MS = 15 * 60 * MINUTE_MS;

function closedTooLong(): never {
  throw new RangeError(`the calendar has no working time within ${MAX_CLOSED_DAYS} days`);
}

/** Working intervals [start, end) as instants from `fromMs` on (the first clipped to it), in order. */
function* workingSpans(cal: CompiledCalendar, fromMs: number, untilMs = Infinity): Generator<[number, number]> {
  let closed = 0;
  for (let day = localClock(cal.timeZone, fromMs).day; day * DAY_MS - MAX_OFFSET_MS <= untilMs; day++) {
    const spans = cal.hoursOn(day);
    if (spans.length === 0) {
      if (++closed > MAX_CLOSED_DAYS) closedTooLong();
      continue;
    }
    closed = 0;
    const at = wallClockOfDay(cal.timeZone, day);
    for (const [start, end] of spans) {
      const a = at(start);
      const b = at(end);
      if (b > fromMs) yield [Math.max(a, fromMs), b];
    }
  }
}

function firstOpening(cal: CompiledCalendar, fromMs: number): number {
  for (const [a] of workingSpans(cal, fromMs)) return a;
  return closedTooLong();
}

export function isWorkingTime(spec: CalendarSpec, instant: Date): boolean {
  const cal = compileCalendar(spec);
  if (cal.alwaysOpen) return true;
  const t = instant.getTime();
  const { day } = localClock(cal.timeZone, t);
  const at = wallClockOfDay(cal.timeZone, day);
  return cal.hoursOn(day).some(([start, end]) => at(start) <= t && t < at(end));
}

/** `instant` itself during working time, else the start of the next working interval. */
export function nextOpening(spec: CalendarSpec, instant: Date): Date {
  const cal = compileCalendar(spec);
  if (cal.alwaysOpen) return new Date(instant.getTime());
  return new Date(firstOpening(cal, instant.getTime()));
}

/**
 * The instant by which `minutes` of working time have passed since `start`.
 * Outside working hours the count starts at the next opening; a deadline that
 * uses up a morning exactly ends at 12:00, not at the 13:00 reopening.
 */
export function addBusinessMinutes(spec: CalendarSpec, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  const cal = compileCalendar(spec);
  const t = start.getTime();
  if (cal.alwaysOpen) return new Date(t + minutes * MINUTE_MS);
  let remaining = minutes * MINUTE_MS;
  for (const [a, b] of workingSpans(cal, t)) {
    if (remaining <= b - a) return new Date(a + remaining);
    remaining -= b - a;
  }
  return closedTooLong();
}

/** Working minutes in [from, to); fractional when the instants carry seconds; 0 when `to` is not after `from`. */
export function businessMinutesBetween(spec: CalendarSpec, from: Date, to: Date): number {
  const f = from.getTime();
  const t = to.getTime();
  if (t <= f) return 0;
  const cal = compileCalendar(spec);
  if (cal.alwaysOpen) return (t - f) / MINUTE_MS;
  let total = 0;
  for (const [a, b] of workingSpans(cal, f, t)) {
    if (a >= t) break;
    total += Math.min(b, t) - a;
  }
  return total / MINUTE_MS;
}

/**
 * Deadline for "within N working days": the close of business on the N-th
 * working day after the start's working day.
 *
 * - The start's working day is the day of nextOpening(start): the same day if
 *   the start is during hours, before opening or in the lunch break; the next
 *   working day if it is after closing, on a weekend or on a holiday.
 * - The day of receipt is not counted (0 = close of the start's working day),
 *   so a request on Monday 10:00 "within 3 working days" is due Thursday at
 *   closing, and one on Monday 18:00 is due Friday at closing.
 * - A working day is a local date with any working hours, make-up workdays
 *   (调休) included; its close is the end of its last interval.
 * - 7x24 calendars count calendar days and close at local midnight.
 */
export function addBusinessDays(spec: CalendarSpec, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, got ${days}`);
  const cal = compileCalendar(spec);
  if (cal.alwaysOpen) {
    const day = localClock(cal.timeZone, start.getTime()).day + days;
    return new Date(wallClockOfDay(cal.timeZone, day)(24 * 60));
  }
  let day = localClock(cal.timeZone, firstOpening(cal, start.getTime())).day;
  for (let left = days, closed = 0; left > 0; ) {
    day++;
    if (cal.hoursOn(day).length > 0) {
      left--;
      closed = 0;
    } else if (++closed > MAX_CLOSED_DAYS) {
      closedTooLong();
    }
  }
  const spans = cal.hoursOn(day);
  return new Date(wallClockOfDay(cal.timeZone, day)(spans[spans.length - 1][1]));
}
