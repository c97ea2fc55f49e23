import { describe, expect, it } from 'vitest';
import { chinaHolidayDays } from './china-holidays.ts';

const find = (date: string) => chinaHolidayDays([2026, 2027]).find((d) => d.date === date);

describe('Chinese holidays and make-up workdays', () => {
  it('has the official 2026 schedule: 33 days off, 6 make-up workdays', () => {
    const days = chinaHolidayDays([2026]);
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.date))
      .toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(find('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect(find('2026-02-23')).toEqual({ date: '2026-02-23', kind: 'holiday', name: '春节' });
    expect(find('2026-04-05')?.name).toBe('清明节');
    expect(days.some((d) => d.provisional)).toBe(false);
  });

  it('marks every 2027 row provisional, built from the statutory days', () => {
    const days = chinaHolidayDays([2027]);
    expect(days.every((d) => d.provisional === true)).toBe(true);
    expect(find('2027-02-05')).toEqual({ date: '2027-02-05', kind: 'holiday', name: '春节', provisional: true }); // 除夕
    expect(find('2027-06-09')?.name).toBe('端午节');
    expect(find('2027-09-15')?.name).toBe('中秋节');
    expect(days.filter((d) => d.name === '国庆节' && d.kind === 'holiday')).toHaveLength(7);
    expect(days.filter((d) => d.name === '劳动节' && d.kind === 'holiday').map((d) => d.date))
      .toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05']);
  });

  it('puts make-up workdays on weekends and returns each date once, in order', () => {
    const days = chinaHolidayDays([2027, 2026, 2026]);
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    for (const d of days.filter((x) => x.kind === 'workday')) {
      expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
  });

  it('refuses a year it has no data for instead of returning no holidays', () => {
    expect(() => chinaHolidayDays([2028])).toThrow(/no Chinese holiday data for 2028/);
  });
});
