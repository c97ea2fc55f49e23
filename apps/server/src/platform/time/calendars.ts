import { asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { businessCalendars } from '../../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isWorkingTime } from './business-time.ts';
import { calendarSpec, DEFAULT_OFFICE_HOURS, ALWAYS_OPEN, type CalendarSpec } from '@kefu/shared/calendar-spec';
import { chinaHolidayDays } from './china-holidays.ts';

// Business calendars (工作日历): working hours, public holidays and make-up
// workdays as data. Deadlines of SLA clocks, callbacks and cut-offs are counted
// on them, and rules ask whether a team is inside its hours. They change a few
// times a year and are read for every deadline, so all of them are one cached
// snapshot (cleared here on every change; other processes follow within CACHE_MS).

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

const FALLBACK: StoredCalendar = { id: '', name: 'default', spec: calendarSpec.parse({ ...DEFAULT_OFFICE_HOURS }), isDefault: true };

/** All calendars at once. */
export class CalendarBook {
  private byId = new Map<string, StoredCalendar>();
  readonly fallback: StoredCalendar;

  constructor(list: StoredCalendar[]) {
    for (const c of list) this.byId.set(c.id, c);
    this.fallback = list.find((c) => c.isDefault) ?? FALLBACK;
  }

  get(id: string | null | undefined): StoredCalendar | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** A policy's calendar, else the team's, else the default one. */
  pick(calendarId: string | null | undefined, teamCalendarId?: string | null): StoredCalendar {
    return this.get(calendarId) ?? this.get(teamCalendarId) ?? this.fallback;
  }

  /** Whether a team (by its calendar) is inside its working hours. */
  isWorking(teamCalendarId: string | null | undefined, at: Date): boolean {
    return isWorkingTime(this.pick(null, teamCalendarId).spec, at);
  }
}

const CACHE_MS = 5_000;
let generation = 0;
const cache = new WeakMap<object, { at: number; generation: number; book: CalendarBook }>();
// parsed specs by id and version: the same object each time, so the compiled calendar (cached per spec object) is reused
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

/** The calendars, from the cache of `cacheKey` (the database) or read through `tx`. */
export async function calendarBook(tx: Tx, cacheKey: object): Promise<CalendarBook> {
  const hit = cache.get(cacheKey);
  if (hit && hit.generation === generation && Date.now() - hit.at < CACHE_MS) return hit.book;
  const seen = generation;
  const rows = await tx.select().from(businessCalendars);
  const book = new CalendarBook(rows.map(toCalendar));
  cache.set(cacheKey, { at: Date.now(), generation: seen, book });
  return book;
}

export async function ensureDefaultCalendars(tx: Tx): Promise<void> {
  const [any] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).limit(1);
  if (any) return;
  for (const c of defaultCalendars()) await tx.insert(businessCalendars).values(c);
  generation++;
}

export type CalendarRow = typeof businessCalendars.$inferSelect;

export async function listCalendars(tx: Tx): Promise<CalendarRow[]> {
  return tx.select().from(businessCalendars).orderBy(desc(businessCalendars.isDefault), asc(businessCalendars.name));
}

export function parseCalendarSpec(spec: unknown): CalendarSpec {
  const r = calendarSpec.safeParse(spec);
  if (!r.success) throw new AppError('VALIDATION_FAILED', { summary: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  return r.data;
}

/** Creates (no id) or edits a calendar; exactly one stays the default. Running deadlines keep their times. */
export async function saveCalendar(tx: Tx, id: string | null, input: { name: string; spec: unknown; isDefault: boolean }): Promise<CalendarRow> {
  const spec = parseCalendarSpec(input.spec);
  if (input.isDefault) await tx.update(businessCalendars).set({ isDefault: false });
  let row: CalendarRow | undefined;
  if (id) {
    [row] = await tx.update(businessCalendars).set({ name: input.name, spec, isDefault: input.isDefault, updatedAt: new Date() })
      .where(eq(businessCalendars.id, id)).returning();
    if (!row) throw notFound('calendar');
  } else {
    [row] = await tx.insert(businessCalendars).values({ name: input.name, spec, isDefault: input.isDefault }).returning();
  }
  const [def] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).where(eq(businessCalendars.isDefault, true));
  if (!def) throw new AppError('VALIDATION_FAILED', { summary: 'one calendar must stay the default' });
  generation++;
  return row;
}

/** Whether a calendar exists (policies that name one). */
export async function calendarExists(tx: Tx, id: string): Promise<boolean> {
  const [c] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).where(eq(businessCalendars.id, id));
  return !!c;
}
