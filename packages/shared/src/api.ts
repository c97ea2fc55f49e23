import { z } from 'zod';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from './ticket-status.ts';
import { DATA_SCOPES, PERMISSIONS } from './permissions.ts';
import { isSaneInstant, YEAR_RANGE } from './instant.ts';

// Request and response shapes of /api/v1, shared by the server (route schemas,
// OpenAPI) and the console (types). Responses list every field that may leave
// the server; anything else is stripped by the serializer.

export const id = z.uuid();
export const isoDate = z.string().describe('ISO 8601 timestamp');
const saneYear = { message: `a date/time in the years ${YEAR_RANGE.min}–${YEAR_RANGE.max}` };
/** ISO 8601 timestamp sent by a client (any form Date parses, within YEAR_RANGE). */
export const instantInput = z.string().max(40).refine(isSaneInstant, saneYear).describe('ISO 8601 timestamp');
/** Strict ISO 8601 date-time with an offset, within YEAR_RANGE. */
export const isoDateTimeInput = z.iso.datetime({ offset: true }).refine(isSaneInstant, saneYear);
export const locale = z.enum(['zh-CN', 'en-US']);

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
  }),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

// ---------- auth & me ----------
export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();
export const me = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  jobNumber: z.string().nullable(),
  locale,
  departmentId: id.nullable(),
  teamId: id.nullable(),
  roles: z.array(z.object({ id, name: z.string() })),
  permissions: z.array(z.enum(PERMISSIONS)),
  dataScope: z.enum(DATA_SCOPES),
});

/** Who is signed in, or nobody: a page can ask without a failing request. */
export const sessionResponse = z.object({ user: me.nullable() });
export type Me = z.infer<typeof me>;
export const loginResponse = z.object({ token: z.string(), user: me });
export const meUpdateBody = z.object({ locale }).strict();
/** A user's own password change: the current password, and a new one of 8 to 200 characters. */
export const passwordChangeBody = z.object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200) }).strict();

// ---------- organisation ----------
export const department = z.object({ id, name: z.string(), parentId: id.nullable(), createdAt: isoDate });
export const departmentBody = z.object({ name: z.string().trim().min(1).max(64), parentId: id.nullable().optional() }).strict();
export const team = z.object({ id, name: z.string(), departmentId: id.nullable(), leadId: id.nullable(), createdAt: isoDate });
export const teamBody = z.object({
  name: z.string().trim().min(1).max(64),
  departmentId: id.nullable().optional(),
  leadId: id.nullable().optional(),
}).strict();
export const role = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  dataScope: z.enum(DATA_SCOPES),
  createdAt: isoDate,
});
export const roleBody = z.object({
  name: z.string().trim().min(1).max(64),
  description: z.string().max(500).nullable().optional(),
  permissions: z.array(z.enum(PERMISSIONS)),
  dataScope: z.enum(DATA_SCOPES),
}).strict();
export const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  jobNumber: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  departmentId: id.nullable(),
  teamId: id.nullable(),
  roleIds: z.array(id),
  active: z.boolean(),
  createdAt: isoDate,
});
const userFields = {
  displayName: z.string().trim().min(1).max(64),
  jobNumber: z.string().trim().max(32).nullable().optional(),
  email: z.email().max(200).nullable().optional().describe('where email notifications go'),
  mobile: z.string().trim().regex(/^1[3-9]\d{9}$/, 'an 11-digit mobile number').nullable().optional().describe('where SMS notifications go'),
  departmentId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  roleIds: z.array(id),
};
export const userCreateBody = z.object({
  ...userFields,
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,32}$/, 'username: 2-32 letters, digits, _ . -'),
  password: z.string().min(8).max(200),
  roleIds: userFields.roleIds.default([]),
}).strict();
// no defaults here: a field left out of a PATCH must stay as it is
export const userUpdateBody = z.object({
  ...userFields,
  password: z.string().min(8).max(200),
  active: z.boolean(),
}).partial().strict();
/** Everyone signed in may read the directory: names for assignee pickers, no PII. */
export const directory = z.object({
  users: z.array(z.object({ id, displayName: z.string(), jobNumber: z.string().nullable(), teamId: id.nullable(), departmentId: id.nullable() })),
  teams: z.array(z.object({ id, name: z.string(), departmentId: id.nullable() })),
  departments: z.array(z.object({ id, name: z.string() })),
});

