import type { BusinessCalendar, CalendarDay, CalendarSpec, WorkingInterval } from '../../../api/types.ts';

// The calendar editor works on a draft that is easier to edit than the spec
// (day rows with keys, a workday's own hours as text); these functions convert
// both ways, check what the browser can check, and place the server's
// validation messages ("weekly.1.1: … overlap") on the rows they are about.

/** Monday first, as the week is shown; the spec counts 0 = Sunday … 6 = Saturday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface DayDraft {
  key: string;
  date: string | null;
  kind: 'holiday' | 'workday';
  name: string;
  /** a workday's own hours as typed ("09:00-12:00, 13:00-15:00"); empty: a normal Monday's */
  hoursText: string;
  provisional: boolean;
}

export interface CalendarDraft {
  name: string;
  isDefault: boolean;
  timeZone: string;
  alwaysOpen: boolean;
  weekly: WorkingInterval[][];
  days: DayDraft[];
}

let seq = 0;
export const newKey = () => `d${++seq}`;

const CLOCK = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const isClockTime = (s: string) => CLOCK.test(s);
export const clockMinutes = (s: string) => (isClockTime(s) ? Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)) : Number.NaN);

/** Seat hours 8:30–17:30 with a lunch hour, Monday to Friday (the server's default). */
export function officeWeek(): WorkingInterval[][] {
  const day = () => [
    { start: '08:30', end: '12:00' },
    { start: '13:00', end: '17:30' },
  ];
  return [[], day(), day(), day(), day(), day(), []];
}

export function emptyDraft(): CalendarDraft {
  return { name: '', isDefault: false, timeZone: 'Asia/Shanghai', alwaysOpen: false, weekly: officeWeek(), days: [] };
}

export function hoursToText(hours: WorkingInterval[] | undefined): string {
  return (hours ?? []).map((h) => `${h.start}-${h.end}`).join(', ');
}

/** "09:00-12:00, 13:00-15:00" -> intervals; null when some part is not HH:mm-HH:mm. */
export function parseHours(text: string): WorkingInterval[] | null {
  const parts = text.split(/[,，、;；\s]+/).filter(Boolean);
  const out: WorkingInterval[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–~～至]\s*(\d{1,2}:\d{2})$/.exec(p);
    if (!m) return null;
    const [start, end] = [m[1].padStart(5, '0'), m[2].padStart(5, '0')];
    if (!isClockTime(start) || !isClockTime(end)) return null;
    out.push({ start, end });
  }
  return out;
}

function dayDraft(d: CalendarDay): DayDraft {
  return {
    key: newKey(),
    date: d.date,
    kind: d.kind,
    name: d.name ?? '',
    hoursText: hoursToText(d.hours),
    provisional: d.provisional === true,
  };
}

export const byDate = (a: { date: string | null }, b: { date: string | null }) =>
  (a.date ?? '9999').localeCompare(b.date ?? '9999');

export function fromCalendar(c: Pick<BusinessCalendar, 'name' | 'isDefault' | 'spec'>): CalendarDraft {
  const spec = (c.spec ?? {}) as Partial<CalendarSpec>;
  const weekly = Array.from({ length: 7 }, (_, i) => (spec.weekly?.[i] ?? []).map((h) => ({ start: h.start, end: h.end })));
  return {
    name: c.name,
    isDefault: c.isDefault,
    timeZone: spec.timeZone ?? 'Asia/Shanghai',
    alwaysOpen: spec.alwaysOpen === true,
    weekly,
    days: (spec.days ?? []).map(dayDraft).sort(byDate),
  };
}

/**
 * The spec to send, days in date order (the server's messages name days by
 * their index in this list: `order` gives each index's row key).
 */
export function toSpec(d: CalendarDraft): { spec: CalendarSpec; order: string[] } {
  const days = [...d.days].sort(byDate);
  return {
    spec: {
      timeZone: d.timeZone.trim() || 'Asia/Shanghai',
      alwaysOpen: d.alwaysOpen,
      weekly: d.weekly.map((list) => list.map((h) => ({ start: h.start.trim(), end: h.end.trim() }))),
      days: days.map((x) => {
        const hours = x.kind === 'workday' && x.hoursText.trim() ? parseHours(x.hoursText) ?? [] : undefined;
        return {
          date: x.date ?? '',
          kind: x.kind,
          ...(x.name.trim() ? { name: x.name.trim() } : {}),
          ...(hours ? { hours } : {}),
          ...(x.provisional ? { provisional: true } : {}),
        };
      }),
    },
    order: days.map((x) => x.key),
  };
}

