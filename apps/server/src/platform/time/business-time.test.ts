import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, DEFAULT_OFFICE_HOURS, calendarSpec, type CalendarSpec } from '@kefu/shared/calendar-spec';
import { chinaHolidayDays } from './china-holidays.ts';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextOpening } from './business-time.ts';

// Office hours 08:30–12:00 + 13:00–17:30 (480 working minutes a day) with the Chinese holidays.
const office: CalendarSpec = calendarSpec.parse({ ...DEFAULT_OFFICE_HOURS, days: chinaHolidayDays([2026, 2027]) });
const at = (iso: string) => new Date(iso);

describe('working time', () => {
  it('follows office hours, the lunch break and weekends', () => {
    expect(isWorkingTime(office, at('2026-03-16T08:29:59+08:00'))).toBe(false); // Monday
    expect(isWorkingTime(office, at('2026-03-16T08:30:00+08:00'))).toBe(true);
    expect(isWorkingTime(office, at('2026-03-16T11:59:00+08:00'))).toBe(true);
    expect(isWorkingTime(office, at('2026-03-16T12:00:00+08:00'))).toBe(false);
    expect(isWorkingTime(office, at('2026-03-16T12:30:00+08:00'))).toBe(false);
    expect(isWorkingTime(office, at('2026-03-16T13:00:00+08:00'))).toBe(true);
    expect(isWorkingTime(office, at('2026-03-16T17:30:00+08:00'))).toBe(false);
    expect(isWorkingTime(office, at('2026-03-14T10:00:00+08:00'))).toBe(false); // Saturday
  });

  it('works the make-up Saturdays of 春节 2026 and rests during the festival', () => {
    expect(isWorkingTime(office, at('2026-02-14T10:00:00+08:00'))).toBe(true); // Saturday, 调休
    expect(isWorkingTime(office, at('2026-02-28T16:00:00+08:00'))).toBe(true);
    expect(isWorkingTime(office, at('2026-02-16T10:00:00+08:00'))).toBe(false); // Monday, 除夕
    expect(isWorkingTime(office, at('2026-02-23T10:00:00+08:00'))).toBe(false); // Monday, in lieu
    expect(isWorkingTime(office, at('2026-02-24T10:00:00+08:00'))).toBe(true);
  });

  it('uses the instant, not the server zone: 02:00Z is 10:00 in Shanghai', () => {
    expect(isWorkingTime(office, at('2026-03-16T02:00:00Z'))).toBe(true);
  });

  it('finds the next opening', () => {
    expect(nextOpening(office, at('2026-03-16T10:00:00+08:00'))).toEqual(at('2026-03-16T10:00:00+08:00'));
    expect(nextOpening(office, at('2026-03-16T12:15:00+08:00'))).toEqual(at('2026-03-16T13:00:00+08:00'));
    expect(nextOpening(office, at('2026-03-13T17:30:00+08:00'))).toEqual(at('2026-03-16T08:30:00+08:00')); // Friday close
    expect(nextOpening(office, at('2026-09-30T18:00:00+08:00'))).toEqual(at('2026-10-08T08:30:00+08:00'));
  });
});