// ---------- customers ----------
export const customer = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable().describe('masked (138****5678) without customer:view_pii'),
  address: z.string().nullable().describe('masked without customer:view_pii'),
  email: z.string().nullable().describe('masked without customer:view_pii'),
  masked: z.boolean(),
  /** the customer's kind (家庭, 企事业单位…), free text that routing rules and quiet hours look at */
  customerClass: z.string().nullable(),
  /** the value class (A/B/C…, customer-classes): from the class rules, or set by hand */
  tier: z.string().nullable(),
  /** a class set by hand, kept over the class rules until `until` (inclusive) */
  tierOverride: z.object({ classKey: z.string(), reason: z.string().nullable(), until: z.string().nullable() }).nullable(),
  tags: z.array(z.string()),
  /** a customer since (tenure for the class rules); null: since the record was created */
  customerSince: z.string().nullable(),
  note: z.string().nullable(),
  duplicateOf: z.array(id).describe('other customers with the same phone: likely duplicates'),
  /** the specialist in charge (专属客服), assigned by the supervisor */
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  /** the first contact after assignment is due by then (CUS-04); null once made or when unassigned */
  firstContactDueAt: isoDate.nullable(),
  lastContactAt: isoDate.nullable(),
  /** merged into this customer (a duplicate); its history shows under the survivor */
  mergedIntoId: id.nullable(),
  /** the phone was reported wrong (CUS-15): on the data-quality board until corrected or checked */
  phoneFlag: z.object({ at: isoDate, note: z.string().nullable() }).nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Customer = z.infer<typeof customer>;
