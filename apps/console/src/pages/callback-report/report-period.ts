import type { Dayjs } from 'dayjs';
import { dayjs, inZone, ZONE } from '../../utils/time.ts';

// The report covers the callbacks due in [from, to). Periods are whole days
// in the centre's time zone and travel as ISO times with their offset
// (2026-11-23T00:00:00+08:00), so the server counts exactly the days shown.

export const PERIODS = ['thisWeek', 'last4Weeks', 'thisMonth', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export interface Range {
  from: string;
  to: string;
}

/** Monday 00:00 of the week `d` is in (weeks start on Monday whatever the UI language). */
export function startOfWeek(d: Dayjs): Dayjs {
  return d.startOf('day').subtract((d.day() + 6) % 7, 'day');
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DDTHH:mm:ssZ');

/**
 * From/to of a period at `now`. This week and this month run to their end, so
 * callbacks still due later in them count as pending; the last four weeks are
 * the 28 days up to and including today. Custom: the first day through the last.
 */
export function periodRange(period: Period, now: Date | string, custom?: [Dayjs, Dayjs] | null): Range | null {
  const today = inZone(now).startOf('day');
  switch (period) {
    case 'thisWeek': {
      const start = startOfWeek(today);
      return { from: iso(start), to: iso(start.add(7, 'day')) };
    }
    case 'last4Weeks':
      return { from: iso(today.subtract(27, 'day')), to: iso(today.add(1, 'day')) };
    case 'thisMonth': {
      const start = today.startOf('month');
      return { from: iso(start), to: iso(start.add(1, 'month')) };
    }
    case 'custom': {
      if (!custom) return null;
      // the picker's dates are calendar days: read them as days in the centre's zone
      const first = dayjs.tz(custom[0].format('YYYY-MM-DD'), ZONE);
      const last = dayjs.tz(custom[1].format('YYYY-MM-DD'), ZONE);
      const [a, b] = first.isAfter(last) ? [last, first] : [first, last];
      return { from: iso(a), to: iso(b.add(1, 'day')) };
    }
  }
}

/**
 * Daily points up to two weeks; beyond that a day holds a handful of
 * callbacks and its percentage jumps between 0 and 100, so weeks read better.
 */
export function defaultBucket(range: Range): 'day' | 'week' {
  const days = (new Date(range.to).getTime() - new Date(range.from).getTime()) / 86_400_000;
  return days > 14 ? 'week' : 'day';
}

/**
 * The trend's buckets from the first to the last of the range, so days without
 * data show as gaps instead of the line jumping over them. Bucket keys are the
 * day (YYYY-MM-DD) or the Monday of the week, as the server names them.
 */
export function bucketKeys(range: Range, bucket: 'day' | 'week'): string[] {
  const end = inZone(range.to);
  let d = bucket === 'week' ? startOfWeek(inZone(range.from)) : inZone(range.from).startOf('day');
  const keys: string[] = [];
  while (d.isBefore(end) && keys.length < 400) {
    keys.push(d.format('YYYY-MM-DD'));
    d = d.add(bucket === 'week' ? 7 : 1, 'day');
  }
  return keys;
}