describe('addBusinessMinutes', () => {
  it('carries over a weekend', () => {
    expect(addBusinessMinutes(office, at('2026-03-13T16:30:00+08:00'), 120)).toEqual(at('2026-03-16T09:30:00+08:00'));
  });

  it('skips the lunch break, and a deadline that fills the morning ends at 12:00', () => {
    expect(addBusinessMinutes(office, at('2026-03-16T11:30:00+08:00'), 60)).toEqual(at('2026-03-16T13:30:00+08:00'));
    expect(addBusinessMinutes(office, at('2026-03-16T08:30:00+08:00'), 210)).toEqual(at('2026-03-16T12:00:00+08:00'));
  });

  it('counts from the next opening when started outside hours', () => {
    expect(addBusinessMinutes(office, at('2026-03-16T07:00:00+08:00'), 30)).toEqual(at('2026-03-16T09:00:00+08:00'));
    expect(addBusinessMinutes(office, at('2026-03-16T18:00:00+08:00'), 30)).toEqual(at('2026-03-17T09:00:00+08:00'));
    expect(addBusinessMinutes(office, at('2026-03-14T10:00:00+08:00'), 0)).toEqual(at('2026-03-16T08:30:00+08:00'));
  });

  it('works through the make-up Saturday before 春节 2026 and resumes after it', () => {
    // Friday 16:00: 90 min on Friday, the rest on Saturday 14 Feb (调休, Monday hours).
    expect(addBusinessMinutes(office, at('2026-02-13T16:00:00+08:00'), 480)).toEqual(at('2026-02-14T16:00:00+08:00'));
    // Saturday 17:00–17:30, then 15–23 Feb are off, then 30 minutes on Tuesday 24 Feb.
    expect(addBusinessMinutes(office, at('2026-02-14T17:00:00+08:00'), 60)).toEqual(at('2026-02-24T09:00:00+08:00'));
  });

  it('jumps over 国庆 2026', () => {
    // Wednesday 30 Sep from 09:00 has 450 working minutes; 1–7 Oct are off.
    expect(addBusinessMinutes(office, at('2026-09-30T09:00:00+08:00'), 600)).toEqual(at('2026-10-08T11:00:00+08:00'));
  });

  it('adds plainly on a 7x24 calendar, holidays included', () => {
    expect(addBusinessMinutes(ALWAYS_OPEN, at('2026-10-03T22:00:00+08:00'), 48 * 60)).toEqual(at('2026-10-05T22:00:00+08:00'));
  });

  it('refuses negative or non-finite amounts', () => {
    expect(() => addBusinessMinutes(office, at('2026-03-16T10:00:00+08:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, at('2026-03-16T10:00:00+08:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only working minutes and is 0 when the end is not after the start', () => {
    expect(businessMinutesBetween(office, at('2026-03-16T11:00:00+08:00'), at('2026-03-16T14:00:00+08:00'))).toBe(120);
    expect(businessMinutesBetween(office, at('2026-03-14T00:00:00+08:00'), at('2026-03-15T23:59:00+08:00'))).toBe(0);
    expect(businessMinutesBetween(office, at('2026-03-16T14:00:00+08:00'), at('2026-03-16T11:00:00+08:00'))).toBe(0);
  });

  it('spans 春节 2026 with its make-up Saturday', () => {
    // Fri 13 from 09:00 (450) + Sat 14 (480) + Tue 24 (480) + Wed 25 until 09:00 (30).
    expect(businessMinutesBetween(office, at('2026-02-13T09:00:00+08:00'), at('2026-02-25T09:00:00+08:00'))).toBe(1440);
  });

  it('undoes addBusinessMinutes', () => {
    const starts = ['2026-02-13T16:00:00+08:00', '2026-03-16T07:00:00+08:00', '2026-03-16T12:20:00+08:00', '2026-09-30T09:00:00+08:00', '2027-02-04T15:45:00+08:00'];
    for (const s of starts) {
      for (const minutes of [1, 29, 210, 480, 481, 2000, 30 * 480]) {
        const due = addBusinessMinutes(office, at(s), minutes);
        expect(businessMinutesBetween(office, at(s), due)).toBe(minutes);
      }
    }
    const due = addBusinessMinutes(ALWAYS_OPEN, at('2026-10-01T00:00:00+08:00'), 4321);
    expect(businessMinutesBetween(ALWAYS_OPEN, at('2026-10-01T00:00:00+08:00'), due)).toBe(4321);
  });
});

describe('addBusinessDays (within N working days)', () => {
  it('is due at closing N working days after the day of receipt', () => {
    expect(addBusinessDays(office, at('2026-03-16T10:00:00+08:00'), 3)).toEqual(at('2026-03-19T17:30:00+08:00'));
    expect(addBusinessDays(office, at('2026-03-16T10:00:00+08:00'), 0)).toEqual(at('2026-03-16T17:30:00+08:00'));
  });

  it('crosses a weekend', () => {
    expect(addBusinessDays(office, at('2026-03-13T10:00:00+08:00'), 1)).toEqual(at('2026-03-16T17:30:00+08:00'));
  });

  it('counts from the next working day when received after closing or at the weekend, but not before opening or at lunch', () => {
    expect(addBusinessDays(office, at('2026-03-16T18:00:00+08:00'), 1)).toEqual(at('2026-03-18T17:30:00+08:00'));
    expect(addBusinessDays(office, at('2026-03-14T10:00:00+08:00'), 0)).toEqual(at('2026-03-16T17:30:00+08:00'));
    expect(addBusinessDays(office, at('2026-03-16T07:00:00+08:00'), 0)).toEqual(at('2026-03-16T17:30:00+08:00'));
    expect(addBusinessDays(office, at('2026-03-16T12:30:00+08:00'), 0)).toEqual(at('2026-03-16T17:30:00+08:00'));
  });

  it('counts the make-up Saturday and skips 春节 2026', () => {
    // Fri 13 -> Sat 14 (调休) -> Tue 24 -> Wed 25.
    expect(addBusinessDays(office, at('2026-02-13T10:00:00+08:00'), 3)).toEqual(at('2026-02-25T17:30:00+08:00'));
  });

  it('skips 国庆 2026 and counts Saturday 10 Oct', () => {
    // Wed 30 Sep -> Thu 8 Oct -> Fri 9 Oct -> Sat 10 Oct (调休).
    expect(addBusinessDays(office, at('2026-09-30T09:00:00+08:00'), 3)).toEqual(at('2026-10-10T17:30:00+08:00'));
  });

  it('uses the provisional 2027 schedule (春节 5–13 Feb, Sunday 14 Feb worked)', () => {
    expect(isWorkingTime(office, at('2027-02-05T10:00:00+08:00'))).toBe(false);
    expect(addBusinessDays(office, at('2027-02-04T10:00:00+08:00'), 1)).toEqual(at('2027-02-14T17:30:00+08:00'));
    expect(isWorkingTime(office, at('2027-10-09T10:00:00+08:00'))).toBe(true);
  });

  it('closes a 7x24 day at midnight', () => {
    expect(addBusinessDays(ALWAYS_OPEN, at('2026-10-03T22:00:00+08:00'), 2)).toEqual(at('2026-10-06T00:00:00+08:00'));
  });

  it('computes a 30-working-day deadline by whole days', () => {
    const started = performance.now();
    // March 2026 has no holidays; 30 working days after Mon 2 Mar, skipping Qingming (4–6 Apr), is Tue 14 Apr.
    expect(addBusinessDays(office, at('2026-03-02T10:00:00+08:00'), 30)).toEqual(at('2026-04-14T17:30:00+08:00'));
    expect(addBusinessMinutes(office, at('2026-03-02T08:30:00+08:00'), 30 * 480)).toEqual(at('2026-04-13T17:30:00+08:00'));
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses fractional or negative day counts', () => {
    expect(() => addBusinessDays(office, at('2026-03-16T10:00:00+08:00'), 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays(office, at('2026-03-16T10:00:00+08:00'), -1)).toThrow(RangeError);
  });
});

describe('time zones with daylight saving', () => {
  const berlin: CalendarSpec = calendarSpec.parse({
    timeZone: 'Europe/Berlin',
    weekly: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '17:00' }]), []],
  });
  const nonstop: CalendarSpec = calendarSpec.parse({
    timeZone: 'America/New_York',
    weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  });

  it('keeps local opening hours across the change to summer time', () => {
    // Berlin moves to CEST on Sunday 29 March 2026.
    expect(addBusinessMinutes(berlin, at('2026-03-27T16:00:00+01:00'), 120)).toEqual(at('2026-03-30T10:00:00+02:00'));
  });

  it('counts real minutes on a 23-hour day', () => {
    // New York springs forward on 8 March 2026.
    expect(businessMinutesBetween(nonstop, at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(23 * 60);
    expect(addBusinessDays(nonstop, at('2026-03-07T12:00:00-05:00'), 1)).toEqual(at('2026-03-09T00:00:00-04:00'));
  });
});
