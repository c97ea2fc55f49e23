import type { CallbackPolicyBody, CallbackStep, Span } from '@kefu/shared/callbacks';
import type { RuleCondition } from '@kefu/shared/rules';
import type { T } from '../../../i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../i18n/translate.ts';
import type { ConditionField, Lookups } from '../rules/rule-model.ts';
import { describeCondition } from '../rules/rule-words.ts';
import { readableErrorPath } from './error-path.ts';
import { fromSpan } from './policy-model.ts';

// Callback policies in words, for the list and the editor's live preview:
// "投诉工单办结后,由建单接线员在3个工作日内回访;须100%回访;发送满意度调查".

export interface WordsContext {
  t: T;
  fields: ConditionField[];
  lk: Lookups;
  /** fields.leakTestAt -> 试漏时间 */
  anchorName: (field: string) => string;
  teamName: (id: string) => string | undefined;
}

export function spanWords(t: T, s: Span): string {
  const { amount, unit } = fromSpan(s);
  return t(`cbPolicy.span.${unit}`, { n: amount });
}

/** One step's window: "3个工作日内", "7天后起2个工作日内". */
export function stepWhen(t: T, step: CallbackStep): string {
  const due = spanWords(t, step.dueWithin);
  return step.startAfter ? t('cbPolicy.when.startDue', { start: spanWords(t, step.startAfter), due }) : t('cbPolicy.when.due', { due });
}

type SummaryPolicy = Pick<CallbackPolicyBody, 'steps' | 'anchorField' | 'triggerStatus'>;

/**
 * The steps column: one step with what it counts from ("办结后3个工作日内"),
 * several by when each starts ("关闭后 7天 · 30天 · 91天 · 365天"). Not by the
 * steps' labels: they are data in the language they were typed in.
 */
export function stepsSummary(t: T, p: SummaryPolicy, anchorName: (field: string) => string): string {
  const from = p.anchorField ? anchorName(p.anchorField) : t(`cbPolicy.from.${p.triggerStatus}`);
  if (p.steps.length !== 1) {
    const list = p.steps.map((s) => spanWords(t, s.startAfter ?? { days: 0 })).join(' · ');
    return t('cbPolicy.summary.steps', { from, list });
  }
  const [step] = p.steps;
  const due = spanWords(t, step.dueWithin);
  return step.startAfter
    ? t('cbPolicy.summary.startDue', { from, start: spanWords(t, step.startAfter), due })
    : t('cbPolicy.summary.due', { from, due });
}

export function assigneeWords(t: T, a: CallbackPolicyBody['assignee'], teamName: (id: string) => string | undefined): string {
  if (a.mode !== 'team') return t(`cbPolicy.who.${a.mode}`);
  const team = a.teamId ? teamName(a.teamId) : undefined;
  return team ? t('cbPolicy.say.team', { team }) : t('cbPolicy.say.someTeam');
}

/** Work-order types named by a type condition (type = x, type in [x, y]); the other conditions are said as conditions. */
function splitTypes(conditions: RuleCondition[]): { types: string[]; rest: RuleCondition[] } {
  const typeCond = conditions.find((c) => c.field === 'type' && (c.op === 'eq' || c.op === 'in'));
  if (!typeCond) return { types: [], rest: conditions };
  const v = typeCond.value;
  const types = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
  return { types, rest: conditions.filter((c) => c !== typeCond) };
}

type WordsPolicy = Pick<
  CallbackPolicyBody,
  'conditions' | 'triggerStatus' | 'anchorField' | 'steps' | 'assignee' | 'channels' | 'coverageRequired' | 'sendSurvey'
>;

/** The whole policy in one sentence. */
export function policyInWords(p: WordsPolicy, ctx: WordsContext): string {
  const { t } = ctx;
  const { types, rest } = splitTypes(p.conditions);
  let what = types.length ? t('cbPolicy.say.typed', { types: types.map(ctx.lk.typeName).join(t('cbPolicy.say.typeSep')) }) : t('cbPolicy.say.any');
  if (rest.length) what += t('cbPolicy.say.where', { conds: rest.map((c) => describeCondition(c, ctx.fields, ctx.lk)).join(t('rule.and')) });
  const anchor = p.anchorField ? t('cbPolicy.say.anchor', { field: ctx.anchorName(p.anchorField) }) : '';
  let when = '';
  if (p.steps.length === 1) {
    const [s] = p.steps;
    const due = spanWords(t, s.dueWithin);
    when = s.startAfter ? t('cbPolicy.say.whenStartDue', { start: spanWords(t, s.startAfter), due }) : t('cbPolicy.say.whenDue', { due });
  } else if (p.steps.length > 1) {
    const list = p.steps.map((s) => t('cbPolicy.say.step', { label: s.label, when: stepWhen(t, s) })).join(t('cbPolicy.say.listSep'));
    when = t('cbPolicy.say.whenSteps', { n: p.steps.length, list });
  }
  let out = t('cbPolicy.say.main', {
    what,
    trigger: t(`cbPolicy.trigger.${p.triggerStatus}`),
    anchor,
    who: assigneeWords(t, p.assignee, ctx.teamName),
    when,
  });
  if (p.coverageRequired) out += t('cbPolicy.say.coverage');
  // the server sends the survey only when the trigger is "resolved"
  if (p.sendSurvey && p.triggerStatus === 'resolved') out += t('cbPolicy.say.survey');
  if (p.channels.length) out += t('cbPolicy.say.channels', { list: p.channels.map((c) => t(`cbPolicy.channel.${c}`)).join(t('rule.listSep')) });
  return out;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'cbPolicy.name',
  kind: 'cbPolicy.kind',
  callbackType: 'cbPolicy.callbackType',
  triggerStatus: 'cbPolicy.triggerStatus',
  conditions: 'cbPolicy.conditions',
  anchorField: 'cbPolicy.anchorField',
  steps: 'cbPolicy.steps',
  label: 'cbPolicy.stepLabel',
  startAfter: 'cbPolicy.startAfter',
  dueWithin: 'cbPolicy.dueWithin',
  calendarId: 'cbPolicy.calendar',
  scriptId: 'cbPolicy.script',
  assignee: 'cbPolicy.assignee',
  teamId: 'cbPolicy.team',
  channels: 'cbPolicy.channels',
  coverageRequired: 'cbPolicy.coverageRequired',
  sendSurvey: 'cbPolicy.sendSurvey',
  targetMinutes: 'cbPolicy.targetMinutes',
};

/** "body.steps.0.dueWithin" -> "回访 1 · 期限". */
export function policyErrorPath(path: string, t: T): string {
  return readableErrorPath(path, (key, n) => {
    if (n !== undefined) return key === 'steps' ? t('cbPolicy.stepN', { n }) : key === 'conditions' ? t('rule.conditionN', { n }) : undefined;
    return FIELD_LABELS[key] ? t(FIELD_LABELS[key]) : undefined;
  });
}
