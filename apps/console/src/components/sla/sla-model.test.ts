import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate.ts';
import type { T } from '../../i18n/i18n-provider.tsx';
import { atLeastTone, formatDuration, listTone, slaKindLabel, slaTone, tickFor, timeLeft } from './sla-model.ts';

const zh: T = (k, v) => translate('zh-CN', k, v);
const en: T = (k, v) => translate('en-US', k, v);
const NOW = Date.parse('2026-11-27T02:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('SLA clocks as shown', () => {
  it('green before the amber time, amber after it, red when due or breached, grey when done', () => {
    expect(slaTone({ state: 'running', dueAt: at(30), warnAt: at(10) }, NOW)).toBe('ok');
    expect(slaTone({ state: 'running', dueAt: at(30), warnAt: at(-1) }, NOW)).toBe('warn');
    expect(slaTone({ state: 'running', dueAt: at(-1), warnAt: at(-10) }, NOW)).toBe('late');
    expect(slaTone({ state: 'running', dueAt: at(30), warnAt: null }, NOW)).toBe('ok');
    expect(slaTone({ state: 'breached', dueAt: at(-5) }, NOW)).toBe('late');
    expect(slaTone({ state: 'breached', dueAt: at(-5), metAt: at(-1) }, NOW)).toBe('done');
    for (const state of ['met', 'paused', 'cancelled']) expect(slaTone({ state, dueAt: at(-5) }, NOW)).toBe('done');
  });

  it('list rows: red when breached, by the nearest deadline otherwise, nothing without one', () => {
    expect(listTone(null, false, NOW)).toBeNull();
    expect(listTone(at(30), true, NOW)).toBe('late');
    expect(listTone(at(30), false, NOW)).toBe('ok');
    expect(listTone(at(30), false, NOW, at(-1))).toBe('warn');
    expect(listTone(at(-1), false, NOW)).toBe('late');
    expect(atLeastTone('ok', 'warn')).toBe('warn');
    expect(atLeastTone('late', 'warn')).toBe('late');
  });

  it('time left and overdue in both languages', () => {
    expect(timeLeft(zh, at(65), NOW)).toBe('剩余 1小时05分');
    expect(timeLeft(zh, at(-4.15), NOW)).toBe('超时 4分09秒');
    expect(timeLeft(en, at(60 * 27), NOW)).toBe('1d 3h left');
    expect(timeLeft(en, at(-0.5), NOW)).toBe('0m 30s overdue');
    expect(formatDuration(zh, 0)).toBe('0分00秒');
  });

  it('counts seconds only near the deadline', () => {
    expect(tickFor(at(30), NOW)).toBe(1000);
    expect(tickFor(at(-30), NOW)).toBe(1000);
    expect(tickFor(at(120), NOW)).toBe(60_000);
  });

  it('names the built-in kinds, shows a rule’s own kind as it is', () => {
    expect(slaKindLabel(zh, 'first_response')).toBe('首次响应');
    expect(slaKindLabel(zh, 'resolution')).toBe('解决时限');
    expect(slaKindLabel(en, 'next_response')).toBe('Next response');
    expect(slaKindLabel(zh, 'quality_callback')).toBe('quality_callback');
  });
});
