import { z } from 'zod';
import { ruleCondition } from './rules.ts';
import { isoDateTimeInput } from './api.ts';

// Callbacks (回访) as data: policies say when a callback is due and by when,
// counted on a business calendar; scripts say what the agent says; every
// attempt is recorded with its result (CBK-01..24, FRM-04, KB-03).

/** Callback type is a mandatory attribute (CBK-01); repair/order/care extend the three of the source. */
export const CALLBACK_TYPES = ['complaint', 'after_sale', 'pre_sale', 'repair', 'order', 'care'] as const;
export type CallbackType = (typeof CALLBACK_TYPES)[number];

/** Channels are a tenant setting (CBK-02, C-15): phone, e-mail, SMS. */
export const CALLBACK_CHANNELS = ['phone', 'sms', 'email'] as const;

/** What happened on one attempt (acceptance: reached / no answer / busy / agreed time / refused / wrong number). */
export const ATTEMPT_RESULTS = ['reached', 'no_answer', 'busy', 'appointment', 'refused', 'wrong_number'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];

export const SATISFACTION = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export const CALLBACK_STATUSES = ['open', 'done', 'closed', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** A span of time: calendar days / hours, or working days on the policy's calendar. */
export const span = z.object({
  days: z.number().int().min(0).max(730).optional(),
  hours: z.number().int().min(0).max(8760).optional(),
  businessDays: z.number().int().min(1).max(365).optional(),
}).strict().refine((s) => [s.days, s.hours, s.businessDays].filter((x) => x !== undefined).length === 1, 'give exactly one of days, hours, businessDays');
export type Span = z.infer<typeof span>;

/** One callback a policy creates: when it becomes available and how long there is to make it. */
export const callbackStep = z.object({
  label: z.string().trim().min(1).max(40),
  /** from the anchor (the event, or the date in anchorField) to when the callback may be made; none: at once */
  startAfter: span.optional(),
  /** from when it may be made to its deadline */
  dueWithin: span,
}).strict();
export type CallbackStep = z.infer<typeof callbackStep>;

export const POLICY_KINDS = ['event', 'schedule', 'campaign'] as const;

/** Who gets the callback task. */
export const callbackAssignee = z.discriminatedUnion('mode', [
  /** the person the work order was assigned to when it was resolved */
  z.object({ mode: z.literal('resolver') }).strict(),
  /** whoever recorded the work order */
  z.object({ mode: z.literal('creator') }).strict(),
  /** the least-loaded active member of a team (callback specialists) */
  z.object({ mode: z.literal('team'), teamId: z.uuid() }).strict(),
]);

const policyFields = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  kind: z.enum(POLICY_KINDS),
  callbackType: z.enum(CALLBACK_TYPES),
  /** event: the work order status that triggers (resolved); schedule: the same, with several steps */
  triggerStatus: z.enum(['resolved', 'closed']),
  /** which work orders (rule conditions: type, fields.repairCategory, customer.class …) */
  conditions: z.array(ruleCondition).max(20),
  /** a date/datetime form field the steps count from (e.g. fields.leakTestAt), else the event */
  anchorField: z.string().regex(/^fields\.[a-zA-Z][a-zA-Z0-9]*$/).nullable(),
  steps: z.array(callbackStep).min(1).max(12),
  calendarId: z.uuid().nullable(),
  scriptId: z.uuid().nullable(),
  assignee: callbackAssignee,
  channels: z.array(z.enum(CALLBACK_CHANNELS)).min(1).max(3),
  /** counted against 100 % coverage (CBK-06 members, CBK-08 repairs) */
  coverageRequired: z.boolean(),
  /** send a satisfaction survey link when the work order is resolved (SAT-06) */
  sendSurvey: z.boolean(),
  /** target length of the call, shown on the callback screen (CBK-05) */
  targetMinutes: z.number().int().min(1).max(120),
};

export const callbackPolicyBody = z.object({
  ...policyFields,
  enabled: policyFields.enabled.default(true),
  kind: policyFields.kind.default('event'),
  triggerStatus: policyFields.triggerStatus.default('resolved'),
  conditions: policyFields.conditions.default([]),
  anchorField: policyFields.anchorField.default(null),
  calendarId: policyFields.calendarId.default(null),
  scriptId: policyFields.scriptId.default(null),
  assignee: callbackAssignee.default({ mode: 'resolver' }),
  channels: policyFields.channels.default(['phone']),
  coverageRequired: policyFields.coverageRequired.default(false),
  sendSurvey: policyFields.sendSurvey.default(false),
  targetMinutes: policyFields.targetMinutes.default(5),
}).strict();
/** a PATCH changes only what it names: no defaults */
export const callbackPolicyUpdateBody = z.object(policyFields).partial().strict();
export type CallbackPolicyBody = z.infer<typeof callbackPolicyBody>;

