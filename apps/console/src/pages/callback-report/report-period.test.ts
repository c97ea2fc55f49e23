import { describe, expect, it } from 'vitest';
import { dayjs } from '../../utils/time.ts';
import { bucketKeys, defaultBucket, periodRange } from './report-period.ts';

// Friday 2026-11-27 09:30 in Shanghai
const NOW = '2026-11-27T01:30:00Z';

describe('report periods', () => {
  it('this week runs Monday to Monday in the centre\'s zone, with the offset', () => {
    expect(periodRange('thisWeek', NOW)).toEqual({ from: '2026-11-23T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00' });
    // a Sunday evening still belongs to the week that began on Monday
    expect(periodRange('thisWeek', '2026-11-29T15:00:00Z')).toEqual({ from: '2026-11-23T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00' });
    // ...but just after midnight on Monday (Shanghai) a new week starts, although it is still Sunday in UTC
    expect(periodRange('thisWeek', '2026-11-29T16:30:00Z')?.from).toBe('2026-11-30T00:00:00+08:00');
  });

  it('the last four weeks are the 28 days up to and including today', () => {
    expect(periodRange('last4Weeks', NOW)).toEqual({ from: '2026-10-31T00:00:00+08:00', to: '2026-11-28T00:00:00+08:00' });
  });

  it('this month is the whole calendar month', () => {
    expect(periodRange('thisMonth', NOW)).toEqual({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' });
    expect(periodRange('thisMonth', '2026-12-31T20:00:00Z')).toEqual({ from: '2027-01-01T00:00:00+08:00', to: '2027-02-01T00:00:00+08:00' });
  });

  it('a custom range covers its first through its last day, in either order', () => {
    const r = periodRange('custom', NOW, [dayjs('2026-11-02'), dayjs('2026-11-08')]);
    expect(r).toEqual({ from: '2026-11-02T00:00:00+08:00', to: '2026-11-09T00:00:00+08:00' });
    expect(periodRange('custom', NOW, [dayjs('2026-11-08'), dayjs('2026-11-02')])).toEqual(r);
    expect(periodRange('custom', NOW, null)).toBeNull();
  });

  it('the trend shows days up to two weeks and weeks beyond', () => {
    expect(defaultBucket(periodRange('thisWeek', NOW)!)).toBe('day');
    expect(defaultBucket(periodRange('last4Weeks', NOW)!)).toBe('week');
    expect(defaultBucket(periodRange('thisMonth', NOW)!)).toBe('week');
  });

  it('lists every bucket of the range, weeks by their Monday', () => {
    expect(bucketKeys(periodRange('thisWeek', NOW)!, 'day')).toEqual([
      '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ]);
    expect(bucketKeys(periodRange('last4Weeks', NOW)!, 'week')).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
  });
});
