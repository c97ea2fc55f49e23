import { describe, expect, it } from 'vitest';
import { branchEffect, followUpDone } from './follow-up.ts';

describe('callback follow-up', () => {
  it('predicts what an ending does to the work order', () => {
    expect(branchEffect('close', 'resolved')).toBe('close');
    expect(branchEffect('close', 'open')).toBeNull(); // open work stays open
    expect(branchEffect('reopen', 'resolved')).toBe('reopen');
    expect(branchEffect('reopen', 'closed')).toBe('reopen');
    expect(branchEffect('reopen', 'pending')).toBeNull();
    expect(branchEffect('rectify', 'closed')).toBe('rectify');
    expect(branchEffect('none', 'resolved')).toBeNull();
    expect(branchEffect('close', null)).toBeNull(); // a campaign callback has no work order
  });

  it('names what happened', () => {
    expect(followUpDone('reopen')).toBe('reopen');
    expect(followUpDone('none')).toBeNull();
    expect(followUpDone(null)).toBeNull();
  });
});
