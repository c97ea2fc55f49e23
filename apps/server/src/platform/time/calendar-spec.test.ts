import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, DEFAULT_OFFICE_HOURS, calendarSpec } from '@kefu/shared/calendar-spec';
import { chinaHolidayDays } from './china-holidays.ts';

const MON_FRI = [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }];
const week = (monday: unknown[]) => [[], monday, MON_FRI, MON_FRI, MON_FRI, MON_FRI, []];
const messages = (input: unknown) => {
  const r = calendarSpec.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('calendar spec', () => {
  it('defaults to Asia/Shanghai, not 7x24, no exceptional days', () => {
    const spec = calendarSpec.parse({ weekly: week(MON_FRI) });
    expect(spec).toEqual({ timeZone: 'Asia/Shanghai', alwaysOpen: false, weekly: week(MON_FRI), days: [] });
  });

  it('keeps the 8:30–17:30 seat hours with a lunch hour as data, Monday to Friday', () => {
    expect(DEFAULT_OFFICE_HOURS.weekly).toEqual(week(MON_FRI));
    expect(calendarSpec.parse(DEFAULT_OFFICE_HOURS)).toEqual(DEFAULT_OFFICE_HOURS);
    expect(Object.isFrozen(DEFAULT_OFFICE_HOURS.weekly[1])).toBe(true);
  });

  it('has a valid 7x24 calendar', () => {
    expect(ALWAYS_OPEN.alwaysOpen).toBe(true);
    expect(calendarSpec.parse(ALWAYS_OPEN)).toEqual(ALWAYS_OPEN);
  });

  it('accepts the Chinese holiday rows and a shortened workday', () => {
    const days = [...chinaHolidayDays([2026, 2027]), { date: '2026-12-31', kind: 'workday', hours: [{ start: '08:30', end: '12:00' }] }];
    expect(calendarSpec.safeParse({ ...DEFAULT_OFFICE_HOURS, days }).success).toBe(true);
  });

  it('refuses overlapping working hours with a message naming them', () => {
    expect(messages({ weekly: week([{ start: '08:30', end: '12:00' }, { start: '11:00', end: '13:00' }]) }))
      .toEqual(['working hours 08:30–12:00 and 11:00–13:00 overlap']);
  });

  it('refuses hours out of order, backwards or badly written', () => {
    expect(messages({ weekly: week([{ start: '13:00', end: '17:30' }, { start: '08:30', end: '12:00' }]) }))
      .toEqual(['working hours 08:30–12:00 come before 13:00–17:30: list them in time order']);
    expect(messages({ weekly: week([{ start: '17:00', end: '01:00' }]) })[0]).toMatch(/start must be before the end/);
    expect(messages({ weekly: week([{ start: '8:30', end: '12:00' }]) })[0]).toMatch(/HH:mm/);
    expect(messages({ weekly: week([{ start: '08:30', end: '24:01' }]) })[0]).toMatch(/HH:mm/);
  });

  it('allows touching intervals and a day ending at 24:00', () => {
    expect(messages({ weekly: week([{ start: '08:00', end: '12:00' }, { start: '12:00', end: '24:00' }]) })).toEqual([]);
  });

  it('refuses unknown zones, duplicate dates, hours on a holiday and a calendar with no hours', () => {
    expect(messages({ timeZone: 'Mars/Olympus', weekly: week(MON_FRI) })[0]).toMatch(/unknown time zone/);
    expect(messages({ weekly: week(MON_FRI), days: [{ date: '2026-05-01', kind: 'holiday' }, { date: '2026-05-01', kind: 'workday' }] }))
      .toEqual(['2026-05-01 is listed twice']);
    expect(messages({ weekly: week(MON_FRI), days: [{ date: '2026-05-01', kind: 'holiday', hours: MON_FRI }] })[0]).toMatch(/is a holiday/);
    expect(messages({ weekly: week(MON_FRI), days: [{ date: '2026-02-30', kind: 'holiday' }] })).toHaveLength(1);
    expect(messages({ weekly: [[], [], [], [], [], [], []] })).toEqual(['a calendar needs weekly working hours, or alwaysOpen for a 7x24 team']);
    expect(messages({ weekly: week(MON_FRI).slice(1) })[0]).toMatch(/7 lists/);
  });
});
