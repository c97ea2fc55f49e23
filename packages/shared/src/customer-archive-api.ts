import { z } from 'zod';
import { id, isoDate } from './api.ts';

// The archive's daily work (CUS-01..04, CUS-15): duplicates and merges,
// assignment to specialists, first-contact timers.

export const mergeBody = z.object({ intoId: id.describe('the survivor: the duplicate\'s history shows under it') }).strict();

export const customerMerge = z.object({
  id,
  fromId: id,
  fromName: z.string(),
  intoId: id,
  intoName: z.string(),
  /** the survivor's fields the merge filled from the duplicate (email, address…) */
  filled: z.array(z.string()),
  /** customers merged into the duplicate before, who followed it */
  carried: z.number().int(),
  at: isoDate,
  actorName: z.string().nullable(),
  undoneAt: isoDate.nullable(),
});
export type CustomerMerge = z.infer<typeof customerMerge>;

export const duplicateQuery = z.object({
  by: z.enum(['phone', 'email']).default('phone'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});

export const duplicateGroup = z.object({
  /** the shared phone or e-mail */
  key: z.string(),
  by: z.enum(['phone', 'email']),
  /** whether every record has the same name (a likely duplicate; otherwise perhaps a household phone) */
  sameName: z.boolean(),
  customers: z.array(z.object({ id, name: z.string(), tier: z.string().nullable(), ownerName: z.string().nullable(), createdAt: isoDate })),
});
export type DuplicateGroup = z.infer<typeof duplicateGroup>;

/** The archive's working rules; the catalogue's numbers are the defaults. */
export const archiveSettings = z.object({
  /** a newly assigned customer is contacted within this many working days (CUS-04: 一周内) */
  firstContactDays: z.number().int().min(1).max(60),
  /** the business calendar the days count on; null: the default calendar */
  calendarId: id.nullable(),
  /** per class, the longest gap between contacts before one is due (CBK-11 monthly, NTF-01 half-monthly) */
  contactEvery: z.array(z.object({ classKey: z.string().trim().min(1).max(8), days: z.number().int().min(1).max(366) }).strict()).max(10),
  /** the plan's callback is made this many days before the gap runs out */
  contactLeadDays: z.number().int().min(0).max(60),
}).strict();
export type ArchiveSettings = z.infer<typeof archiveSettings>;
export const DEFAULT_ARCHIVE_SETTINGS: ArchiveSettings = {
  firstContactDays: 7,
  calendarId: null,
  contactEvery: [{ classKey: 'A', days: 15 }, { classKey: 'B', days: 30 }],
  contactLeadDays: 3,
};

export const specialistBody = z.object({
  /** 1..5: twice the skill, twice the customers */
  skill: z.number().int().min(1).max(5),
  /** the classes this specialist may own (专属客服 for A: ['A']); empty: any */
  classes: z.array(z.string().trim().min(1).max(8)).max(10),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  active: z.boolean(),
}).strict();
export const specialist = specialistBody.extend({
  userId: id,
  name: z.string(),
  jobNumber: z.string().nullable(),
  /** customers owned now (merged ones left out) */
  load: z.number().int(),
  /** owned customers whose first contact is overdue */
  overdue: z.number().int(),
});
export type Specialist = z.infer<typeof specialist>;

export const assignmentPreviewBody = z.object({
  /** only customers of this class */
  tier: z.string().trim().min(1).max(8).optional(),
  /** only customers added since this day (the daily new-customer list) */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** these customers (picked on the board); otherwise every unassigned one matching the filter */
  customerIds: z.array(id).max(2000).optional(),
  /** give customers who have an owner a new one too (re-balancing) */
  includeAssigned: z.boolean().default(false),
  limit: z.number().int().min(1).max(2000).default(500),
}).strict();

export const proposedAssignment = z.object({
  customerId: id,
  customerName: z.string(),
  tier: z.string().nullable(),
  fromOwnerId: id.nullable(),
  ownerId: id,
  ownerName: z.string(),
});
export const assignmentPreview = z.object({
  assignments: z.array(proposedAssignment),
  /** customers no specialist may take (their class has no eligible specialist, or all are full) */
  unassignable: z.array(z.object({ customerId: id, customerName: z.string(), tier: z.string().nullable() })),
  loads: z.array(z.object({ userId: id, name: z.string(), skill: z.number().int(), capacity: z.number().int().nullable(), before: z.number().int(), after: z.number().int() })),
  /** more customers match than were looked at */
  more: z.boolean(),
});
export type AssignmentPreview = z.infer<typeof assignmentPreview>;

export const assignmentApplyBody = z.object({
  assignments: z.array(z.object({ customerId: id, ownerId: id }).strict()).min(1).max(2000),
}).strict();
export const assignmentApplied = z.object({ assigned: z.number().int(), firstContactDueAt: isoDate });

export const dataQualityQuery = z.object({
  /** wrong_phone: reported wrong; no_owner: nobody in charge; no_address: no address on record */
  issue: z.enum(['wrong_phone', 'no_owner', 'no_address']).default('wrong_phone'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export const phoneFlagBody = z.object({ note: z.string().trim().min(1).max(200) }).strict();

export const ownerBody = z.object({ ownerId: id.nullable() }).strict();

export const archiveListQuery = z.object({
  /** new: added in the period; changed: edited in the period, added before; both (default); any: no period */
  kind: z.enum(['new', 'changed', 'both', 'any']).default('both'),
  /** the period's first day (local); default: yesterday */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** the period's last day (inclusive); default: today */
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  tier: z.string().trim().min(1).max(8).optional(),
  owner: z.union([id, z.literal('none')]).optional(),
  /** waiting for the first contact after assignment (soonest due first), or past its deadline */
  firstContact: z.enum(['pending', 'overdue']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).optional(),
});
