import { describe, expect, it } from 'vitest';
import { localTimeText } from './local-time-text.ts';

describe('a moment in the centre\'s time', () => {
  const now = new Date('2026-12-07T03:00:00Z'); // 11:00 in Shanghai

  it('is the local time of day when it is today, never UTC', () => {
    expect(localTimeText(new Date('2026-12-07T05:30:00.000Z'), 'Asia/Shanghai', now, 'zh-CN')).toBe('13:30');
    expect(localTimeText(new Date('2026-12-07T05:30:00.000Z'), 'Asia/Shanghai', now, 'en-US')).toBe('13:30');
  });

  it('names the date when it is another day (the local day, not UTC\'s), and the year when it is another year', () => {
    // 01:00 UTC on the 8th is 09:00 on the 8th in Shanghai; 20:00 UTC on the 7th is already the 8th there
    expect(localTimeText(new Date('2026-12-08T01:00:00Z'), 'Asia/Shanghai', now, 'zh-CN')).toBe('12月8日 09:00');
    expect(localTimeText(new Date('2026-12-07T20:00:00Z'), 'Asia/Shanghai', now, 'en-US')).toBe('Dec 8 04:00');
    expect(localTimeText(new Date('2027-01-02T01:00:00Z'), 'Asia/Shanghai', now, 'zh-CN')).toBe('2027年1月2日 09:00');
    expect(localTimeText(new Date('2027-01-02T01:00:00Z'), 'Asia/Shanghai', now, 'en-US')).toBe('Jan 2, 2027 09:00');
  });

  it('follows the configured zone', () => {
    expect(localTimeText(new Date('2026-12-07T05:30:00Z'), 'Europe/Berlin', now, 'en-US')).toBe('06:30');
  });
});
