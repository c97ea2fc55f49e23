import { type AnyPgColumn, bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './org.ts';
import { tsvector } from './types.ts';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** normalized: 13812345678 or 0755-1234567 */
    phone: text('phone').notNull(),
    /** the phone's digits reversed, so "ends with 5678" is an indexed prefix search */
    phoneReversed: text('phone_reversed').notNull(),
    address: text('address'),
    /** for survey links and notices by e-mail */
    email: text('email'),
    /** the customer's kind (家庭, 企事业单位, 学校…): routing rules and quiet hours look at it */
    customerClass: text('customer_class'),
    /** the value class in force (A/B/C…, CUS-05..08): from the class rules, or set by hand */
    tier: text('tier'),
    /** a class set by hand, kept over the rules until it expires */
    tierOverride: text('tier_override'),
    tierOverrideReason: text('tier_override_reason'),
    /** the last day the override holds; null: until lifted */
    tierOverrideUntil: date('tier_override_until'),
    /** tags the class rules may look at (福利单位, 知名品牌…) */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** a customer since (tenure); null: since the record was created */
    customerSince: date('customer_since'),
    note: text('note'),
    /** the specialist in charge (专属客服 for A-class members), assigned by the supervisor (CUS-03) */
    ownerId: uuid('owner_id').references(() => users.id),
    ownerAssignedAt: timestamp('owner_assigned_at', { withTimezone: true, precision: 3 }),
    /** the first contact after assignment is due by then (CUS-04); null once made */
    firstContactDueAt: timestamp('first_contact_due_at', { withTimezone: true, precision: 3 }),
    /** the first contact was not made by the deadline: the rules were told (set by the timer) */
    firstContactOverdueAt: timestamp('first_contact_overdue_at', { withTimezone: true, precision: 3 }),
    /** the last recorded contact by the owner (first contact, contact plans) */
    lastContactAt: timestamp('last_contact_at', { withTimezone: true, precision: 3 }),
    /** the phone was reported wrong (a callback reached a wrong number, or staff noticed): a data-quality task (CUS-15) */
    phoneFlaggedAt: timestamp('phone_flagged_at', { withTimezone: true, precision: 3 }),
    phoneFlagNote: text('phone_flag_note'),
    phoneFlaggedById: uuid('phone_flagged_by_id'),
    /** merged into that customer (a duplicate): its work orders, calls and chats stay linked here and show under the survivor */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => customers.id),
    /** character bigrams of name and address: Chinese substring search without a locale */
    searchVector: tsvector('search_vector'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_phone_idx').on(t.phone),
    index('customers_phone_reversed_idx').using('btree', sql`${t.phoneReversed} text_pattern_ops`),
    index('customers_search_idx').using('gin', t.searchVector),
    index('customers_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('customers_tier_idx').on(t.tier, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // the daily new/changed list (CUS-01)
    index('customers_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('customers_phone_flagged_idx').on(t.phoneFlaggedAt, t.id).where(sql`phone_flagged_at is not null`),
    index('customers_merged_into_idx').on(t.mergedIntoId).where(sql`merged_into_id is not null`),
    index('customers_owner_idx').on(t.ownerId).where(sql`owner_id is not null`),
    index('customers_first_contact_due_idx').on(t.firstContactDueAt).where(sql`first_contact_due_at is not null`),
  ],
);

/** The class rules, one row per saved version (the newest is in force). */
export const customerClassRules = pgTable('customer_class_rules', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').notNull(),
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** A customer's figures per quarter (2026Q3): from orders and payments, or imported. */
export const customerMeasures = pgTable(
  'customer_measures',
  {
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    quarter: text('quarter').notNull(),
    revenue: numeric('revenue', { precision: 14, scale: 2 }).notNull().default('0'),
    payments: numeric('payments', { precision: 14, scale: 2 }).notNull().default('0'),
    referrals: integer('referrals').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.quarter] }), index('customer_measures_quarter_idx').on(t.quarter)],
);

