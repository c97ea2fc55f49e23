import type { CallbackStep, Span } from '@kefu/shared/callbacks';
import { addBusinessDays } from '../../platform/time/business-time.ts';
import type { CalendarSpec } from '@kefu/shared/calendar-spec';
import { dayNumberOf, instantOf } from '../../platform/time/wall-clock.ts';

// When a callback may be made and by when. Calendar days and hours count the
// clock; working days count on the policy's business calendar, so a callback
// "within 3 working days" of a resolution before a public holiday waits for
// the holiday to pass, and a make-up workday (调休) counts as a working day.

const HOUR_MS = 3_600_000;

export function addSpan(spec: CalendarSpec, from: Date, s: Span): Date {
  if (s.businessDays !== undefined) return addBusinessDays(spec, from, s.businessDays);
  if (s.days !== undefined) return new Date(from.getTime() + s.days * 24 * HOUR_MS);
  return new Date(from.getTime() + (s.hours ?? 0) * HOUR_MS);
}

export function stepWindow(spec: CalendarSpec, anchor: Date, step: CallbackStep): { availableAt: Date; dueAt: Date } {
  const availableAt = step.startAfter ? addSpan(spec, anchor, step.startAfter) : anchor;
  return { availableAt, dueAt: addSpan(spec, availableAt, step.dueWithin) };
}

/** A date or datetime form value as an instant ('2026-11-27' is the start of that day in the zone). */
export function anchorFrom(value: unknown, timeZone: string): Date | null {
  if (typeof value !== 'string' || !value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(instantOf(timeZone, dayNumberOf(value), 0));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
