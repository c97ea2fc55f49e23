import { describe, expect, it } from 'vitest';
import { callbackStep } from '@kefu/shared/callbacks';
import { defaultCalendars } from '../../platform/time/calendars.ts';
import { addSpan, anchorFrom, stepWindow } from './callback-deadlines.ts';

// Callback deadlines on the default calendar: office hours 8:30–17:30 on
// weekdays, the 2026 public holidays and make-up workdays (调休).

const office = defaultCalendars()[0].spec;
const cst = (s: string) => new Date(`${s}+08:00`);
const local = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

describe('callback deadlines', () => {
  it('counts "within 3 working days" (CBK-06) past a weekend', () => {
    // resolved Thursday afternoon: Fri, Mon, Tue are the three working days
    expect(local(addSpan(office, cst('2026-11-26T15:00:00'), { businessDays: 3 }))).toBe('2026-12-01 17:30');
  });

  it('skips the National Day holiday and counts its make-up Saturday as a working day', () => {
    // resolved 30 Sep: 1–7 Oct are holidays; Thu 8, Fri 9 and Sat 10 Oct (调休) are the three working days
    expect(local(addSpan(office, cst('2026-09-30T10:00:00'), { businessDays: 3 }))).toBe('2026-10-10 17:30');
  });

  it('counts repairs within 2 working days, and a Sunday make-up workday before the holiday', () => {
    // resolved Friday after closing: it counts as received on the next working day, Sun 20 Sep,
    // a make-up workday (国庆调休) — Sat 19 is off; the two working days after it are Mon 21 and Tue 22
    expect(local(addSpan(office, cst('2026-09-18T19:00:00'), { businessDays: 2 }))).toBe('2026-09-22 17:30');
  });

  it('counts a leak repair from the leak test, not from the resolution (CBK-08)', () => {
    const anchor = anchorFrom('2026-11-23T10:00:00+08:00', 'Asia/Shanghai')!;
    const w = stepWindow(office, anchor, callbackStep.parse({ label: '试漏后回访', dueWithin: { businessDays: 3 } }));
    expect(local(w.availableAt)).toBe('2026-11-23 10:00');
    expect(local(w.dueAt)).toBe('2026-11-26 17:30');
    expect(local(anchorFrom('2026-11-23', 'Asia/Shanghai')!)).toBe('2026-11-23 00:00');
    expect(anchorFrom('not a date', 'Asia/Shanghai')).toBeNull();
  });

  it('schedules post-installation visits at +1 week, +1 month, +3 months and +1 year (CBK-23)', () => {
    const installed = cst('2026-11-27T10:00:00');
    const steps = [7, 30, 91, 365].map((days) => callbackStep.parse({ label: `${days}`, startAfter: { days }, dueWithin: { businessDays: 2 } }));
    expect(steps.map((s) => local(stepWindow(office, installed, s).availableAt))).toEqual([
      '2026-12-04 10:00', '2026-12-27 10:00', '2027-02-26 10:00', '2027-11-27 10:00',
    ]);
    // the 1-month visit becomes available on a Sunday: it counts from Mon 28 Dec, two working days → Wed 30
    expect(local(stepWindow(office, installed, steps[1]).dueAt)).toBe('2026-12-30 17:30');
  });

  it('counts hours (48-hour follow-ups, CBK-15) on the clock', () => {
    expect(local(addSpan(office, cst('2026-11-27T22:00:00'), { hours: 48 }))).toBe('2026-11-29 22:00');
  });
});
