import type { Tx } from '../../db/client.ts';
import { isWorkingTime } from '../../platform/time/business-time.ts';
import { calendarSpec, DEFAULT_OFFICE_HOURS, type CalendarSpec } from '../../platform/time/calendar-spec.ts';
import { chinaHolidayDays } from '../../platform/time/china-holidays.ts';

// Until teams have calendars of their own (editable business calendars), every
// team works the default office hours with the Chinese public holidays and
// make-up workdays of the year.
let defaultSpec: CalendarSpec | null = null;

function officeCalendar(): CalendarSpec {
  if (!defaultSpec) {
    const years = [2026, 2027];
    defaultSpec = calendarSpec.parse({ ...DEFAULT_OFFICE_HOURS, days: chinaHolidayDays(years) });
  }
  return defaultSpec;
}

export async function isTeamWorkingNow(_tx: Tx, _teamId: string | null, at: Date): Promise<boolean> {
  return isWorkingTime(officeCalendar(), at);
}
