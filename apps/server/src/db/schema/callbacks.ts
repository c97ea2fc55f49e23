import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

// Callbacks (回访) and satisfaction surveys: the closed loop after a work order.

/** Callback scripts (话术) with satisfied / neutral / unsatisfied branches (CBK-07, KB-03). */
export const callbackScripts = pgTable('callback_scripts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  opening: text('opening').notNull(),
  questions: jsonb('questions').notNull().default([]),
  branches: jsonb('branches').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** When a callback is due and by when (event / schedule triggered; campaigns have their own row). */
export const callbackPolicies = pgTable('callback_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  kind: text('kind').notNull(),
  callbackType: text('callback_type').notNull(),
  triggerStatus: text('trigger_status').notNull().default('resolved'),
  conditions: jsonb('conditions').notNull().default([]),
  anchorField: text('anchor_field'),
  steps: jsonb('steps').notNull(),
  calendarId: uuid('calendar_id'),
  scriptId: uuid('script_id'),
  assignee: jsonb('assignee').notNull(),
  channels: text('channels').array().notNull(),
  coverageRequired: boolean('coverage_required').notNull().default(false),
  sendSurvey: boolean('send_survey').notNull().default(false),
  targetMinutes: integer('target_minutes').notNull().default(5),
  template: text('template'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Batch callback campaigns: customers picked from the archive, spread over a team (CBK-03). */
export const callbackCampaigns = pgTable('callback_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  callbackType: text('callback_type').notNull(),
  filter: jsonb('filter').notNull(),
  teamId: uuid('team_id').notNull(),
  scriptId: uuid('script_id'),
  calendarId: uuid('calendar_id'),
  dueWithin: jsonb('due_within').notNull(),
  coverageRequired: boolean('coverage_required').notNull().default(true),
  status: text('status').notNull().default('running'),
  customerCount: integer('customer_count').notNull().default(0),
  createdById: uuid('created_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** One callback to make: the FRM-04 record's header. */
export const callbackTasks = pgTable(
  'callback_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id'),
    campaignId: uuid('campaign_id'),
    /** the policy's or campaign's name when the task was made */
    source: text('source').notNull(),
    callbackType: text('callback_type').notNull(),
    step: text('step').notNull(),
    ticketId: uuid('ticket_id'),
    customerId: uuid('customer_id').notNull(),
    assigneeId: uuid('assignee_id'),
    teamId: uuid('team_id'),
    scriptId: uuid('script_id'),
    calendarId: uuid('calendar_id'),
    /** 1 for the first callback of a work order; +1 after each unsatisfied loop */
    round: integer('round').notNull().default(1),
    availableAt: timestamp('available_at', { withTimezone: true, precision: 3 }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    /** the time agreed with the customer for the next try (re-appointment, CBK-06) */
    appointmentAt: timestamp('appointment_at', { withTimezone: true, precision: 3 }),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    reason: text('reason'),
    coverageRequired: boolean('coverage_required').notNull().default(false),
    targetMinutes: integer('target_minutes').notNull().default(5),
    attemptCount: integer('attempt_count').notNull().default(0),
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    overdueAt: timestamp('overdue_at', { withTimezone: true, precision: 3 }),
    doneAt: timestamp('done_at', { withTimezone: true, precision: 3 }),
    closedById: uuid('closed_by_id'),
    closedReason: text('closed_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // the lists sort by (due_at, id): with id in the index, a page never sorts a whole group of equal deadlines
    index('callback_tasks_assignee_open_idx').on(t.assigneeId, t.dueAt, t.id).where(sql`status = 'open'`),
    index('callback_tasks_ticket_idx').on(t.ticketId),
    index('callback_tasks_customer_idx').on(t.customerId),
    index('callback_tasks_due_idx').on(t.dueAt, t.id),
    index('callback_tasks_open_due_idx').on(t.dueAt, t.id).where(sql`status = 'open'`),
    // the satisfaction trend reads by completion time
    index('callback_tasks_done_idx').on(t.doneAt),
    index('callback_tasks_campaign_idx').on(t.campaignId),
  ],
);

/** Every try, complete (CBK-06 "record callback information completely"). */
export const callbackAttempts = pgTable(
  'callback_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    channel: text('channel').notNull(),
    result: text('result').notNull(),
    durationSeconds: integer('duration_seconds').notNull().default(0),
    satisfaction: text('satisfaction'),
    answers: jsonb('answers').notNull().default({}),
    reason: text('reason'),
    note: text('note'),
    appointmentAt: timestamp('appointment_at', { withTimezone: true, precision: 3 }),
    /** made inside the customer's quiet hours, on purpose */
    quietHours: boolean('quiet_hours').notNull().default(false),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('callback_attempts_task_idx').on(t.taskId, t.at)],
);

/** Rest windows per customer class (NTF-11); the row with a null class is the default. */
export const quietHourRules = pgTable(
  'quiet_hour_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerClass: text('customer_class'),
    windows: jsonb('windows').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quiet_hour_rules_class_idx').on(sql`coalesce(${t.customerClass}, '')`)],
);

/** Questionnaires: the post-resolution rating, the half-yearly opinion survey … (SAT-01..07) */
export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  scale: integer('scale').notNull().default(5),
  questions: jsonb('questions').notNull().default([]),
  validDays: integer('valid_days').notNull().default(7),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * One survey sent to one customer. The link carries the id and an HMAC over
 * it; only the hash of the whole token is stored, it works once and expires.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    ticketId: uuid('ticket_id'),
    agentId: uuid('agent_id'),
    channel: text('channel').notNull(),
    address: text('address'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    sendError: text('send_error'),
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }),
    rating: integer('rating'),
    /** the rating on a 0..1 scale, so 2-, 3- and 5-point surveys add up */
    score: real('score'),
    answers: jsonb('answers'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_invitations_survey_idx').on(t.surveyId),
    index('survey_invitations_ticket_idx').on(t.ticketId),
    index('survey_invitations_customer_idx').on(t.customerId),
    index('survey_invitations_answered_idx').on(t.answeredAt),
  ],
);

/** Secrets the instances share (signing survey links), made once per installation. */
export const systemSecrets = pgTable('system_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