/** Where a problem is: a weekday's interval, a day row's field, or the calendar as a whole. */
export type IssueAt =
  | { where: 'weekly'; day: number; index?: number }
  | { where: 'day'; key: string; field?: string }
  | { where: 'name' }
  | { where: 'spec' };

export interface Issue {
  at: IssueAt;
  /** a dictionary key (checks made here) or the server's text */
  message: string;
  fromServer?: boolean;
}

/** What the browser can check before saving: names, times written as HH:mm, dates, one row per date. */
export function checkDraft(d: CalendarDraft): Issue[] {
  const out: Issue[] = [];
  if (!d.name.trim()) out.push({ at: { where: 'name' }, message: 'calendar.needName' });
  d.weekly.forEach((list, day) =>
    list.forEach((h, index) => {
      if (!isClockTime(h.start.trim()) || !isClockTime(h.end.trim())) out.push({ at: { where: 'weekly', day, index }, message: 'calendar.badTime' });
    }),
  );
  const seen = new Set<string>();
  for (const x of d.days) {
    if (!x.date) out.push({ at: { where: 'day', key: x.key, field: 'date' }, message: 'calendar.needDate' });
    else if (seen.has(x.date)) out.push({ at: { where: 'day', key: x.key, field: 'date' }, message: 'calendar.dateTwice' });
    else seen.add(x.date);
    if (x.kind === 'workday' && x.hoursText.trim() && !parseHours(x.hoursText)) {
      out.push({ at: { where: 'day', key: x.key, field: 'hours' }, message: 'calendar.badHours' });
    }
  }
  return out;
}

/**
 * The server's 422 message ("输入有误:weekly.1.1: working hours … overlap; days.3.date: …")
 * as issues placed on their rows; `order` maps a day index to its row key.
 */
export function serverIssues(message: string, order: string[]): Issue[] {
  const at = message.search(/(?:weekly|days|timeZone|alwaysOpen)(?:\.\w+)*: /);
  if (at < 0) return [{ at: { where: 'spec' }, message, fromServer: true }];
  // the text before the first path is the "Invalid input:" the editor says in its own words
  const parts = message.slice(at).split(/;\s+(?=(?:weekly|days|timeZone|alwaysOpen)(?:\.\w+)*: )/);
  return parts.map((p): Issue => {
    const i = p.indexOf(': ');
    const path = p.slice(0, i).split('.');
    const text = p.slice(i + 2);
    if (path[0] === 'weekly' && path[1] !== undefined && /^\d+$/.test(path[1])) {
      return { at: { where: 'weekly', day: Number(path[1]), index: path[2] !== undefined ? Number(path[2]) : undefined }, message: text, fromServer: true };
    }
    if (path[0] === 'days' && path[1] !== undefined && order[Number(path[1])]) {
      return { at: { where: 'day', key: order[Number(path[1])], field: path[2] }, message: text, fromServer: true };
    }
    return { at: { where: 'spec' }, message: p, fromServer: true };
  });
}

export function yearsOf(days: { date: string | null }[]): string[] {
  return [...new Set(days.flatMap((d) => (d.date ? [d.date.slice(0, 4)] : [])))].sort();
}

export const sameHours = (a: WorkingInterval[], b: WorkingInterval[]) =>
  a.length === b.length && a.every((h, i) => h.start === b[i].start && h.end === b[i].end);

/**
 * The week in words: runs of weekdays with the same hours, Monday first, e.g.
 * [{from: 1, to: 5, hours}] for Monday to Friday; closed days are left out.
 */
export function weekRuns(weekly: WorkingInterval[][]): { from: number; to: number; hours: WorkingInterval[] }[] {
  const runs: { from: number; to: number; hours: WorkingInterval[] }[] = [];
  for (const day of WEEK_ORDER) {
    const hours = weekly[day] ?? [];
    const last = runs[runs.length - 1];
    const prevDay = WEEK_ORDER[WEEK_ORDER.indexOf(day) - 1];
    if (last && hours.length && last.to === prevDay && sameHours(last.hours, hours)) last.to = day;
    else if (hours.length) runs.push({ from: day, to: day, hours });
  }
  return runs;
}
