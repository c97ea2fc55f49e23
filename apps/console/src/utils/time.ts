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

export function formatTime(iso: string | null | undefined): string {
  return iso ? inZone(iso).format('HH:mm:ss') : '';
}

export { dayjs };
