import { describe, expect, it } from 'vitest';
import { isQuietTime, nextAllowedTime, quietHours, quietHoursList, type QuietHours } from './quiet-hours.ts';

const SH = 'Asia/Shanghai';
const rest: QuietHours[] = [{ start: '21:00', end: '09:00' }, { start: '12:00', end: '14:00' }];
const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('covers a window wrapping midnight and the lunch rest', () => {
    expect(isQuietTime(rest, SH, at('2026-03-16T22:00:00+08:00'))).toBe(true);
    expect(isQuietTime(rest, SH, at('2026-03-16T02:00:00+08:00'))).toBe(true);
    expect(isQuietTime(rest, SH, at('2026-03-16T08:59:00+08:00'))).toBe(true);
    expect(isQuietTime(rest, SH, at('2026-03-16T09:00:00+08:00'))).toBe(false);
    expect(isQuietTime(rest, SH, at('2026-03-16T12:30:00+08:00'))).toBe(true);
    expect(isQuietTime(rest, SH, at('2026-03-16T14:00:00+08:00'))).toBe(false);
    expect(isQuietTime(rest, SH, at('2026-03-16T20:59:00+08:00'))).toBe(false);
    expect(isQuietTime([], SH, at('2026-03-16T03:00:00+08:00'))).toBe(false);
  });

  it('reads the clock in the given zone', () => {
    // 13:00 UTC is 21:00 in Shanghai but 14:00 in Berlin (CET).
    expect(isQuietTime(rest, SH, at('2026-03-16T13:00:00Z'))).toBe(true);
    expect(isQuietTime(rest, 'Europe/Berlin', at('2026-03-16T13:00:00Z'))).toBe(false);
  });

  it('moves a late-evening call to 09:00 the next morning', () => {
    expect(nextAllowedTime(rest, SH, at('2026-03-16T22:00:00+08:00'))).toEqual(at('2026-03-17T09:00:00+08:00'));
    expect(nextAllowedTime(rest, SH, at('2026-03-17T06:00:00+08:00'))).toEqual(at('2026-03-17T09:00:00+08:00'));
    expect(nextAllowedTime(rest, SH, at('2026-03-16T12:30:00+08:00'))).toEqual(at('2026-03-16T14:00:00+08:00'));
    expect(nextAllowedTime(rest, SH, at('2026-03-16T10:15:00+08:00'))).toEqual(at('2026-03-16T10:15:00+08:00'));
  });

  it('chains windows that meet', () => {
    const night: QuietHours[] = [{ start: '21:00', end: '24:00' }, { start: '00:00', end: '07:00' }, { start: '07:00', end: '08:00' }];
    expect(nextAllowedTime(night, SH, at('2026-12-31T23:00:00+08:00'))).toEqual(at('2027-01-01T08:00:00+08:00'));
  });

  it('refuses windows that leave no time for contact', () => {
    expect(quietHours.safeParse({ start: '09:00', end: '09:00' }).success).toBe(false);
    const allDay = [{ start: '20:00', end: '10:00' }, { start: '10:00', end: '20:00' }];
    expect(quietHoursList.safeParse(allDay).success).toBe(false);
    expect(quietHoursList.safeParse(rest).success).toBe(true);
    expect(() => nextAllowedTime(allDay, SH, at('2026-03-16T12:00:00+08:00'))).toThrow(/whole day/);
  });
});
