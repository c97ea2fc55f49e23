import { z } from 'zod';
import { id, isoDate, instantInput } from './api.ts';
import { YEAR_RANGE } from './instant.ts';

// Renewals (续费, CUS-09/RPT-19) and domain transfers (域名转出, CUS-10):
// customers' services with an expiry, the owner salesperson's notices, the
// month-end list of unowned renewals for the market director, non-renewals
// with their reasons, and transfer requests that need a signed certificate
// and a phone confirmation before they can be approved.

/** A calendar day that exists (no 2027-02-30), in YEAR_RANGE. */
function isCalendarDay(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}
export const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isCalendarDay, 'a calendar day (YYYY-MM-DD)');
/** A month: 2027-01. */
export const calendarMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
  .refine((v) => Number(v.slice(0, 4)) >= YEAR_RANGE.min && Number(v.slice(0, 4)) <= YEAR_RANGE.max, 'a month in range');

export const SERVICE_STATUSES = ['active', 'renewed', 'not_renewed', 'transferred', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
/** Statuses of a service still running: renewal notices and lists look at these. */
export const LIVE_SERVICE_STATUSES: readonly ServiceStatus[] = ['active', 'renewed'];

export const LEAD_UNITS = ['days', 'months'] as const;

// ---------- kinds ----------

const kindKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a short key: lower-case letters, digits or _');
export const renewalKind = z.object({
  key: kindKey,
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().max(40).nullable().default(null),
  /** how long before expiry the owner is told: 7 days, 1 month… (calendar days or months) */
  leadAmount: z.number().int().min(0).max(365),
  leadUnit: z.enum(LEAD_UNITS),
  /** the lead time is not settled yet (the source marks it 待确认) */
  tentative: z.boolean().default(false),
}).strict();
export type RenewalKind = z.infer<typeof renewalKind>;
export const renewalKindsBody = z.object({ items: z.array(renewalKind).min(1).max(30) }).strict();

/** The seeded kinds (CUS-09): hosting and domains one week ahead; promotion one month, to be confirmed. */
export const DEFAULT_RENEWAL_KINDS: RenewalKind[] = [
  { key: 'hosting', name: '网站托管', nameEn: 'Website hosting', leadAmount: 7, leadUnit: 'days', tentative: false },
  { key: 'domain', name: '域名', nameEn: 'Domain', leadAmount: 7, leadUnit: 'days', tentative: false },
  { key: 'promotion', name: '推广服务', nameEn: 'Promotion service', leadAmount: 1, leadUnit: 'months', tentative: true },
  { key: 'membership', name: '会员卡', nameEn: 'Membership card', leadAmount: 30, leadUnit: 'days', tentative: false },
];

// ---------- services ----------

export const customerServiceBody = z.object({
  customerId: id,
  kind: kindKey,
  /** what it is: the domain (example.cn), the site, the card number */
  name: z.string().trim().min(1).max(120),
  startsAt: calendarDay,
  expiresAt: calendarDay,
  /** the salesperson responsible; none: an unowned customer (无人负责) */
  ownerId: id.nullable().default(null),
  /** yuan per period */
  price: z.number().min(0).max(1e9).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
}).strict();

export const customerServicePatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  ownerId: id.nullable().optional(),
  price: z.number().min(0).max(1e9).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  /** cancelling ends it (no more notices); a service cannot be set back to active here */
  status: z.literal('cancelled').optional(),
}).strict();

export const customerService = z.object({
  id, customerId: id, customerName: z.string(), kind: z.string(), kindName: z.string(), name: z.string(),
  startsAt: z.string(), expiresAt: z.string(),
  /** days from today (the centre's) to the expiry; negative once passed */
  daysLeft: z.number().int(),
  ownerId: id.nullable(), ownerName: z.string().nullable(),
  /** no owner, or the owner has left (inactive): the month-end list's customers */
  unowned: z.boolean(),
  status: z.enum(SERVICE_STATUSES), price: z.number().nullable(), note: z.string().nullable(),
  /** when the owner was told of this expiry; null: not yet */
  noticeSentAt: isoDate.nullable(),
  /** a transfer request waiting for a decision */
  pendingTransferId: id.nullable(),
  createdAt: isoDate, updatedAt: isoDate,
});
export type CustomerService = z.infer<typeof customerService>;

export const servicePeriod = z.object({
  id, startsAt: z.string(), expiresAt: z.string(), price: z.number().nullable(), note: z.string().nullable(),
  recordedByName: z.string().nullable(), createdAt: isoDate,
});
export type ServicePeriod = z.infer<typeof servicePeriod>;

