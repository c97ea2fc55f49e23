import { dateOfDay, dayNumberOf, instantOf } from '../../platform/time/wall-clock.ts';

// Renewals count calendar days in the centre's time zone: "today" is the
// local day, whatever the server's zone or the hour of the job.

export { localDate as localDay } from '../../platform/time/wall-clock.ts';

export function addDays(day: string, n: number): string {
  return dateOfDay(dayNumberOf(day) + n);
}

/** 2027-01-31 → 2027-02; 2027-12-05 → 2028-01. */
export function monthAfter(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function isLastDayOfMonth(day: string): boolean {
  return addDays(day, 1).endsWith('-01');
}

/** 08:00 local of a day: the notices arrive as the salespeople start work. */
export function morningOf(timeZone: string, day: string): Date {
  return new Date(instantOf(timeZone, dayNumberOf(day), 8 * 60));
}
