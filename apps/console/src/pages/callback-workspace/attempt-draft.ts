import { reachedAttemptGaps, type AttemptBody, type AttemptResult, type Satisfaction } from '@kefu/shared/callbacks';
import type { CallbackAttempt, ScriptQuestion } from '../callbacks/callback-types.ts';

// What the agent has filled in so far for one attempt, and how it becomes the
// request body. Kept as plain data so the rules (what is asked when) are tested.

export type Channel = 'phone' | 'sms' | 'email';
export type Answer = string | boolean;

export interface AttemptDraft {
  result: AttemptResult | null;
  channel: Channel;
  satisfaction: Satisfaction | null;
  answers: Record<string, Answer>;
  reason: string;
  note: string;
  /** ISO */
  appointmentAt: string | null;
  quietHoursOverride: boolean;
}

export const emptyDraft = (): AttemptDraft => ({
  result: null,
  channel: 'phone',
  satisfaction: null,
  answers: {},
  reason: '',
  note: '',
  appointmentAt: null,
  quietHoursOverride: false,
});

/** Satisfaction and the script's answers only mean something when the customer was reached. */
export const asksSatisfaction = (d: AttemptDraft) => d.result === 'reached';
/** Unsatisfied needs a reason (it is reported); neutral may give one. */
export const asksReason = (d: AttemptDraft) => asksSatisfaction(d) && (d.satisfaction === 'unsatisfied' || d.satisfaction === 'neutral');
export const reasonRequired = (d: AttemptDraft) => asksSatisfaction(d) && d.satisfaction === 'unsatisfied';
export const asksAppointment = (d: AttemptDraft) => d.result === 'appointment';

/** A reached phone call needs its length (the call timer's, or typed). */
export const durationRequired = (d: AttemptDraft) => asksSatisfaction(d) && d.channel === 'phone';

/** The form's fields, and the script's answers as `answers.<question key>`. */
export type DraftField = 'result' | 'satisfaction' | 'reason' | 'appointmentAt' | 'durationSeconds' | `answers.${string}`;
export type DraftProblem = 'required' | 'past' | 'invalid';

/**
 * What is missing before the attempt can be recorded. The call's length and
 * the script's answers follow the rule the server applies (reachedAttemptGaps),
 * so the form says before sending what the server would refuse.
 */
export function draftProblems(
  d: AttemptDraft,
  now: number,
  call: { durationSeconds: number; questions: readonly ScriptQuestion[] },
): Partial<Record<DraftField, DraftProblem>> {
  const out: Partial<Record<DraftField, DraftProblem>> = {};
  if (!d.result) out.result = 'required';
  if (asksSatisfaction(d) && !d.satisfaction) out.satisfaction = 'required';
  if (reasonRequired(d) && !d.reason.trim()) out.reason = 'required';
  if (asksAppointment(d)) {
    if (!d.appointmentAt) out.appointmentAt = 'required';
    else if (new Date(d.appointmentAt).getTime() <= now) out.appointmentAt = 'past';
  }
  const gaps = reachedAttemptGaps({ result: d.result, channel: d.channel, durationSeconds: Math.round(call.durationSeconds), answers: d.answers }, call.questions);
  for (const g of gaps) out[g.path] = g.problem === 'duration' || g.problem === 'required' ? 'required' : 'invalid';
  return out;
}

/** The body of POST /callbacks/:id/attempts: only what applies to the result picked. */
export function toAttemptBody(d: AttemptDraft, durationSeconds: number, questions: ScriptQuestion[]): AttemptBody {
  if (!d.result) throw new Error('no result');
  const reached = asksSatisfaction(d);
  const answers: Record<string, Answer> = {};
  if (reached) {
    for (const q of questions) {
      const a = d.answers[q.key];
      if (typeof a === 'boolean') answers[q.key] = a;
      else if (typeof a === 'string' && a.trim()) answers[q.key] = a.trim();
    }
  }
  const reason = asksReason(d) ? d.reason.trim() : '';
  const note = d.note.trim();
  return {
    result: d.result,
    channel: d.channel,
    durationSeconds: Math.max(0, Math.min(6 * 3600, Math.round(durationSeconds))),
    ...(reached && d.satisfaction ? { satisfaction: d.satisfaction } : {}),
    answers,
    ...(reason ? { reason } : {}),
    ...(note ? { note } : {}),
    ...(asksAppointment(d) && d.appointmentAt ? { appointmentAt: d.appointmentAt } : {}),
    quietHoursOverride: d.quietHoursOverride,
  };
}

/** A recorded attempt shown back in the (read-only) form. */
export function draftFromAttempt(a: CallbackAttempt): AttemptDraft {
  return {
    result: a.result as AttemptResult,
    channel: (['phone', 'sms', 'email'].includes(a.channel) ? a.channel : 'phone') as Channel,
    satisfaction: a.satisfaction,
    answers: a.answers ?? {},
    reason: a.reason ?? '',
    note: a.note ?? '',
    appointmentAt: a.appointmentAt,
    quietHoursOverride: a.quietHours,
  };
}
