import { inZone } from '../../utils/time.ts';

/** "Due soon" starts this long before the deadline (amber in the list). */
export const SOON_MS = 4 * 3600_000;

export type Urgency = 'overdue' | 'soon' | 'normal' | 'finished';

/**
 * How pressing a callback's deadline is. The server's `overdue` flag wins (it
 * was computed with the server's clock); a finished task is never urgent.
 */
export function deadlineUrgency(task: { status: string; dueAt: string; overdue: boolean }, now: number): Urgency {
  if (task.status !== 'open') return 'finished';
  const left = new Date(task.dueAt).getTime() - now;
  if (task.overdue || left <= 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : 'normal';
}

export const DUE_RANGES = ['today', 'week', 'all'] as const;
export type DueRange = (typeof DUE_RANGES)[number];

/**
 * The deadline bound of a due-range filter, in the centre's time zone. Only an
 * upper bound: what is already overdue belongs to today's work too.
 */
export function dueToFor(range: DueRange, now: number | Date): string | undefined {
  if (range === 'all') return undefined;
  const today = inZone(new Date(now)).startOf('day');
  if (range === 'today') return today.add(1, 'day').toISOString();
  // weeks run Monday to Sunday here, whatever dayjs's locale says
  const daysToMonday = (8 - today.day()) % 7 || 7;
  return today.add(daysToMonday, 'day').toISOString();
}

/**
 * 138****5678: the list is glanced at over a shoulder; the number to dial is on
 * the callback screen. A number the server already masked stays as it is.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  if (phone.includes('*')) return phone;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return digits;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
