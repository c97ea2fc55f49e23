import { z } from 'zod';

// What the callback (回访) and survey routes answer: the server validates its
// responses with these schemas, the console types its pages with them.

const id = z.uuid();
const isoDate = z.string().describe('ISO 8601 timestamp');

/** One callback task. */
export const callbackTask = z.object({
  id, policyId: id.nullable(), campaignId: id.nullable(),
  /** the policy's (or campaign's) name when the task was made */
  policy: z.string(), callbackType: z.string(), step: z.string(),
  ticketId: id.nullable(), customerId: id, assigneeId: id.nullable(), teamId: id.nullable(), scriptId: id.nullable(), round: z.number(),
  availableAt: isoDate, dueAt: isoDate, appointmentAt: isoDate.nullable(), status: z.string(), outcome: z.string().nullable(),
  reason: z.string().nullable(), attemptCount: z.number(), coverageRequired: z.boolean(), targetMinutes: z.number(), overdue: z.boolean(),
  doneAt: isoDate.nullable(), closedReason: z.string().nullable(), createdAt: isoDate,
});
export type CallbackTask = z.infer<typeof callbackTask>;

/** A row of GET /callbacks. */
export const callbackListItem = callbackTask.extend({
  customerName: z.string(), customerPhone: z.string().nullable(), customerClass: z.string().nullable(),
  ticketNumber: z.string().nullable(), ticketSubject: z.string().nullable(), ticketStatus: z.string().nullable(),
  assigneeName: z.string().nullable(), teamName: z.string().nullable(), quietNow: z.boolean(), quietUntil: isoDate.nullable(),
});
export type CallbackListItem = z.infer<typeof callbackListItem>;

/** One line of the callback summary report (per policy, team, agent or type; and the total). */
export const callbackReportRow = z.object({
  key: z.string().nullable(), label: z.string(), due: z.number(), onTime: z.number(), late: z.number(),
  /** past the deadline and still not done */
  missed: z.number(),
  /** not yet due and not done */
  pending: z.number(),
  /** closed by a manager with a reason */
  closed: z.number(), reached: z.number(), satisfied: z.number(), neutral: z.number(), unsatisfied: z.number(),
  /** done (on time or late) / due, % */
  coveragePct: z.number().nullable(),
  /** satisfied / reached, % */
  satisfactionPct: z.number().nullable(),
  /** unsatisfied results that sent the work back (reopened or a rectification task) */
  reopened: z.number(),
  /** some policy in the row demands 100 % coverage */
  coverageRequired: z.boolean(),
  /**
   * satisfaction surveys answered in the period in this row: by the agent whose work they rate, that agent's
   * team, or the policy and type of the callback about the same work order; answers that fit no row are in a
   * row "—" (no callbacks), so the rows add up to the total
   */
  surveysAnswered: z.number().nullable(), surveyScorePct: z.number().nullable(),
});
export type CallbackReportRow = z.infer<typeof callbackReportRow>;

export const callbackReport = z.object({
  from: isoDate, to: isoDate, groupBy: z.string(), rows: z.array(callbackReportRow), total: callbackReportRow,
  reasons: z.array(z.object({ reason: z.string(), count: z.number() })),
});
export type CallbackReport = z.infer<typeof callbackReport>;

/** Satisfaction per day or week (the bucket is the day, or the Monday of the week). */
export const satisfactionTrendPoint = z.object({
  bucket: z.string(), reached: z.number(), satisfied: z.number(), satisfactionPct: z.number().nullable(),
  surveysAnswered: z.number(), surveyScorePct: z.number().nullable(),
});
export type SatisfactionTrendPoint = z.infer<typeof satisfactionTrendPoint>;

/**
 * Where a survey invitation stands: waiting to go out (queued: in the
 * customer's rest time or retrying), sent, answered, failed (no address, the
 * gateway refused), skipped (not sent on purpose: the work order was reopened
 * before it went out), expired unanswered.
 */
export const SURVEY_DELIVERIES = ['queued', 'sent', 'answered', 'failed', 'skipped', 'expired'] as const;
export type SurveyDelivery = (typeof SURVEY_DELIVERIES)[number];

/** Why an invitation was not sent on purpose. */
export const SURVEY_SKIP_REASONS = ['ticket_reopened'] as const;

/** The one rule behind every view of an invitation (the work order's, the customer's, the survey's results). */
export function surveyDeliveryOf(
  i: { answeredAt: Date | string | null; sentAt: Date | string | null; sendError: string | null; skipReason: string | null; expiresAt: Date | string },
  now: Date,
): SurveyDelivery {
  if (i.answeredAt) return 'answered';
  if (i.skipReason) return 'skipped';
  if (new Date(i.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (i.sentAt) return 'sent';
  return i.sendError ? 'failed' : 'queued';
}

/** A survey sent to one customer, and the answer if any (GET /survey-responses). */
export const surveyResponse = z.object({
  id, surveyId: id, surveyName: z.string(), customerId: id, customerName: z.string(), ticketId: id.nullable(), ticketNumber: z.string().nullable(),
  agentName: z.string().nullable(), channel: z.string(), sentAt: isoDate.nullable(), answeredAt: isoDate.nullable(), expiresAt: isoDate,
  rating: z.number().nullable(), scale: z.number(), scorePct: z.number().nullable(), comment: z.string().nullable(),
  answers: z.record(z.string(), z.union([z.number(), z.string()])).nullable(), sendError: z.string().nullable(),
  /** computed by the server, the same wherever the invitation is listed */
  delivery: z.enum(SURVEY_DELIVERIES),
  /** when skipped: why (SURVEY_SKIP_REASONS) */
  skipReason: z.string().nullable(),
});
export type SurveyResponse = z.infer<typeof surveyResponse>;
