import type { CalendarDay } from '@kefu/shared/calendar-spec';
import { dateOfDay, dayNumberOf } from './wall-clock.ts';

// Chinese public holidays and make-up workdays (调休), as seed data for
// business calendars. The calendar is editable data in the app: these rows
// are copied into a calendar's `days`, where admins correct them.
//
// 2026: the State Council schedule (国办发明电〔2025〕7号), as published in
// the chinese-days package 1.5.7 (dist/chinese-days.json).
//
// 2027: PROVISIONAL. The State Council had not published (or we could not
// obtain) the 2027 schedule when this was written. The rows are derived from
// the statutory holidays (全国年节及纪念日放假办法, 2025 revision: 元旦 1 day,
// 春节 4 days from New Year's Eve, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3),
// with the usual bridging and make-up weekend days modelled on years with the
// same weekdays (2021 for 国庆, 2024 and 2026 for 春节). Every 2027 row is
// marked `provisional: true`. ADMINS MUST CHECK 2027 AGAINST THE OFFICIAL
// NOTICE AND EDIT THE CALENDAR before relying on 2027 deadlines.

interface Festival {
  name: string;
  /** first and last day off, inclusive */
  from: string;
  to: string;
  /** weekend days worked to bridge the break */
  makeUpWorkdays: string[];
}

const SCHEDULES: Record<number, { provisional: boolean; festivals: Festival[] }> = {
  2026: {
    provisional: false,
    festivals: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
  2027: {
    provisional: true,
    festivals: [
      // Fri 1 Jan + weekend; nothing to bridge.
      { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpWorkdays: [] },
      // Lunar new year Sat 6 Feb, eve Fri 5 Feb: statutory 5–8 Feb, 9–10 Feb in lieu of
      // the weekend, 11–12 Feb bridged by Sun 31 Jan and Sun 14 Feb (nine days, as in 2026).
      { name: '春节', from: '2027-02-05', to: '2027-02-13', makeUpWorkdays: ['2027-01-31', '2027-02-14'] },
      // Qingming Mon 5 Apr joins the weekend.
      { name: '清明节', from: '2027-04-03', to: '2027-04-05', makeUpWorkdays: [] },
      // 1–2 May fall on the weekend: 3–4 May in lieu, 5 May bridged by Sat 8 May.
      { name: '劳动节', from: '2027-05-01', to: '2027-05-05', makeUpWorkdays: ['2027-05-08'] },
      // Wednesday festivals: only the statutory day; the State Council may bridge them.
      { name: '端午节', from: '2027-06-09', to: '2027-06-09', makeUpWorkdays: [] },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15', makeUpWorkdays: [] },
      // Fri 1 Oct, as in 2021: 1–7 Oct off, Sun 26 Sep and Sat 9 Oct worked.
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07', makeUpWorkdays: ['2027-09-26', '2027-10-09'] },
    ],
  },
};

export const CHINA_HOLIDAY_YEARS: readonly number[] = Object.keys(SCHEDULES).map(Number);

/** Holiday and make-up workday rows for the given years, in date order. Unknown years are refused, not silently empty. */
export function chinaHolidayDays(years: number[]): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const year of [...new Set(years)]) {
    const schedule = SCHEDULES[year];
    if (!schedule) {
      throw new RangeError(`no Chinese holiday data for ${year} (known: ${CHINA_HOLIDAY_YEARS.join(', ')}); enter the State Council schedule as calendar days`);
    }
    const mark = schedule.provisional ? { provisional: true } : {};
    for (const f of schedule.festivals) {
      for (let day = dayNumberOf(f.from); day <= dayNumberOf(f.to); day++) {
        out.push({ date: dateOfDay(day), kind: 'holiday', name: f.name, ...mark });
      }
      for (const date of f.makeUpWorkdays) out.push({ date, kind: 'workday', name: f.name, ...mark });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
