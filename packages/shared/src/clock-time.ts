import { z } from 'zod';

// Wall-clock times as admins type them ('08:30'), stored as text so a
// calendar reads like the notice it was copied from. '24:00' exists only to
// close a day: a night shift 17:00–01:00 is 17:00–24:00 plus 00:00–01:00.

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const clockTime = z.string().regex(CLOCK_TIME, 'use HH:mm between 00:00 and 24:00');

/** Minutes after local midnight; NaN for text that is not HH:mm, so comparisons on bad input stay false. */
export function clockMinutes(hhmm: string): number {
  if (!CLOCK_TIME.test(hhmm)) return Number.NaN;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
