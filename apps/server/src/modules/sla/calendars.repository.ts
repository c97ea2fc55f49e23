import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { businessCalendars, teams } from '../../db/schema/index.ts';
import { calendarSpec, DEFAULT_OFFICE_HOURS, ALWAYS_OPEN, type CalendarSpec } from '../../platform/time/calendar-spec.ts';
import { chinaHolidayDays } from '../../platform/time/china-holidays.ts';

export interface StoredCalendar {
  id: string;
  name: string;
  spec: CalendarSpec;
  isDefault: boolean;
}

/** The calendars a new installation starts with: office hours with the public holidays, and 7x24. */
export function defaultCalendars(): { name: string; spec: CalendarSpec; isDefault: boolean }[] {
  const days = chinaHolidayDays([2026, 2027]);
  return [
    { name: '标准工作时间(含法定节假日与调休)', spec: calendarSpec.parse({ ...DEFAULT_OFFICE_HOURS, days }), isDefault: true },
    { name: '7x24 全天候', spec: calendarSpec.parse({ ...ALWAYS_OPEN }), isDefault: false },
  ];
}

export async function ensureDefaultCalendars(tx: Tx): Promise<void> {
  const [any] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).limit(1);
  if (any) return;
  for (const c of defaultCalendars()) await tx.insert(businessCalendars).values(c);
}

// Parsed specs by id and version: the same object each time, so the compiled
// calendar (cached per spec object) is reused instead of rebuilt for every clock.
const parsed = new Map<string, CalendarSpec>();

function toCalendar(row: typeof businessCalendars.$inferSelect): StoredCalendar {
  const key = `${row.id}:${row.updatedAt.getTime()}`;
  let spec = parsed.get(key);
  if (!spec) {
    spec = calendarSpec.parse(row.spec);
    if (parsed.size > 500) parsed.clear();
    parsed.set(key, spec);
  }
  return { id: row.id, name: row.name, spec, isDefault: row.isDefault };
}

/** A policy's calendar, else the team's, else the default one. */
export async function calendarFor(tx: Tx, calendarId: string | null, teamId: string | null): Promise<StoredCalendar> {
  let id = calendarId;
  if (!id && teamId) {
    const [t] = await tx.select({ c: teams.calendarId }).from(teams).where(eq(teams.id, teamId));
    id = t?.c ?? null;
  }
  if (id) {
    const [row] = await tx.select().from(businessCalendars).where(eq(businessCalendars.id, id));
    if (row) return toCalendar(row);
  }
  const [def] = await tx.select().from(businessCalendars).where(eq(businessCalendars.isDefault, true)).limit(1);
  if (def) return toCalendar(def);
  return { id: '', name: 'default', spec: calendarSpec.parse({ ...DEFAULT_OFFICE_HOURS }), isDefault: true };
}

export async function calendarById(tx: Tx, id: string | null): Promise<CalendarSpec> {
  return (await calendarFor(tx, id, null)).spec;
}
