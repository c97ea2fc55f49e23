import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Routing and escalation rules: when + conditions -> actions, ordered, versioned. */
export const rules = pgTable('rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  enabled: boolean('enabled').notNull().default(true),
  position: integer('position').notNull().default(0),
  trigger: text('trigger').notNull(),
  conditions: jsonb('conditions').notNull().default([]),
  actions: jsonb('actions').notNull().default([]),
  /** stop evaluating later rules once this one fires */
  stopProcessing: boolean('stop_processing').notNull().default(false),
  /** the industry template that installed it, if any */
  template: text('template'),
  version: integer('version').notNull().default(1),
  updatedById: uuid('updated_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const ruleVersions = pgTable(
  'rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id').notNull(),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedById: uuid('changed_by_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [unique('rule_versions_rule_version').on(t.ruleId, t.version)],
);

/** Each time a rule fired, was skipped (loop) or failed: the log supervisors read. */
export const ruleRuns = pgTable(
  'rule_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ruleId: uuid('rule_id').notNull(),
    ruleName: text('rule_name').notNull(),
    /** the work order the rule ran on; null for a rule on a customer event */
    ticketId: uuid('ticket_id'),
    customerId: uuid('customer_id'),
    eventId: integer('event_id'),
    outcome: text('outcome').notNull(),
    detail: jsonb('detail').notNull().default({}),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('rule_runs_ticket_idx').on(t.ticketId, t.at), index('rule_runs_at_idx').on(t.at)],
);
