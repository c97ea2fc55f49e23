import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    customerClass: text('customer_class'),
    note: text('note'),
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
  ],
);

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
