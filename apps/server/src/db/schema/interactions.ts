import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { users } from './org.ts';

/** One contact: a call, visit, mail, chat or letter, whether or not it produced work. */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    direction: text('direction').notNull().default('inbound'),
    callerNumber: text('caller_number'),
    customerId: uuid('customer_id').references(() => customers.id),
    agentId: uuid('agent_id').references(() => users.id),
    summary: text('summary'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('interactions_customer_idx').on(t.customerId, t.startedAt.desc().nullsFirst()),
    index('interactions_agent_idx').on(t.agentId, t.startedAt.desc().nullsFirst()),
  ],
);
