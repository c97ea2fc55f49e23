import { z } from 'zod';
import { clockMinutes, clockTime } from './clock-time.ts';

// A business calendar as validated data: the time zone, the working hours of
// each weekday, and dated exceptions (public holidays, make-up workdays 调休,
// company days). Policies name a calendar; deadlines are computed by it
// (business-time.ts). Nothing here is one company's numbers except the
// defaults, which come from the requirements.

export const workingInterval = z
  .object({ start: clockTime, end: clockTime })
  .strict()
  .superRefine((iv, ctx) => {
    if (clockMinutes(iv.start) >= clockMinutes(iv.end)) {
      ctx.addIssue({
        code: 'custom',
        message: `working hours ${iv.start}–${iv.end}: the start must be before the end (split a shift past midnight at 24:00 into two days)`,
      });
    }
  });
export type WorkingInterval = z.infer<typeof workingInterval>;

/** One day's working intervals, in time order and not overlapping (touching is fine: 12:00–12:00). */
export const workingHours = z
  .array(workingInterval)
  .max(12)
  .superRefine((list, ctx) => {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const cur = list[i];
      if (!(clockMinutes(cur.start) < clockMinutes(prev.end))) continue;
      const range = (iv: WorkingInterval) => `${iv.start}–${iv.end}`;
      const message = clockMinutes(cur.end) <= clockMinutes(prev.start)
        ? `working hours ${range(cur)} come before ${range(prev)}: list them in time order`
        : `working hours ${range(prev)} and ${range(cur)} overlap`;
      ctx.addIssue({ code: 'custom', path: [i], message });
    }
  });

export const calendarDay = z
  .object({
    date: z.iso.date(),
    kind: z.enum(['holiday', 'workday']),
    name: z.string().min(1).max(40).optional(),
    /** A workday's hours; without them a make-up workday keeps a normal Monday's hours. */
    hours: workingHours.optional(),
    /** Derived rather than copied from an official notice: an admin should confirm it. */
    provisional: z.boolean().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.kind === 'holiday' && d.hours) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: `${d.date} is a holiday and has no working hours; use kind "workday" for a shortened day` });
    }
    if (d.kind === 'workday' && d.hours?.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: `${d.date} is a workday without working hours; use kind "holiday" to close it` });
    }
  });
export type CalendarDay = z.infer<typeof calendarDay>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const closedWeek = (): WorkingInterval[][] => [[], [], [], [], [], [], []];

export const calendarSpec = z
  .object({
    timeZone: z.string().refine(isTimeZone, 'unknown time zone; use an IANA name such as Asia/Shanghai').default('Asia/Shanghai'),
    /** 7x24 teams: every instant is working time; weekly hours and days are ignored. */
    alwaysOpen: z.boolean().default(false),
    /** Index = weekday, 0 = Sunday … 6 = Saturday. */
    weekly: z.array(workingHours).length(7, 'weekly needs 7 lists of hours, Sunday (0) to Saturday (6)').default(closedWeek),
    days: z.array(calendarDay).max(3000).default([]),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.days.forEach((d, i) => {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} is listed twice` });
      seen.add(d.date);
    });
    // Without any weekly hours no deadline could ever fall due.
    if (!spec.alwaysOpen && spec.weekly.every((day) => day.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'a calendar needs weekly working hours, or alwaysOpen for a 7x24 team' });
    }
  });
export type CalendarSpec = z.infer<typeof calendarSpec>;
export type CalendarSpecInput = z.input<typeof calendarSpec>;

// Shared defaults are frozen so no caller can change every team's calendar by accident.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Seat hours 8:30–17:30 with a lunch hour, Monday to Friday (WFM-06). Add holidays with chinaHolidayDays(). */
export const DEFAULT_OFFICE_HOURS: CalendarSpec = deepFreeze(calendarSpec.parse({
  timeZone: 'Asia/Shanghai',
  weekly: [
    [],
    ...Array.from({ length: 5 }, () => [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }]),
    [],
  ],
}));

/** 7x24 teams (WFM-07, CHN-10). The weekly hours say the same thing for readers that ignore the flag. */
export const ALWAYS_OPEN: CalendarSpec = deepFreeze(calendarSpec.parse({
  timeZone: 'Asia/Shanghai',
  alwaysOpen: true,
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
}));
