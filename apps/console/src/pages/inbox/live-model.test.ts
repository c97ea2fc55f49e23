import { describe, expect, it } from 'vitest';
import { currentViewers, listTarget, morningCheckShown, VIEWER_TTL_MS, withViewer } from './live-model.ts';

const ME = 'me';
const at = (hhmm: string) => `2026-12-08T${hhmm}:00.000+08:00`;
const ms = (hhmm: string) => Date.parse(at(hhmm));

describe('the collision notice', () => {
  it('keeps colleagues heard of lately, drops those who left or went quiet, never lists me', () => {
    let seen = withViewer([], { id: 'b', name: '李娜' }, 1000);
    seen = withViewer(seen, { id: 'a', name: '张敏' }, 2000);
    seen = withViewer(seen, { id: ME, name: '王丽' }, 2000);
    expect(currentViewers(seen, 3000, ME).map((v) => v.name)).toEqual(['李娜', '张敏']);
    // 李娜 says again she is there: once, with the new time
    seen = withViewer(seen, { id: 'b', name: '李娜' }, 20_000);
    expect(seen.filter((v) => v.id === 'b')).toHaveLength(1);
    // 张敏 is not heard of for 30 s: gone; 李娜 closes it: gone at once
    expect(currentViewers(seen, 2000 + VIEWER_TTL_MS, ME).map((v) => v.name)).toEqual(['李娜']);
    expect(currentViewers(withViewer(seen, { id: 'b', name: '李娜' }, 21_000, true), 21_000, ME).map((v) => v.name)).toEqual(['张敏']);
  });
});

describe('a list row\'s target', () => {
  const base = { status: 'open' as const, createdAt: at('09:00'), firstResponseAt: null, firstResponseDueAt: at('09:05'), resolveDueAt: at('17:00') };

  it('counts down to the first answer while there is none: green, amber in its last fifth, red once due', () => {
    expect(listTarget(base, ms('09:01'))).toEqual({ kind: 'first_response', dueAt: at('09:05'), tone: 'ok' });
    expect(listTarget(base, ms('09:04'))?.tone).toBe('warn');
    expect(listTarget(base, ms('09:05'))?.tone).toBe('late');
  });

  it('after the first answer, shows the resolution only when it is near or missed; nothing once resolved', () => {
    const answered = { ...base, firstResponseAt: at('09:02') };
    expect(listTarget(answered, ms('10:00'))).toBeNull();
    expect(listTarget(answered, ms('16:00'))).toEqual({ kind: 'resolution', dueAt: at('17:00'), tone: 'warn' });
    expect(listTarget(answered, ms('17:30'))?.tone).toBe('late');
    expect(listTarget({ ...base, status: 'resolved' }, ms('17:30'))).toBeNull();
    expect(listTarget({ ...base, firstResponseDueAt: null, resolveDueAt: null }, ms('17:30'))).toBeNull();
  });
});

describe('the morning check (CHN-11)', () => {
  it('is offered while something waits for an answer, not on the unanswered list itself, and not again the day it was put off', () => {
    const today = '2026-12-08';
    expect(morningCheckShown({ unanswered: 3, queue: 'mine', dismissedOn: null, today })).toBe(true);
    expect(morningCheckShown({ unanswered: 3, queue: 'unanswered', dismissedOn: null, today })).toBe(false);
    expect(morningCheckShown({ unanswered: 0, queue: 'mine', dismissedOn: null, today })).toBe(false);
    expect(morningCheckShown({ unanswered: undefined, queue: 'mine', dismissedOn: null, today })).toBe(false);
    expect(morningCheckShown({ unanswered: 3, queue: 'mine', dismissedOn: today, today })).toBe(false);
    expect(morningCheckShown({ unanswered: 3, queue: 'mine', dismissedOn: '2026-12-07', today })).toBe(true);
  });
});
