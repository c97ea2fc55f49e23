import { describe, expect, it } from 'vitest';
import { attemptBody, reachedAttemptGaps } from '@kefu/shared/callbacks';
import { draftProblems, emptyDraft, toAttemptBody, type AttemptDraft } from './attempt-draft.ts';
import type { ScriptQuestion } from '../callbacks/callback-types.ts';

const NOW = Date.parse('2026-11-27T01:30:00Z');
const questions: ScriptQuestion[] = [
  { key: 'resolved', text: '问题是否解决?', kind: 'yes_no' },
  { key: 'attitude', text: '态度?', kind: 'choice', options: ['满意', '一般'] },
  { key: 'suggestion', text: '建议?', kind: 'text', required: false },
];
const draft = (d: Partial<AttemptDraft>): AttemptDraft => ({ ...emptyDraft(), ...d });
/** a call of half a minute, on a script without questions */
const call = { durationSeconds: 30, questions: [] };

describe('attempt draft', () => {
  it('needs a result, then satisfaction when reached, a reason when unsatisfied', () => {
    expect(draftProblems(emptyDraft(), NOW, call)).toEqual({ result: 'required' });
    expect(draftProblems(draft({ result: 'reached' }), NOW, call)).toEqual({ satisfaction: 'required' });
    expect(draftProblems(draft({ result: 'reached', satisfaction: 'unsatisfied', reason: '  ' }), NOW, call)).toEqual({ reason: 'required' });
    expect(draftProblems(draft({ result: 'reached', satisfaction: 'neutral' }), NOW, call)).toEqual({});
    expect(draftProblems(draft({ result: 'no_answer' }), NOW, call)).toEqual({});
  });

  it('says before sending what the server would refuse: a reached phone call needs its length and the required answers', () => {
    const reached = draft({ result: 'reached', satisfaction: 'satisfied' });
    expect(draftProblems(reached, NOW, { durationSeconds: 0, questions })).toEqual({
      durationSeconds: 'required', 'answers.resolved': 'required', 'answers.attitude': 'required',
    });
    const answered = { ...reached, answers: { resolved: true, attitude: '满意' } };
    expect(draftProblems(answered, NOW, { durationSeconds: 42, questions })).toEqual({});
    // an answer that is not one of the options is refused as well
    expect(draftProblems({ ...answered, answers: { resolved: true, attitude: '还行' } }, NOW, { durationSeconds: 42, questions })).toEqual({ 'answers.attitude': 'invalid' });
    // by SMS there is no call to time; without reaching the customer nothing is asked
    expect(draftProblems({ ...answered, channel: 'sms' }, NOW, { durationSeconds: 0, questions })).toEqual({});
    expect(draftProblems(draft({ result: 'busy' }), NOW, { durationSeconds: 0, questions })).toEqual({});
    // the body the form then sends passes the server's rule too
    expect(reachedAttemptGaps(toAttemptBody(answered, 42.4, questions), questions)).toEqual([]);
  });

  it('needs a future time for an appointment', () => {
    expect(draftProblems(draft({ result: 'appointment' }), NOW, call)).toEqual({ appointmentAt: 'required' });
    expect(draftProblems(draft({ result: 'appointment', appointmentAt: '2026-11-27T01:00:00Z' }), NOW, call)).toEqual({ appointmentAt: 'past' });
    expect(draftProblems(draft({ result: 'appointment', appointmentAt: '2026-11-27T08:00:00.000Z' }), NOW, call)).toEqual({});
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
