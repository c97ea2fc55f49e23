import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

// Times travel as UTC ISO strings and are shown in the centre's zone.
export const ZONE = 'Asia/Shanghai';

export function inZone(iso: string | Date | Dayjs): Dayjs {
  return dayjs(iso).tz(ZONE);
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? inZone(iso).format('YYYY-MM-DD HH:mm') : '';
}

/** A list's time: month, day and time this year; the full date for other years. */
export function formatListTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const at = inZone(iso);
  return at.year() === inZone(now).year() ? at.format('MM-DD HH:mm') : at.format('YYYY-MM-DD');
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? inZone(iso).format('HH:mm:ss') : '';
}

export { dayjs };
