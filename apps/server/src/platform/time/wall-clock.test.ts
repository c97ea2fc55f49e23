import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumberOf, instantOf, localClock, weekdayOf } from './wall-clock.ts';

describe('wall clock', () => {
  it('maps dates to day numbers and weekdays', () => {
    const day = dayNumberOf('2026-02-14');
    expect(dateOfDay(day)).toBe('2026-02-14');
    expect(weekdayOf(day)).toBe(6); // Saturday
    expect(weekdayOf(dayNumberOf('1969-12-28'))).toBe(0); // before the epoch too
  });

  it('reads the local date and minute of an instant', () => {
    expect(localClock('Asia/Shanghai', Date.parse('2026-09-30T17:30:00Z'))).toEqual({ day: dayNumberOf('2026-10-01'), minute: 90 });
  });

  it('finds the instant of a local time, across daylight-saving changes', () => {
    const ny = 'America/New_York';
    expect(instantOf('Asia/Shanghai', dayNumberOf('2026-10-01'), 510)).toBe(Date.parse('2026-10-01T08:30:00+08:00'));
    // 02:30 does not exist on 8 March 2026 in New York: it becomes 03:30 EDT.
    expect(instantOf(ny, dayNumberOf('2026-03-08'), 150)).toBe(Date.parse('2026-03-08T03:30:00-04:00'));
    // 01:30 happens twice on 1 November 2026: the first (EDT) is taken.
    expect(instantOf(ny, dayNumberOf('2026-11-01'), 90)).toBe(Date.parse('2026-11-01T01:30:00-04:00'));
    expect(instantOf(ny, dayNumberOf('2026-11-01'), 180)).toBe(Date.parse('2026-11-01T03:00:00-05:00'));
  });
});
