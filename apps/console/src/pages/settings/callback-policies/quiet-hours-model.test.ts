import { describe, expect, it } from 'vitest';
import { classTaken, isDirty, newClassDraft, quietBody, quietIssues, toDrafts, wrapsMidnight } from './quiet-hours-model.ts';

describe('quiet hours model', () => {
  it('knows a window that wraps midnight', () => {
    expect(wrapsMidnight({ start: '21:00', end: '09:00' })).toBe(true);
    expect(wrapsMidnight({ start: '12:00', end: '13:30' })).toBe(false);
    expect(wrapsMidnight({ start: '22:00', end: '24:00' })).toBe(false);
    expect(wrapsMidnight({ start: '22:00', end: '00:00' })).toBe(false);
  });

  it('finds what the server would refuse', () => {
    expect(quietIssues([{ start: '21:00', end: '09:00' }, { start: '12:00', end: '13:30' }])).toEqual([]);
    expect(quietIssues([])).toEqual([]);
    expect(quietIssues([{ start: '', end: '09:00' }])).toEqual([{ index: 0, issue: 'needTime' }]);
    expect(quietIssues([{ start: '08:00', end: '08:00' }])).toEqual([{ index: 0, issue: 'sameStartEnd' }]);
    expect(quietIssues([{ start: '00:00', end: '24:00' }])).toEqual([{ index: 0, issue: 'sameStartEnd' }]);
    expect(quietIssues([{ start: '09:00', end: '21:00' }, { start: '21:00', end: '09:00' }])).toEqual([{ issue: 'wholeDay' }]);
  });

  it('puts the default row first and keeps track of changes', () => {
    const drafts = toDrafts([
      { customerClass: 'B', windows: [] },
      { customerClass: null, windows: [{ start: '21:00', end: '09:00' }] },
      { customerClass: 'A', windows: [{ start: '20:00', end: '10:00' }] },
    ]);
    expect(drafts.map((d) => d.customerClass)).toEqual([null, 'A', 'B']);
    expect(drafts.some(isDirty)).toBe(false);
    drafts[1].windows[0].end = '09:30';
    expect(isDirty(drafts[1])).toBe(true);
    expect(drafts[1].saved).toEqual([{ start: '20:00', end: '10:00' }]);
  });

  it('shows an empty default row when the server has none', () => {
    expect(toDrafts([])).toEqual([{ customerClass: null, saved: null, windows: [] }]);
  });

  it('a new class starts from the default and is unsaved', () => {
    const drafts = toDrafts([{ customerClass: null, windows: [{ start: '21:00', end: '09:00' }] }]);
    const a = newClassDraft(' A ', drafts);
    expect(a).toEqual({ customerClass: 'A', saved: null, windows: [{ start: '21:00', end: '09:00' }] });
    expect(isDirty(a)).toBe(true);
    expect(classTaken('a', [...drafts, a])).toBe(true);
    expect(classTaken('B', [...drafts, a])).toBe(false);
  });

  it('sends the windows in the order of the day', () => {
    expect(
      quietBody({ customerClass: 'VIP', saved: null, windows: [{ start: '21:00', end: '09:00' }, { start: '12:00', end: '13:30' }] }),
    ).toEqual({ customerClass: 'VIP', windows: [{ start: '12:00', end: '13:30' }, { start: '21:00', end: '09:00' }] });
  });
});
