import { quietHoursBody } from '@kefu/shared/callbacks';
import { canonical } from './policy-model.ts';

// Quiet hours ("一个避免"): per customer class, daily HH:mm windows in which
// customers are not called. A window whose start is after its end wraps
// midnight (21:00–09:00). The row without a class is the default.

export interface QuietWindow {
  start: string;
  end: string;
}

export interface QuietRow {
  customerClass: string | null;
  windows: QuietWindow[];
}

/** A row being edited: what the server holds (null: not saved yet) and the edited windows. */
export interface QuietDraft {
  customerClass: string | null;
  saved: QuietWindow[] | null;
  windows: QuietWindow[];
}

export type QuietIssue = 'needTime' | 'sameStartEnd' | 'wholeDay' | 'tooMany';

export const MAX_WINDOWS = 10;
const DAY = 1440;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 21:00–09:00 runs past midnight; 22:00–00:00 only up to it. */
export const wrapsMidnight = (w: QuietWindow) =>
  CLOCK.test(w.start) && CLOCK.test(w.end) && minutesOf(w.end) % DAY !== 0 && minutesOf(w.start) % DAY > minutesOf(w.end) % DAY;

function covers(w: QuietWindow, minute: number): boolean {
  const s = minutesOf(w.start) % DAY;
  const e = minutesOf(w.end) % DAY;
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

/** What is wrong with a row's windows, per window (index) or for the row (no index); as the server checks it. */
export function quietIssues(windows: QuietWindow[]): { index?: number; issue: QuietIssue }[] {
  const out: { index?: number; issue: QuietIssue }[] = [];
  windows.forEach((w, index) => {
    if (!CLOCK.test(w.start) || !CLOCK.test(w.end)) out.push({ index, issue: 'needTime' });
    else if (minutesOf(w.start) % DAY === minutesOf(w.end) % DAY) out.push({ index, issue: 'sameStartEnd' });
  });
  if (windows.length > MAX_WINDOWS) out.push({ issue: 'tooMany' });
  if (!out.length && windows.length) {
    let free = false;
    for (let m = 0; m < DAY && !free; m++) free = !windows.some((w) => covers(w, m));
    if (!free) out.push({ issue: 'wholeDay' });
  }
  return out;
}

/** The default row first, then the classes in order; a missing default row shows empty. */
export function toDrafts(rows: QuietRow[]): QuietDraft[] {
  const def = rows.find((r) => r.customerClass === null);
  const classes = rows.filter((r) => r.customerClass !== null).sort((a, b) => (a.customerClass ?? '').localeCompare(b.customerClass ?? ''));
  return [def ?? { customerClass: null, windows: [] }, ...classes].map((r) => ({
    customerClass: r.customerClass,
    saved: rows.includes(r) ? r.windows.map((w) => ({ ...w })) : null,
    windows: r.windows.map((w) => ({ ...w })),
  }));
}

export const isDirty = (d: QuietDraft) => d.saved === null || canonical(d.saved) !== canonical(d.windows);

/** The PUT body; windows sorted by start so the list reads in the order of the day. */
export function quietBody(d: QuietDraft): QuietRow {
  const windows = [...d.windows].sort((a, b) => minutesOf(a.start) - minutesOf(b.start)).map((w) => ({ start: w.start, end: w.end }));
  return quietHoursBody.parse({ customerClass: d.customerClass === null ? null : d.customerClass.trim(), windows });
}

/** A new class row starts from the default's windows (the usual case is a small change). */
export function newClassDraft(customerClass: string, drafts: QuietDraft[]): QuietDraft {
  const def = drafts.find((d) => d.customerClass === null);
  return { customerClass: customerClass.trim(), saved: null, windows: (def?.saved ?? []).map((w) => ({ ...w })) };
}

export function classTaken(customerClass: string, drafts: QuietDraft[]): boolean {
  const c = customerClass.trim().toLowerCase();
  return drafts.some((d) => d.customerClass !== null && d.customerClass.toLowerCase() === c);
}
