import type { CalendarSpec, WorkingInterval } from '@kefu/shared/calendar-spec';
import { clockMinutes } from '@kefu/shared/clock-time';
import { dayNumberOf, weekdayOf } from './wall-clock.ts';

// A calendar spec compiled for lookups: the working minutes of any local
// date, with dated exceptions taking precedence over the weekly pattern.
// Specs are treated as immutable, so each is compiled once.

/** [start, end) in minutes after local midnight; end may be 1440. */
export type MinuteSpan = readonly [start: number, end: number];

export interface CompiledCalendar {
  timeZone: string;
  alwaysOpen: boolean;
  /** Working minutes of a local day number; empty when closed. */
  hoursOn(day: number): readonly MinuteSpan[];
}

const MONDAY = 1;
const cache = new WeakMap<CalendarSpec, CompiledCalendar>();

const toSpans = (hours: readonly WorkingInterval[]): MinuteSpan[] =>
  hours.map((iv) => [clockMinutes(iv.start), clockMinutes(iv.end)] as const);

export function compileCalendar(spec: CalendarSpec): CompiledCalendar {
  const hit = cache.get(spec);
  if (hit) return hit;
  const weekly = spec.weekly.map(toSpans);
  const exceptions = new Map<number, MinuteSpan[]>();
  for (const d of spec.days) {
    // A make-up workday (调休) is worked like a normal weekday; Monday stands for one.
    const hours = d.kind === 'holiday' ? [] : d.hours ? toSpans(d.hours) : weekly[MONDAY];
    exceptions.set(dayNumberOf(d.date), hours);
  }
  const compiled: CompiledCalendar = {
    timeZone: spec.timeZone,
    alwaysOpen: spec.alwaysOpen,
    hoursOn: (day) => exceptions.get(day) ?? weekly[weekdayOf(day)],
  };
  cache.set(spec, compiled);
  return compiled;
}