// ---- scripts (话术) ----

export const scriptQuestion = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  text: z.string().trim().min(1).max(500),
  kind: z.enum(['text', 'choice', 'yes_no']),
  options: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
  /** answered on every reached callback unless false (like survey questions; scripts saved before this flag count as all required) */
  required: z.boolean().optional(),
}).strict().refine((q) => q.kind !== 'choice' || (q.options?.length ?? 0) >= 2, 'a choice question needs at least two options');

export const FOLLOW_UPS = ['none', 'close', 'reopen', 'rectify'] as const;

export const scriptBranch = z.object({
  /** what the agent asks or says on this branch (e.g. "which aspect were you unhappy with?") */
  prompt: z.string().trim().max(500).default(''),
  closing: z.string().trim().min(1).max(1000),
  /** close the work order; reopen it; or create a rectification task for the responsible department */
  followUp: z.enum(FOLLOW_UPS),
}).strict();

const scriptFields = {
  name: z.string().trim().min(1).max(100),
  /** variables: {customerName} {service} {date} {agentName} {jobNumber} {company} */
  opening: z.string().trim().min(1).max(1000),
  questions: z.array(scriptQuestion).max(20),
  branches: z.object({ satisfied: scriptBranch, neutral: scriptBranch, unsatisfied: scriptBranch }).strict(),
};
export const callbackScriptBody = z.object({ ...scriptFields, questions: scriptFields.questions.default([]) }).strict()
  .refine((s) => new Set(s.questions.map((q) => q.key)).size === s.questions.length, 'question keys must be unique');
export const callbackScriptUpdateBody = z.object(scriptFields).partial().strict();
export type CallbackScriptBody = z.infer<typeof callbackScriptBody>;

export const SCRIPT_VARIABLES = ['customerName', 'service', 'date', 'agentName', 'jobNumber', 'company'] as const;

/** Fills {variables}; unknown ones stay as written so a typo shows. */
export function fillScript(text: string, vars: Partial<Record<(typeof SCRIPT_VARIABLES)[number], string>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (all, k: string) => (vars as Record<string, string | undefined>)[k] ?? all);
}

// ---- attempts ----

export const attemptBody = z.object({
  result: z.enum(ATTEMPT_RESULTS),
  channel: z.enum(CALLBACK_CHANNELS).default('phone'),
  durationSeconds: z.number().int().min(0).max(6 * 3600).default(0),
  /** when reached: how the customer rated the handling */
  satisfaction: z.enum(SATISFACTION).optional(),
  /** script answers by question key */
  answers: z.record(z.string(), z.union([z.string().max(2000), z.boolean()])).default({}),
  /** why unsatisfied (reported) */
  reason: z.string().trim().max(500).optional(),
  note: z.string().trim().max(2000).optional(),
  /** result 'appointment': the time agreed with the customer */
  appointmentAt: isoDateTimeInput.optional(),
  /** call although it is the customer's quiet time (they asked to be called now) */
  quietHoursOverride: z.boolean().default(false),
}).strict().superRefine((b, ctx) => {
  if (b.result === 'reached' && !b.satisfaction) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'a reached customer gives a satisfaction result' });
  if (b.result !== 'reached' && b.satisfaction) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'satisfaction only when the customer was reached' });
  if (b.result === 'appointment' && !b.appointmentAt) ctx.addIssue({ code: 'custom', path: ['appointmentAt'], message: 'give the time agreed with the customer' });
  if (b.satisfaction === 'unsatisfied' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'record why the customer is unsatisfied' });
});
export type AttemptBody = z.infer<typeof attemptBody>;

/** A script question as a reached attempt checks it. */
export interface ScriptQuestionRule {
  key: string;
  kind: 'text' | 'choice' | 'yes_no';
  options?: string[];
  required?: boolean;
}

export const questionRequired = (q: Pick<ScriptQuestionRule, 'required'>) => q.required !== false;

/** Something a reached attempt still lacks (the server answers 422 naming each; the console's form shows the same before sending). */
export type AttemptGap =
  | { path: 'durationSeconds'; problem: 'duration' }
  | { path: `answers.${string}`; key: string; problem: 'required' | 'yes_no' | 'choice' };

