import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { interactions } from './interactions.ts';
import { teams, users } from './org.ts';
import { tsvector } from './types.ts';

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    type: text('type').notNull(),
    status: text('status').notNull().default('new'),
    priority: text('priority').notNull().default('normal'),
    channel: text('channel').notNull(),
    subject: text('subject').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    fields: jsonb('fields').notNull().default({}),
    formVersion: integer('form_version').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** department of the assignee or team, kept for department-scoped views */
    departmentId: uuid('department_id'),
    /** null when a routing rule created it (a sub-task) */
    createdById: uuid('created_by_id').references(() => users.id),
    interactionId: uuid('interaction_id').references(() => interactions.id),
    resolution: text('resolution'),
    /** a sub-task's parent work order (e.g. the injury joint visit of a complaint) */
    parentId: uuid('parent_id'),
    /** people who must not see this work order (a complaint against them, AUD-13) */
    hiddenFrom: uuid('hidden_from').array().notNull().default(sql`'{}'::uuid[]`),
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    searchVector: tsvector('search_vector'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // the agent's queue and "my work orders"
    index('tickets_assignee_updated_idx').on(t.assigneeId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_assignee_created_idx').on(t.assigneeId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_creator_created_idx').on(t.createdById, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // the team queue
    index('tickets_team_updated_idx').on(t.teamId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // open work only: an agent's queue stays small however much closed work they have
    index('tickets_assignee_open_updated_idx').on(t.assigneeId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status in ('new', 'open', 'pending')`),
    index('tickets_team_open_updated_idx').on(t.teamId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status in ('new', 'open', 'pending')`),
    index('tickets_department_created_idx').on(t.departmentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // filtered lists: type + status + date range
    index('tickets_type_status_created_idx').on(t.type, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_status_created_idx').on(t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
    index('tickets_interaction_idx').on(t.interactionId),
    index('tickets_search_idx').using('gin', t.searchVector),
    index('tickets_parent_idx').on(t.parentId),
  ],
);

export const ticketWatchers = pgTable(
  'ticket_watchers',
  {
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index('ticket_watchers_user_idx').on(t.userId)],
);

/** Append-only timeline: written in the same transaction as the change it records. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull().default([]),
    /** set when a rule made the change: the timeline shows "by rule <name>" */
    ruleName: text('rule_name'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

export const ticketNotes = pgTable(
  'ticket_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
    authorId: uuid('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    /** a file the note carries (a chat transcript PDF kept as evidence, AUD-06): {fileName, contentType, size, sha256, storageKey} */
    file: jsonb('file'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('ticket_notes_ticket_idx').on(t.ticketId, t.createdAt)],
);

/**
 * Transactional outbox: domain events committed with the change, handled
 * after commit in batches by the event consumer (routing, SLA, callbacks …).
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** set when every handler has handled it (in the batch that did, or at once for events raised while handling) */
    processedAt: timestamp('processed_at', { withTimezone: true, precision: 3 }),
    /** an event that failed on its own waits until then before it is tried again */
    availableAt: timestamp('available_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** set aside after repeated failures (processed_at is set too): retried only by hand */
    failedAt: timestamp('failed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('outbox_unprocessed_idx').on(t.id).where(sql`processed_at is null`)],
);
