import { describe, expect, it } from 'vitest';
import { deadlineUrgency, dueToFor, maskPhone } from './callback-urgency.ts';

const NOW = Date.parse('2026-11-27T01:30:00Z'); // Friday 09:30 in Shanghai
const task = (dueAt: string, status = 'open', overdue = false) => ({ dueAt, status, overdue });

describe('callback deadline urgency', () => {
  it('is overdue once the deadline passed, or when the server says so', () => {
    expect(deadlineUrgency(task('2026-11-27T01:00:00Z'), NOW)).toBe('overdue');
    expect(deadlineUrgency(task('2026-11-28T01:00:00Z', 'open', true), NOW)).toBe('overdue');
  });

  it('is due soon within four hours, normal after', () => {
    expect(deadlineUrgency(task('2026-11-27T05:30:00Z'), NOW)).toBe('soon');
    expect(deadlineUrgency(task('2026-11-27T05:31:00Z'), NOW)).toBe('normal');
  });

  it('is never urgent once done, closed or cancelled', () => {
    expect(deadlineUrgency(task('2026-11-20T00:00:00Z', 'done'), NOW)).toBe('finished');
    expect(deadlineUrgency(task('2026-11-20T00:00:00Z', 'closed'), NOW)).toBe('finished');
  });
});

describe('due range', () => {
  it('today ends at midnight in Shanghai', () => {
    expect(dueToFor('today', NOW)).toBe('2026-11-27T16:00:00.000Z');
    // 23:30 in Shanghai is still the same day there
    expect(dueToFor('today', Date.parse('2026-11-27T15:30:00Z'))).toBe('2026-11-27T16:00:00.000Z');
  });

  it('this week ends at the start of next Monday', () => {
    expect(dueToFor('week', NOW)).toBe('2026-11-29T16:00:00.000Z');
    // on a Monday: the whole week ahead
    expect(dueToFor('week', Date.parse('2026-11-30T02:00:00Z'))).toBe('2026-12-06T16:00:00.000Z');
    // on a Sunday: until the end of it
    expect(dueToFor('week', Date.parse('2026-11-29T02:00:00Z'))).toBe('2026-11-29T16:00:00.000Z');
  });

  it('all has no bound', () => {
    expect(dueToFor('all', NOW)).toBeUndefined();
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('010****5678');
  });
  it('leaves masked, short and missing numbers alone', () => {
    expect(maskPhone('138****5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('12345');
    expect(maskPhone(null)).toBe('');
  });
});
