import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatDuration } from './use-call-timer.ts';

describe('call timer', () => {
  it('adds the running stretch to what was counted before', () => {
    expect(elapsedSeconds({ startedAt: null, banked: 42 }, 1_000_000)).toBe(42);
    expect(elapsedSeconds({ startedAt: 1_000_000, banked: 42 }, 1_065_900)).toBe(107);
    // a clock that went back does not count down
    expect(elapsedSeconds({ startedAt: 1_000_000, banked: 5 }, 990_000)).toBe(5);
  });

  it('reads as mm:ss, with hours when there are any', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(125)).toBe('02:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
