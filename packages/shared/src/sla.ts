import { z } from 'zod';
import { ruleCondition } from './rules.ts';

// SLA policies as data: which work orders get which clocks, counted on which
// business calendar. The first enabled policy (by position) whose conditions hold applies.

export const SLA_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

export const slaTarget = z.object({
  kind: z.enum(SLA_KINDS),
  /** working minutes on the calendar (fractions allowed, e.g. 0.5) */
  minutes: z.number().positive().max(525_600).optional(),
  /** or whole working days: due at the close of the Nth working day */
  businessDays: z.number().int().min(1).max(365).optional(),
  /** when the clock turns amber */
  warnAtPercent: z.number().int().min(1).max(99).default(80),
}).strict().refine((t) => (t.minutes === undefined) !== (t.businessDays === undefined), 'give either minutes or businessDays');
export type SlaTarget = z.infer<typeof slaTarget>;

const policyFields = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  position: z.number().int().min(0).max(100_000).optional(),
  conditions: z.array(ruleCondition).max(30),
  targets: z.array(slaTarget).min(1).max(3)
    .refine((ts) => new Set(ts.map((t) => t.kind)).size === ts.length, 'one target per kind'),
  calendarId: z.uuid().nullable().optional(),
};
export const slaPolicyBody = z.object({
  ...policyFields,
  enabled: policyFields.enabled.default(true),
  conditions: policyFields.conditions.default([]),
}).strict();
/** a PATCH changes only what it names: no defaults */
export const slaPolicyUpdateBody = z.object(policyFields).partial().strict();
export type SlaPolicyBody = z.infer<typeof slaPolicyBody>;
