// Conversions between instants and a time zone's wall clock, using only Intl
// so any IANA zone works. Local dates are "day numbers" (days since
// 1970-01-01 on the local calendar) so calendars can step day by day with
// integer arithmetic instead of per-minute loops.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall time minus UTC at an instant, in ms (+8 h for Asia/Shanghai). */
export function offsetMs(timeZone: string, instantMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

export function dayNumberOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local date (YYYY-MM-DD) of an instant in a time zone: the centre's "today". */
export function localDate(timeZone: string, at: Date): string {
  return dateOfDay(localClock(timeZone, at.getTime()).day);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The local date (day number) and the minutes since local midnight of an instant. */
export function localClock(timeZone: string, instantMs: number): { day: number; minute: number } {
  const wall = instantMs + offsetMs(timeZone, instantMs);
  const day = Math.floor(wall / DAY_MS);
  return { day, minute: (wall - day * DAY_MS) / MINUTE_MS };
}

/**
 * The instant of a local wall-clock minute. Where the clocks jump forward the
 * missing time is pushed later by the jump (02:30 -> 03:30); where they fall
 * back the earlier of the two instants is taken.
 */
export function instantOf(timeZone: string, day: number, minute: number): number {
  const wall = day * DAY_MS + minute * MINUTE_MS;
  // Offsets a day either side bracket any transition near this wall time.
  const before = offsetMs(timeZone, wall - DAY_MS);
  const after = offsetMs(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  const valid = [wall - before, wall - after].filter((u) => u + offsetMs(timeZone, u) === wall);
  return valid.length ? Math.min(...valid) : wall - before;
}

/**
 * Maps wall-clock minutes of one local day (0–1440) to instants. On the
 * usual day without a clock change (every day in Asia/Shanghai) this costs
 * two offset look-ups for the whole day instead of two per boundary.
 */
export function wallClockOfDay(timeZone: string, day: number): (minute: number) => number {
  const midnight = day * DAY_MS;
  const before = offsetMs(timeZone, midnight - DAY_MS);
  const after = offsetMs(timeZone, midnight + 2 * DAY_MS);
  if (before === after) return (minute) => midnight + minute * MINUTE_MS - before;
  return (minute) => instantOf(timeZone, day, minute);
}
