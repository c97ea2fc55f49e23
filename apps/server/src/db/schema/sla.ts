import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Business calendars: working hours, 7x24, public holidays and make-up workdays, as data. */
export const businessCalendars = pgTable('business_calendars', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** a CalendarSpec (platform/time/calendar-spec.ts) */
  spec: jsonb('spec').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Which clocks a work order gets: conditions (like rules) -> targets counted on a calendar. */
export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  position: integer('position').notNull().default(0),
  conditions: jsonb('conditions').notNull().default([]),
  /** [{kind, minutes?, businessDays?, warnAtPercent}] */
  targets: jsonb('targets').notNull(),
  /** null: the calendar of the work order's team, else the default calendar */
  calendarId: uuid('calendar_id'),
  /** the industry template that installed it, if any */
  template: text('template'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** One running clock of one work order. */
export const ticketSlas = pgTable(
  'ticket_slas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull(),
    policyId: uuid('policy_id'),
    policyName: text('policy_name').notNull(),
    kind: text('kind').notNull(),
    calendarId: uuid('calendar_id'),
    state: text('state').notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    warnAt: timestamp('warn_at', { withTimezone: true, precision: 3 }),
    /** business minutes left when the clock was paused (waiting for the customer) */
    remainingMinutes: real('remaining_minutes'),
    pausedAt: timestamp('paused_at', { withTimezone: true, precision: 3 }),
    warnedAt: timestamp('warned_at', { withTimezone: true, precision: 3 }),
    metAt: timestamp('met_at', { withTimezone: true, precision: 3 }),
    breachedAt: timestamp('breached_at', { withTimezone: true, precision: 3 }),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [
    index('ticket_slas_ticket_idx').on(t.ticketId),
    index('ticket_slas_running_due_idx').on(t.state, t.dueAt),
  ],
);

/**
 * Daily dispatch cut-offs (ORD-01: order forms go out by 10:00): at the time,
 * on working days, each assignee gets one digest of the work still waiting and
 * the named people an alert with the count.
 */
export const dispatchCutoffs = pgTable('dispatch_cutoffs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  ticketType: text('ticket_type').notNull(),
  /** local time HH:mm in the calendar's zone */
  at: text('at').notNull(),
  calendarId: uuid('calendar_id'),
  /** recipients (rule recipient objects) of the summary alert */
  alert: jsonb('alert').notNull().default([]),
  enabled: boolean('enabled').notNull().default(true),
  template: text('template'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