export const customerCreateBody = z.object({
  name: z.string().trim().min(1).max(64),
  phone: z.string().trim().min(3).max(32),
  address: z.string().trim().max(200).nullable().optional(),
  email: z.union([z.email().max(200), z.literal('')]).nullable().optional(),
  customerClass: z.string().trim().max(16).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(32)).max(20).optional(),
  customerSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2023-05-01').nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
}).strict();
export const customerUpdateBody = customerCreateBody.partial().strict();
export const customerQuery = z.object({
  q: z.string().trim().max(100).optional().describe('phone (full or last 4+ digits), name, or address fragment'),
  tier: z.string().trim().min(1).max(16).optional().describe('only customers of this value class (A, B, C…)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});
export const customerHistoryItem = z.object({
  kind: z.enum(['interaction', 'ticket']),
  id,
  at: isoDate,
  channel: z.string(),
  title: z.string(),
  status: z.string().nullable(),
  number: z.string().nullable(),
  agentName: z.string().nullable(),
});

// ---------- forms ----------
export const formResponse = z.object({
  id,
  type: z.string(),
  version: z.number().int(),
  definition: z.unknown().describe('FormDefinition: sections of fields with conditional sections'),
  createdAt: isoDate,
});

// ---------- interactions ----------
export const interaction = z.object({
  id,
  channel: z.enum(CHANNELS),
  direction: z.enum(['inbound', 'outbound']),
  callerNumber: z.string().nullable(),
  customerId: id.nullable(),
  agentId: id.nullable(),
  agentName: z.string().nullable(),
  summary: z.string().nullable(),
  startedAt: isoDate,
  endedAt: isoDate.nullable(),
  ticketIds: z.array(id),
});
export const interactionCreateBody = z.object({
  channel: z.enum(CHANNELS),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  callerNumber: z.string().trim().max(32).nullable().optional(),
  customerId: id.nullable().optional(),
  summary: z.string().trim().max(2000).nullable().optional(),
  startedAt: instantInput.optional(),
  endedAt: instantInput.nullable().optional(),
}).strict();
export const interactionUpdateBody = z.object({
  customerId: id.nullable().optional(),
  summary: z.string().trim().max(2000).nullable().optional(),
  endedAt: instantInput.nullable().optional(),
}).strict();

// ---------- tickets ----------
export const ticketCustomerRef = z.union([
  z.object({ id }).strict(),
  z.object({
    name: z.string().trim().min(1).max(64),
    phone: z.string().trim().min(3).max(32),
    address: z.string().trim().max(200).nullable().optional(),
  }).strict(),
]);
export const ticketCreateBody = z.object({
  type: z.string().min(1).max(32),
  channel: z.enum(CHANNELS),
  customer: ticketCustomerRef,
  fields: z.record(z.string(), z.unknown()).default({}),
  subject: z.string().trim().max(120).optional(),
  priority: z.enum(PRIORITIES).default('normal'),
  interactionId: id.optional(),
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
}).strict();
export const ticketUpdateBody = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  priority: z.enum(PRIORITIES).optional(),
  subject: z.string().trim().min(1).max(120).optional(),
  fields: z.record(z.string(), z.unknown()).optional().describe('changed fields only; null clears an optional field'),
  resolution: z.string().trim().max(2000).optional(),
}).strict();
export const ticket = z.object({
  id,
  number: z.string(),
  type: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  customerId: id,
  customer: z.object({ id, name: z.string(), phone: z.string().nullable() }),
  fields: z.record(z.string(), z.unknown()),
  formVersion: z.number().int(),
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  createdById: id.nullable(),
  createdByName: z.string().nullable(),
  parentId: id.nullable(),
  dueAt: isoDate.nullable(),
  interactionId: id.nullable(),
  resolution: z.string().nullable(),
  allowedTransitions: z.array(z.enum(TICKET_STATUSES)),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export const ticketDetail = ticket.extend({
  sla: z.array(z.object({ kind: z.string(), policyName: z.string(), dueAt: isoDate, warnAt: isoDate.nullable(),
    state: z.string().describe('running | paused | met | breached | cancelled'), metAt: isoDate.nullable(), breachedAt: isoDate.nullable() })),
  watchers: z.array(z.object({ id, displayName: z.string() })),
  subtasks: z.array(z.object({ id, number: z.string(), subject: z.string(), status: z.string(), assigneeName: z.string().nullable(), dueAt: isoDate.nullable() })),
});
export type Ticket = z.infer<typeof ticket>;
export type TicketDetail = z.infer<typeof ticketDetail>;
export const ticketListItem = ticket.omit({ fields: true, allowedTransitions: true, resolution: true, interactionId: true }).extend({
  slaDueAt: isoDate.nullable().optional().describe('the nearest unmet SLA deadline'),
  slaWarnAt: isoDate.nullable().optional().describe('when that clock turns amber'),
  slaBreached: z.boolean().optional(),
});
export const ticketQuery = z.object({
  view: z.enum(['mine', 'team', 'all']).default('all'),
  type: z.string().max(32).optional(),
  status: z.string().max(100).optional().describe('one status or several, comma-separated'),
  assigneeId: id.optional(),
  teamId: id.optional(),
  customerId: id.optional(),
  from: instantInput.optional().describe('created at or after'),
  to: instantInput.optional().describe('created before'),
  q: z.string().trim().max(100).optional().describe('number, or words in subject and fields'),
  sort: z.enum(['created', 'updated']).default('created'),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});
export const timelineEntry = z.object({
  id,
  at: isoDate,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string().describe('created | status_changed | assigned | fields_changed | note_added | ...'),
  ruleName: z.string().nullable().describe('set when a routing rule made the change'),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export const note = z.object({
  id, body: z.string(), authorId: id, authorName: z.string().nullable(), createdAt: isoDate,
  /** a file the note carries (a chat transcript PDF kept as evidence): GET /tickets/:id/notes/:noteId/file */
  file: z.object({ fileName: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
});
export const noteBody = z.object({ body: z.string().trim().min(1).max(4000) }).strict();
