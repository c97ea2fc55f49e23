import type { T } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';

// SLA clocks as the console shows them: a tone (colour) and the time left or
// overdue. Business-time deadlines arrive as absolute instants, so counting
// down is plain wall-clock arithmetic to dueAt.

/** green: running before its amber time · amber: at risk · red: breached or overdue · grey: met, paused, cancelled */
export type SlaTone = 'ok' | 'warn' | 'late' | 'done';

export const TONE_COLORS: Record<SlaTone, string> = { ok: 'green', warn: 'orange', late: 'red', done: 'default' };

export interface SlaClockLike {
  state: string;
  dueAt: string;
  warnAt?: string | null;
  metAt?: string | null;
}

const ms = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : Number.NaN);

export function slaTone(c: SlaClockLike, now: number): SlaTone {
  if (c.state === 'breached') return c.metAt ? 'done' : 'late';
  if (c.state !== 'running') return 'done';
  if (ms(c.dueAt) <= now) return 'late';
  if (ms(c.warnAt) <= now) return 'warn';
  return 'ok';
}

const SEVERITY: SlaTone[] = ['done', 'ok', 'warn', 'late'];

/** The more severe of two tones (a queue item the server calls at risk is at least amber). */
export function atLeastTone(tone: SlaTone, floor: SlaTone | undefined): SlaTone {
  return floor && SEVERITY.indexOf(floor) > SEVERITY.indexOf(tone) ? floor : tone;
}

/**
 * The tone of a list row: only the nearest deadline and whether some clock
 * breached are known. `warnAt` is used when the server sends one.
 */
export function listTone(dueAt: string | null | undefined, breached: boolean | undefined, now: number, warnAt?: string | null): SlaTone | null {
  if (breached) return 'late';
  if (!dueAt) return null;
  return slaTone({ state: 'running', dueAt, warnAt }, now);
}

/** "2天3小时", "1小时05分", "4分09秒" (seconds only in the last hour). */
export function formatDuration(t: T, millis: number): string {
  const total = Math.max(0, Math.floor(Math.abs(millis) / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return t('duration.dh', { d, h });
  if (h > 0) return t('duration.hm', { h, m: pad(m) });
  return t('duration.ms', { m, s: pad(s) });
}

/** "剩余 1小时05分" / "超时 4分09秒". */
export function timeLeft(t: T, dueAt: string, now: number): string {
  const left = ms(dueAt) - now;
  return left >= 0 ? t('sla.left', { d: formatDuration(t, left) }) : t('sla.over', { d: formatDuration(t, left) });
}

/** How often a countdown needs to change: every second in its last hour (or first hour overdue), else every minute. */
export function tickFor(dueAt: string | null | undefined, now: number): number {
  if (!dueAt) return 60_000;
  return Math.abs(ms(dueAt) - now) < 3_600_000 ? 1000 : 60_000;
}

/** 首次响应 / 再次响应 / 解决时限; a kind a rule made up is shown as it is. */
export function slaKindLabel(t: T, kind: string): string {
  const key = `sla.clockName.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}
