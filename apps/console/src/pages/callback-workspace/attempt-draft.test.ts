import { describe, expect, it } from 'vitest';
import { attemptBody } from '@kefu/shared/callbacks';
import { draftProblems, emptyDraft, toAttemptBody, type AttemptDraft } from './attempt-draft.ts';
import type { ScriptQuestion } from '../callbacks/callback-types.ts';

const NOW = Date.parse('2026-11-27T01:30:00Z');
const questions: ScriptQuestion[] = [
  { key: 'resolved', text: '问题是否解决?', kind: 'yes_no' },
  { key: 'attitude', text: '态度?', kind: 'choice', options: ['满意', '一般'] },
  { key: 'suggestion', text: '建议?', kind: 'text' },
];
const draft = (d: Partial<AttemptDraft>): AttemptDraft => ({ ...emptyDraft(), ...d });

describe('attempt draft', () => {
  it('needs a result, then satisfaction when reached, a reason when unsatisfied', () => {
    expect(draftProblems(emptyDraft(), NOW)).toEqual({ result: 'required' });
    expect(draftProblems(draft({ result: 'reached' }), NOW)).toEqual({ satisfaction: 'required' });
    expect(draftProblems(draft({ result: 'reached', satisfaction: 'unsatisfied', reason: '  ' }), NOW)).toEqual({ reason: 'required' });
    expect(draftProblems(draft({ result: 'reached', satisfaction: 'neutral' }), NOW)).toEqual({});
    expect(draftProblems(draft({ result: 'no_answer' }), NOW)).toEqual({});
  });

  it('needs a future time for an appointment', () => {
    expect(draftProblems(draft({ result: 'appointment' }), NOW)).toEqual({ appointmentAt: 'required' });
    expect(draftProblems(draft({ result: 'appointment', appointmentAt: '2026-11-27T01:00:00Z' }), NOW)).toEqual({ appointmentAt: 'past' });
    expect(draftProblems(draft({ result: 'appointment', appointmentAt: '2026-11-27T08:00:00.000Z' }), NOW)).toEqual({});
  });

  it('sends satisfaction, answers and reason only when reached', () => {
    const body = toAttemptBody(
      draft({
        result: 'reached', satisfaction: 'unsatisfied', reason: ' 送货太慢 ', note: '',
        answers: { resolved: false, attitude: '一般', suggestion: '  ', stale: 'x' },
      }),
      125.4,
      questions,
    );
    expect(body).toEqual({
      result: 'reached', channel: 'phone', durationSeconds: 125, satisfaction: 'unsatisfied',
      answers: { resolved: false, attitude: '一般' }, reason: '送货太慢', quietHoursOverride: false,
    });
    expect(attemptBody.safeParse(body).success).toBe(true);

    // switching away from reached drops what was filled in for it
    const noAnswer = toAttemptBody(
      draft({ result: 'no_answer', satisfaction: 'satisfied', reason: 'x', answers: { resolved: true }, appointmentAt: '2026-11-28T01:00:00Z', note: ' 关机 ' }),
      0,
      questions,
    );
    expect(noAnswer).toEqual({ result: 'no_answer', channel: 'phone', durationSeconds: 0, answers: {}, note: '关机', quietHoursOverride: false });
    expect(attemptBody.safeParse(noAnswer).success).toBe(true);
  });

  it('sends the agreed time for an appointment and the quiet-hours override', () => {
    const body = toAttemptBody(draft({ result: 'appointment', appointmentAt: '2026-11-28T02:00:00.000Z', quietHoursOverride: true }), 30, questions);
    expect(body).toMatchObject({ result: 'appointment', appointmentAt: '2026-11-28T02:00:00.000Z', quietHoursOverride: true });
    expect(attemptBody.safeParse(body).success).toBe(true);
  });
});
