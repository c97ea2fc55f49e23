import { z } from 'zod';
import { PRIORITIES, TICKET_STATUSES } from './ticket-status.ts';

// Routing and escalation rules as data: when (trigger) + conditions -> actions.
// The server validates with these schemas; the console builds its editor on them.

export const RULE_TRIGGERS = [
  'ticket.created', 'ticket.updated', 'ticket.field_changed', 'ticket.status_reached', 'sla.due', 'sla.breached',
  /** a callback (回访) of the work order passed its deadline undone */
  'callback.overdue',
  /** a newly assigned customer was not contacted by the owner in time (CUS-04); no work order: notify actions only */
  'customer.first_contact_overdue',
] as const;
/** Triggers about a customer rather than a work order: conditions on the customer, notify actions only ("assignee" is the owner). */
export const CUSTOMER_TRIGGERS: readonly RuleTrigger[] = ['customer.first_contact_overdue'];
export const CUSTOMER_CONDITION_FIELDS = ['customer.class', 'customer.tier'] as const;
export const CUSTOMER_RECIPIENT_KINDS = ['user', 'position', 'team', 'assignee'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const CONDITION_OPS = ['eq', 'neq', 'in', 'not_in', 'is_true', 'is_false', 'exists', 'not_exists', 'changed', 'contains'] as const;

/**
 * `field` is one of: type, priority, channel, status, teamId, assigneeId,
 * customer.class, customer.tier (A/B/C), businessHours (true inside the team's working hours),
 * fields.<key> (a form field), changed (the list of changed field names).
 */
export const ruleCondition = z.object({
  field: z.string().min(1).max(80).regex(/^(type|priority|channel|status|teamId|assigneeId|customer\.class|customer\.tier|businessHours|changed|sla\.kind|fields\.[a-zA-Z][a-zA-Z0-9]*)$/, 'unknown condition field'),
  op: z.enum(CONDITION_OPS),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]).optional(),
}).strict().superRefine((c, ctx) => {
  const needsValue = ['eq', 'neq', 'in', 'not_in', 'contains'].includes(c.op);
  if (needsValue && c.value === undefined) ctx.addIssue({ code: 'custom', message: `operator ${c.op} needs a value` });
  if ((c.op === 'in' || c.op === 'not_in') && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', message: `operator ${c.op} needs a list` });
});
export type RuleCondition = z.infer<typeof ruleCondition>;

/** Who an action means. Positions are abstract (qc_manager) and bound to people per organisation. */
export const recipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('position'), position: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/) }).strict(),
  z.object({ kind: z.literal('user'), userId: z.uuid() }).strict(),
  z.object({ kind: z.literal('team'), teamId: z.uuid() }).strict(),
  z.object({ kind: z.literal('assignee') }).strict(),
  z.object({ kind: z.literal('watchers') }).strict(),
  /** the staff member a form field names by job number (e.g. a complaint's staffId) */
  z.object({ kind: z.literal('job_number_in_field'), field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/) }).strict(),
  /** that staff member's superior: their team lead, or for a team lead the holders of `topPosition` */
  z.object({ kind: z.literal('superior_of_job_number_in_field'), field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    topPosition: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/) }).strict(),
]);
export type Recipient = z.infer<typeof recipient>;

const localizedText = z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) }).strict();

export const ruleAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('assign'),
    to: recipient,
    /** for a team or position: pick one of its people who are on duty */
    strategy: z.enum(['direct', 'round_robin', 'least_loaded']).default('direct'),
  }).strict(),
  z.object({
    type: z.literal('notify'),
    recipients: z.array(recipient).min(1).max(20),
    template: z.string().max(64).default('ticket.routed'),
    urgent: z.boolean().default(false),
  }).strict(),
  z.object({ type: z.literal('add_watchers'), recipients: z.array(recipient).min(1).max(20) }).strict(),
  z.object({ type: z.literal('set_priority'), priority: z.enum(PRIORITIES) }).strict(),
  z.object({ type: z.literal('set_status'), status: z.enum(TICKET_STATUSES), resolution: z.string().max(500).optional() }).strict(),
  z.object({
    type: z.literal('create_subtask'),
    title: localizedText,
    assignees: z.array(recipient).min(1).max(10),
    dueInMinutes: z.number().int().min(1).max(525_600).optional(),
    priority: z.enum(PRIORITIES).default('normal'),
  }).strict(),
  z.object({ type: z.literal('hide_from'), who: recipient }).strict(),
  /** the next step of an escalation chain after the current assignee (C-18: chains per queue) */
  z.object({ type: z.literal('escalate'), chain: z.array(recipient).min(2).max(10), urgent: z.boolean().default(true) }).strict(),
  z.object({
    type: z.literal('start_sla'),
    kind: z.string().regex(/^[a-z][a-z_]{1,31}$/),
    minutes: z.number().positive().max(525_600).optional(),
    businessDays: z.number().int().min(1).max(365).optional(),
    calendarId: z.uuid().nullable().optional(),
  }).strict().refine((a) => (a.minutes === undefined) !== (a.businessDays === undefined), 'give either minutes or businessDays'),
  z.object({ type: z.literal('cancel_sla'), kind: z.string().regex(/^[a-z][a-z_]{1,31}$/) }).strict(),
]);
export type RuleAction = z.infer<typeof ruleAction>;

/** Everyone an action names (for the preview, save-time checks, and to know whether a batch needs the watchers). */
export function recipientsOf(a: RuleAction): Recipient[] {
  switch (a.type) {
    case 'assign': return [a.to];
    case 'notify': case 'add_watchers': return a.recipients;
    case 'create_subtask': return a.assignees;
    case 'hide_from': return [a.who];
    case 'escalate': return a.chain;
    default: return [];
  }
}

const ruleFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullable().optional(),
  enabled: z.boolean(),
  position: z.number().int().min(0).max(100_000).optional(),
  trigger: z.enum(RULE_TRIGGERS),
  conditions: z.array(ruleCondition).max(30),
  actions: z.array(ruleAction).min(1).max(20),
  stopProcessing: z.boolean(),
};
export const ruleBody = z.object({
  ...ruleFields,
  enabled: ruleFields.enabled.default(true),
  conditions: ruleFields.conditions.default([]),
  stopProcessing: ruleFields.stopProcessing.default(false),
}).strict();
/** a PATCH changes only what it names: no defaults */
export const ruleUpdateBody = z.object(ruleFields).partial().strict();
export type RuleBody = z.infer<typeof ruleBody>;
