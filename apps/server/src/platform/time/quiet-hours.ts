import { z } from 'zod';
import { clockMinutes, clockTime } from '@kefu/shared/clock-time';
import { MINUTE_MS, instantOf, localClock } from './wall-clock.ts';

// Times of day when customers are not contacted ("一个避免", CBK-06, NTF-11):
// e.g. 21:00–09:00 overnight (wrapping midnight) and 12:00–14:00 lunch rest.
// Daily wall-clock windows in the customer's or team's zone; holidays do not
// change them.

export const quietHours = z
  .object({ start: clockTime, end: clockTime })
  .strict()
  .refine((q) => clockMinutes(q.start) % 1440 !== clockMinutes(q.end) % 1440, 'quiet hours need different start and end times');
export type QuietHours = z.infer<typeof quietHours>;

const DAY_MINUTES = 1440;

/** A list of quiet windows that leaves some time of day for contact. */
export const quietHoursList = z.array(quietHours).max(10).refine((list) => {
  const quiet = new Array<boolean>(DAY_MINUTES).fill(false);
  for (let m = 0; m < DAY_MINUTES; m++) quiet[m] = list.some((q) => covers(q, m));
  return quiet.includes(false);
}, 'quiet hours cover the whole day; leave some time for contact');

/** Whether a window covers a local minute; a window with start after end wraps midnight. */
function covers(q: QuietHours, minute: number): boolean {
  const s = clockMinutes(q.start);
  const e = clockMinutes(q.end);
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

export function isQuietTime(quiet: readonly QuietHours[], timeZone: string, instant: Date): boolean {
  const { minute } = localClock(timeZone, instant.getTime());
  return quiet.some((q) => covers(q, minute));
}

/** `instant` itself when contact is allowed, else the end of the quiet spell (adjoining windows chained). */
export function nextAllowedTime(quiet: readonly QuietHours[], timeZone: string, instant: Date): Date {
  let t = instant.getTime();
  // Each step leaves one window; more steps than windows means they go round the clock.
  for (let step = 0; step <= quiet.length + 1; step++) {
    const { day, minute } = localClock(timeZone, t);
    let end = -Infinity;
    for (const q of quiet) {
      if (!covers(q, minute)) continue;
      const s = clockMinutes(q.start);
      const e = clockMinutes(q.end);
      // A wrapping window entered before midnight ends tomorrow.
      const endsTomorrow = s > e && minute >= s;
      const at = instantOf(timeZone, endsTomorrow ? day + 1 : day, e);
      // In the repeated hour after clocks fall back the end may already lie behind us; count wall minutes instead.
      end = Math.max(end, at > t ? at : t + (e + (endsTomorrow ? DAY_MINUTES : 0) - minute) * MINUTE_MS);
    }
    if (end === -Infinity) return new Date(t);
    t = end;
  }
  throw new RangeError('quiet hours cover the whole day: there is no time to make contact');
}