/** Every change of a customer's class, with why (the rules' conditions that held, or the override). */
export const customerClassChanges = pgTable(
  'customer_class_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the order of changes made in one transaction (they share its time) */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    fromClass: text('from_class'),
    toClass: text('to_class'),
    /** recompute | override | override_lifted | override_expired */
    source: text('source').notNull(),
    reason: jsonb('reason'),
    note: text('note'),
    actorId: uuid('actor_id'),
    runId: uuid('run_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('customer_class_changes_customer_idx').on(t.customerId, t.at)],
);

/** A recompute applied in the background, chunk by chunk: its progress. */
export const customerClassRuns = pgTable('customer_class_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  status: text('status').notNull().default('running'),
  quarter: text('quarter').notNull(),
  rulesVersion: integer('rules_version').notNull(),
  total: integer('total').notNull(),
  done: integer('done').notNull().default(0),
  moved: integer('moved').notNull().default(0),
  /** the last customer id handled: the next chunk starts after it */
  cursor: uuid('cursor'),
  startedById: uuid('started_by_id'),
  startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
});

/** Every view of unmasked personal data is recorded (AUD-01). */
export const piiAccessLog = pgTable(
  'pii_access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    context: text('context').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('pii_access_customer_idx').on(t.customerId, t.at)],
);

/**
 * A merge of a duplicate into a survivor: what it changed, so it can be undone
 * exactly. `carried` are customers merged into the duplicate earlier, now
 * pointing at the survivor; `filled` is the survivor's fields before the merge
 * filled them from the duplicate.
 */
export const customerMerges = pgTable(
  'customer_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromId: uuid('from_id').notNull().references(() => customers.id),
    intoId: uuid('into_id').notNull().references(() => customers.id),
    carried: uuid('carried').array().notNull().default(sql`'{}'::uuid[]`),
    filled: jsonb('filled').notNull().default({}),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true, precision: 3 }),
    undoneById: uuid('undone_by_id'),
  },
  (t) => [index('customer_merges_from_idx').on(t.fromId, t.at), index('customer_merges_into_idx').on(t.intoId, t.at)],
);

/** Who takes customers of the archive (CUS-03): skill weighs the balance, classes limit who may own which (专属客服 for A). */
export const customerSpecialists = pgTable('customer_specialists', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  /** 1..5: a specialist of skill 4 is given twice the customers of one of skill 2 */
  skill: integer('skill').notNull().default(3),
  /** the classes this specialist may own; empty: any */
  classes: text('classes').array().notNull().default(sql`'{}'::text[]`),
  /** no more customers than this; null: no limit */
  capacity: integer('capacity'),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** The archive's working rules (first-contact days, contact cadence per class, calendar): one row. */
export const customerArchiveSettings = pgTable('customer_archive_settings', {
  id: integer('id').primaryKey().default(1),
  settings: jsonb('settings').notNull(),
  updatedById: uuid('updated_by_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * An import of customers (and their figures per quarter) from a spreadsheet:
 * validated at upload, then written (or, for a dry run, only counted) in the
 * background chunk by chunk, with its progress.
 */
export const customerImportRuns = pgTable(
  'customer_import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** running | done | failed */
    status: text('status').notNull().default('running'),
    /** a dry run counts what it would do and writes nothing to the archive */
    dryRun: boolean('dry_run').notNull(),
    fileName: text('file_name').notNull(),
    /** data rows in the file */
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** customer figures per quarter written (or that would be) */
    measures: integer('measures').notNull().default(0),
    /** rows skipped for their errors, and the errors in them */
    errorRows: integer('error_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** columns of the file that are not imported (unknown headings) */
    ignoredColumns: text('ignored_columns').array().notNull().default(sql`'{}'::text[]`),
    /** the last row number handled: the next chunk starts after it */
    cursor: integer('cursor').notNull().default(0),
    startedById: uuid('started_by_id'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('customer_import_runs_started_idx').on(t.startedAt.desc())],
);

/**
 * The rows of an import: a valid row (its normalized fields in `data`) waits
 * here for its chunk and is removed once handled; a row with errors stays,
 * with what the file said (`raw`), for the error report.
 */
export const customerImportRows = pgTable(
  'customer_import_rows',
  {
    runId: uuid('run_id').notNull().references(() => customerImportRuns.id, { onDelete: 'cascade' }),
    /** the row's number in the spreadsheet (the heading is row 1) */
    rowNo: integer('row_no').notNull(),
    data: jsonb('data'),
    raw: jsonb('raw'),
    /** [{column, code, params}]; null for a valid row */
    errors: jsonb('errors'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.rowNo] })],
);
