import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { users } from './org.ts';

// Renewals (续费, CUS-09/RPT-19) and domain transfers (CUS-10): owned by the
// renewals module alone.

/** Kinds of service with their notice lead time (hosting, domain: 7 days; promotion: 1 month, to be confirmed). */
export const renewalKinds = pgTable('renewal_kinds', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  leadAmount: integer('lead_amount').notNull(),
  /** days | months: calendar, not business days */
  leadUnit: text('lead_unit').notNull(),
  tentative: boolean('tentative').notNull().default(false),
  sort: integer('sort').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** A customer's service or membership with an expiry: its current period and who owns the renewal. */
export const customerServices = pgTable(
  'customer_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    kind: text('kind').notNull().references(() => renewalKinds.key),
    name: text('name').notNull(),
    startsAt: date('starts_at').notNull(),
    expiresAt: date('expires_at').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    /** active | renewed | not_renewed | transferred | cancelled */
    status: text('status').notNull().default('active'),
    price: numeric('price', { precision: 14, scale: 2 }),
    note: text('note'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_services_expires_idx').on(t.expiresAt, t.id),
    index('customer_services_customer_idx').on(t.customerId, t.expiresAt),
    index('customer_services_owner_idx').on(t.ownerId, t.expiresAt),
  ],
);

/** Every period a service ran (the first, then each renewal): its history. */
export const servicePeriods = pgTable(
  'service_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => customerServices.id, { onDelete: 'cascade' }),
    startsAt: date('starts_at').notNull(),
    expiresAt: date('expires_at').notNull(),
    price: numeric('price', { precision: 14, scale: 2 }),
    note: text('note'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('service_periods_service_idx').on(t.serviceId, t.startsAt)],
);

/** A customer who does not renew, with the reason and the salesperson's report back (CUS-09 (4)). */
export const serviceNonRenewals = pgTable(
  'service_non_renewals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => customerServices.id, { onDelete: 'cascade' }),
    expiresAt: date('expires_at').notNull(),
    reasonCategory: text('reason_category').notNull(),
    reason: text('reason').notNull(),
    reportBack: text('report_back').notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('service_non_renewals_created_idx').on(t.createdAt, t.id)],
);

/**
 * The owner was told of this expiry. The key (service, expiry) is what makes
 * the daily job idempotent: a re-run, or a second process, inserts nothing
 * and so tells nobody twice; a renewal (a new expiry) gets its own notice.
 */
export const renewalNotices = pgTable(
  'renewal_notices',
  {
    serviceId: uuid('service_id').notNull().references(() => customerServices.id, { onDelete: 'cascade' }),
    expiresAt: date('expires_at').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.expiresAt] })],
);

/** The month-end list of next month's unowned renewals as it was sent to the market director (RPT-19). */
export const renewalMonthEndLists = pgTable('renewal_month_end_lists', {
  /** the month listed: 2027-02 (sent at the end of 2027-01) */
  month: text('month').primaryKey(),
  items: jsonb('items').notNull(),
  count: integer('count').notNull(),
  recipientIds: uuid('recipient_ids').array().notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }).notNull(),
  /** null: the month-end job */
  sentById: uuid('sent_by_id').references(() => users.id),
});

/** A request to transfer a service away (域名转出, CUS-10): certificate and phone confirmation, then a decision. */
export const serviceTransferRequests = pgTable(
  'service_transfer_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').notNull().references(() => customerServices.id, { onDelete: 'cascade' }),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    receivingParty: text('receiving_party'),
    note: text('note'),
    requestedById: uuid('requested_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // the company certificate signed by the customer's general manager
    certificateName: text('certificate_name'),
    certificateType: text('certificate_type'),
    certificateSize: integer('certificate_size'),
    certificateSha256: text('certificate_sha256'),
    certificateKey: text('certificate_key'),
    certificateById: uuid('certificate_by_id').references(() => users.id),
    certificateAt: timestamp('certificate_at', { withTimezone: true, precision: 3 }),
    // the CS phone confirmation
    phoneCalledById: uuid('phone_called_by_id').references(() => users.id),
    phoneNumber: text('phone_number'),
    phoneCalledAt: timestamp('phone_called_at', { withTimezone: true, precision: 3 }),
    phoneOutcome: text('phone_outcome'),
    phoneNote: text('phone_note'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    rejectReason: text('reject_reason'),
  },
  (t) => [index('service_transfer_requests_status_idx').on(t.status, t.createdAt), index('service_transfer_requests_service_idx').on(t.serviceId)],
);
