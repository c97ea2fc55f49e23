import { localClock, instantOf } from './wall-clock.ts';

/**
 * What time it is, as the business sees it. Production reads the system
 * clock; tests hand in one they move themselves, so deadlines on a business
 * calendar (Friday evening, a holiday) are checked without waiting or
 * depending on when the test happens to run.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Midnight (local) of the day `at` falls on, in the centre's time zone. */
export function startOfLocalDay(timeZone: string, at: Date): Date {
  return new Date(instantOf(timeZone, localClock(timeZone, at.getTime()).day, 0));
}