export const renewBody = z.object({
  /** the new expiry; the new period starts the day after the old one ends */
  expiresAt: calendarDay,
  price: z.number().min(0).max(1e9).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
}).strict();

export const NON_RENEWAL_REASONS = ['price', 'no_longer_needed', 'competitor', 'service_quality', 'business_closed', 'unreachable', 'other'] as const;
export const nonRenewalBody = z.object({
  // empty passes the schema so the answer can be NON_RENEWAL_REASON_REQUIRED, in words
  reasonCategory: z.enum(NON_RENEWAL_REASONS).nullable().default(null),
  reason: z.string().trim().max(1000).default(''),
  /** the salesperson's report back (业务人员反馈): what the customer said, what was tried */
  reportBack: z.string().trim().max(2000).default(''),
}).strict();

export const nonRenewal = z.object({
  id, serviceId: id, serviceName: z.string(), kind: z.string(), kindName: z.string(), customerId: id, customerName: z.string(),
  expiresAt: z.string(), reasonCategory: z.enum(NON_RENEWAL_REASONS), reason: z.string(), reportBack: z.string(),
  ownerName: z.string().nullable(), recordedByName: z.string().nullable(), createdAt: isoDate,
});
export type NonRenewal = z.infer<typeof nonRenewal>;

export const customerServiceDetail = customerService.extend({
  periods: z.array(servicePeriod),
  nonRenewals: z.array(nonRenewal),
});
export type CustomerServiceDetail = z.infer<typeof customerServiceDetail>;

export const renewalsQuery = z.object({
  /** services expiring in this month */
  month: calendarMonth.optional(),
  kind: kindKey.optional(),
  owner: id.optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  /** only services nobody (active) owns */
  unowned: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  customerId: id.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------- month-end lists (RPT-19) ----------

export const monthEndItem = z.object({
  serviceId: id, customerId: id, customerName: z.string(), kind: z.string(), kindName: z.string(), name: z.string(),
  expiresAt: z.string(), price: z.number().nullable(),
});
export const monthEndList = z.object({
  /** the month whose expiries it lists (the month after it was sent) */
  month: z.string(),
  /** false: worked out now, not sent yet */
  stored: z.boolean(),
  count: z.number().int(),
  sentAt: isoDate.nullable(),
  sentByName: z.string().nullable(),
  recipientNames: z.array(z.string()),
  items: z.array(monthEndItem),
});
export type MonthEndList = z.infer<typeof monthEndList>;
export const monthEndSummary = monthEndList.omit({ items: true, stored: true });
export type MonthEndSummary = z.infer<typeof monthEndSummary>;

// ---------- transfer requests (CUS-10) ----------

export const TRANSFER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const PHONE_OUTCOMES = ['confirmed', 'refused', 'unreachable'] as const;

export const transferRequestBody = z.object({
  /** who receives the domain (the customer's new provider or registrar account) */
  receivingParty: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
}).strict();

export const phoneConfirmationBody = z.object({
  /** the number called (the customer's GM or the contact on record) */
  phone: z.string().trim().min(3).max(40),
  calledAt: instantInput,
  outcome: z.enum(PHONE_OUTCOMES),
  note: z.string().trim().max(1000).nullable().default(null),
}).strict();

export const rejectBody = z.object({ reason: z.string().trim().max(1000).default('') }).strict();

export const transferRequest = z.object({
  id, serviceId: id, serviceName: z.string(), kind: z.string(), kindName: z.string(), customerId: id, customerName: z.string(),
  status: z.enum(TRANSFER_STATUSES), receivingParty: z.string().nullable(), note: z.string().nullable(),
  requestedByName: z.string().nullable(), createdAt: isoDate,
  certificate: z.object({ fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedByName: z.string().nullable(), uploadedAt: isoDate }).nullable(),
  phoneConfirmation: z.object({
    calledByName: z.string().nullable(), phone: z.string(), calledAt: isoDate, outcome: z.enum(PHONE_OUTCOMES), note: z.string().nullable(),
  }).nullable(),
  /** what approval still needs: certificate, phone_confirmation */
  missing: z.array(z.enum(['certificate', 'phone_confirmation'])),
  decidedByName: z.string().nullable(), decidedAt: isoDate.nullable(), rejectReason: z.string().nullable(),
});
export type TransferRequest = z.infer<typeof transferRequest>;

/** Signed certificates: a scan or a photo. */
export const CERTIFICATE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
