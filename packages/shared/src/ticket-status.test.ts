import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, DEFAULT_LIFECYCLE } from './ticket-status.ts';

describe('default lifecycle', () => {
  it('moves forward and allows reopening resolved or closed work', () => {
    expect(canTransition(DEFAULT_LIFECYCLE, 'new', 'open')).toBe(true);
    expect(canTransition(DEFAULT_LIFECYCLE, 'resolved', 'open')).toBe(true);
    expect(canTransition(DEFAULT_LIFECYCLE, 'closed', 'open')).toBe(true);
  });
  it('never goes back to new, and closed only reopens', () => {
    for (const s of ['open', 'pending', 'resolved', 'closed'] as const) expect(canTransition(DEFAULT_LIFECYCLE, s, 'new')).toBe(false);
    expect(allowedTransitions(DEFAULT_LIFECYCLE, 'closed')).toEqual(['open']);
  });
});