/**
 * A customer who was reached was talked to: a phone call lasted some time,
 * and the script's required questions were asked and answered (yes/no as
 * yes or no, a choice as one of its options). Other results need neither.
 */
export function reachedAttemptGaps(
  b: { result: AttemptResult | null; channel: string; durationSeconds: number; answers: Record<string, string | boolean | undefined> },
  questions: readonly ScriptQuestionRule[],
): AttemptGap[] {
  if (b.result !== 'reached') return [];
  const out: AttemptGap[] = [];
  if (b.channel === 'phone' && !(b.durationSeconds > 0)) out.push({ path: 'durationSeconds', problem: 'duration' });
  for (const q of questions) {
    const a = b.answers[q.key];
    const path = `answers.${q.key}` as const;
    if (a === undefined || (typeof a === 'string' && !a.trim())) {
      if (questionRequired(q)) out.push({ path, key: q.key, problem: 'required' });
    } else if (q.kind === 'yes_no' && typeof a !== 'boolean') {
      out.push({ path, key: q.key, problem: 'yes_no' });
    } else if (q.kind === 'choice' && !(typeof a === 'string' && (q.options ?? []).includes(a))) {
      out.push({ path, key: q.key, problem: 'choice' });
    } else if (q.kind === 'text' && typeof a !== 'string') {
      out.push({ path, key: q.key, problem: 'required' });
    }
  }
  return out;
}

export const callbackCloseBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

// ---- quiet hours per customer class (NTF-11) ----

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'use HH:mm');
export const quietWindow = z.object({ start: clockTime, end: clockTime }).strict();
export const quietHoursBody = z.object({
  /** null: the default for customers without a class */
  customerClass: z.string().trim().min(1).max(20).nullable(),
  windows: z.array(quietWindow).max(10),
}).strict();

// ---- campaigns (CBK-03) ----

export const campaignFilter = z.object({
  customerClasses: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  /** customers with a work order of these types… */
  ticketTypes: z.array(z.string().min(1).max(32)).max(10).optional(),
  /** …created in this period (e.g. "a purchase last week": type order, last 7 days) */
  since: isoDateTimeInput.optional(),
  until: isoDateTimeInput.optional(),
}).strict();
export type CampaignFilter = z.infer<typeof campaignFilter>;

export const campaignBody = z.object({
  name: z.string().trim().min(1).max(100),
  callbackType: z.enum(CALLBACK_TYPES).default('care'),
  filter: campaignFilter,
  /** the callback specialists; tasks go to the least-loaded member */
  teamId: z.uuid(),
  scriptId: z.uuid().nullable().default(null),
  calendarId: z.uuid().nullable().default(null),
  dueWithin: span,
  coverageRequired: z.boolean().default(true),
}).strict();
export type CampaignBody = z.infer<typeof campaignBody>;

// ---- surveys (SAT) ----

export const SURVEY_SCALES = [2, 3, 5] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];
/** A rating 1..scale as 0..1, so 2-, 3- and 5-point surveys (and chat ratings) add up. */
export const surveyScore = (rating: number, scale: number) => (scale <= 1 ? 1 : (rating - 1) / (scale - 1));
export const surveyQuestion = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  text: z.object({ zh: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).strict(),
  kind: z.enum(['rating', 'choice', 'text']),
  options: z.array(z.object({ zh: z.string().min(1).max(60), en: z.string().min(1).max(60) })).max(10).optional(),
  required: z.boolean().default(true),
}).strict().refine((q) => q.kind !== 'choice' || (q.options?.length ?? 0) >= 2, 'a choice question needs at least two options');

export const surveyBody = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['post_resolution', 'periodic']).default('periodic'),
  scale: z.union([z.literal(2), z.literal(3), z.literal(5)]).default(5),
  /** the overall rating is always asked; these come after it */
  questions: z.array(surveyQuestion).max(30).default([]),
  /** days a link stays valid */
  validDays: z.number().int().min(1).max(90).default(7),
}).strict().refine((s) => new Set(s.questions.map((q) => q.key)).size === s.questions.length, 'question keys must be unique');
export type SurveyBody = z.infer<typeof surveyBody>;

export const surveySendBody = z.object({
  filter: campaignFilter,
  channel: z.enum(['sms', 'email']).default('sms'),
}).strict();

export const surveyAnswerBody = z.object({
  rating: z.number().int().min(1).max(5),
  answers: z.record(z.string(), z.union([z.number(), z.string().max(2000)])).default({}),
  comment: z.string().trim().max(2000).default(''),
}).strict();
