import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { teams, users } from './org.ts';
import { tickets } from './tickets.ts';

/**
 * A written channel a site or platform talks to the center through: a chat
 * widget (`key` is the widget's data-channel), a web complaint/suggestion form
 * (CHN-08) or a lead form (CHN-11). `settings` holds the pre-chat form, the
 * topics and the auto-reply (CHN-17); new conversations go to `teamId`'s queue.
 */
export const chatChannels = pgTable('chat_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('chat'),
  teamId: uuid('team_id').references(() => teams.id),
  settings: jsonb('settings').notNull().default({}),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * A written conversation (会话) in the unified inbox: a chat, a web form's
 * message or a lead, with the customer once known (matched by phone or
 * e-mail, or linked by an agent). The visitor reaches it with a token whose
 * sha256 is kept here; the token itself is never stored.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id').notNull().references(() => chatChannels.id),
    /** chat | web_form | lead_form (later email, shop platforms) */
    kind: text('kind').notNull(),
    status: text('status').notNull().default('open'),
    topic: text('topic'),
    customerId: uuid('customer_id').references(() => customers.id),
    visitorName: text('visitor_name'),
    visitorPhone: text('visitor_phone'),
    visitorEmail: text('visitor_email'),
    visitorTokenHash: text('visitor_token_hash').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    /** the visitor's messages not yet read by an agent */
    unreadByAgent: integer('unread_by_agent').notNull().default(0),
    /** when an agent last read the visitor's messages (the widget's 已读) */
    agentReadAt: timestamp('agent_read_at', { withTimezone: true, precision: 3 }),
    /** the last agent message the visitor has seen */
    visitorReadAt: timestamp('visitor_read_at', { withTimezone: true, precision: 3 }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true, precision: 3 }),
    /** the first-response and resolution targets, on the channel's business calendar */
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true, precision: 3 }),
    resolveDueAt: timestamp('resolve_due_at', { withTimezone: true, precision: 3 }),
    /** when the missed target was reported to the team lead (set once: the notice goes out once) */
    firstResponseBreachedAt: timestamp('first_response_breached_at', { withTimezone: true, precision: 3 }),
    resolveBreachedAt: timestamp('resolve_breached_at', { withTimezone: true, precision: 3 }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }),
    /** when it was last given to its assignee (by the distributor or a take), for re-offering */
    assignedAt: timestamp('assigned_at', { withTimezone: true, precision: 3 }),
    /** agents the distributor gave it to who let it go unanswered: not offered to them again */
    passedOver: uuid('passed_over').array().notNull().default(sql`'{}'::uuid[]`),
    /** the visitor's rating at the end (1..ratingScale, the satisfaction surveys' 2-, 3- or 5-point scale), as 0..1 too, and comment */
    rating: integer('rating'),
    ratingScale: integer('rating_scale'),
    ratingScore: real('rating_score'),
    ratingComment: text('rating_comment'),
    /** the visitor pressed 结束会话 (the chat was resolved by them, not by an agent) */
    visitorEndedAt: timestamp('visitor_ended_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('conversations_status_last_idx').on(t.status, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('conversations_assignee_last_idx').on(t.assigneeId, t.status, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('conversations_team_last_idx').on(t.teamId, t.status, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('conversations_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
    // a start retried with the same clientId derives the same token: found again, never a second conversation
    uniqueIndex('conversations_visitor_token_idx').on(t.visitorTokenHash),
    // the morning check (CHN-11): what is still unanswered, oldest first
    // the wallboard's first-response breaches of the day
    index('conversations_first_due_idx').on(t.firstResponseDueAt),
    index('conversations_unanswered_idx').on(t.teamId, t.createdAt, t.id).where(sql`first_response_at is null and status <> 'resolved'`),
  ],
);

/**
 * A message of a conversation, stored before it is acknowledged. `clientId`
 * is the visitor's own id for a message, so one sent again after a lost
 * connection is stored once. `internal` notes are never shown to the visitor.
 */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
    /** visitor | agent | system */
    author: text('author').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    clientId: text('client_id'),
    /** the files it carries: [{id, fileName, contentType, size}] */
    attachments: jsonb('attachments').notNull().default([]),
    /** a work order made from the conversation, for the system message that says so */
    ticketId: uuid('ticket_id').references(() => tickets.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('conversation_messages_conversation_idx').on(t.conversationId, t.id),
    uniqueIndex('conversation_messages_client_idx').on(t.conversationId, t.clientId).where(sql`client_id is not null`),
  ],
);

/**
 * An agent's chat seat (CHN-09, CHN-18): whether they take chats now
 * (online / busy / away / offline — only `online` gets new ones), how many at
 * once, and whether the seat is a supervisor's that receives no customers.
 */
export const chatAgentStates = pgTable('chat_agent_states', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  status: text('status').notNull().default('offline'),
  maxConcurrent: integer('max_concurrent').notNull().default(5),
  supervisorSeat: boolean('supervisor_seat').notNull().default(false),
  /** when the distributor last gave them a chat (ties go to whoever waited longest) */
  lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true, precision: 3 }),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * A file or image sent in a conversation, stored by Kefu (the file store,
 * local disk by default). Uploaded first, then named by the message that
 * carries it; the message keeps a copy of its name, type and size.
 */
export const chatAttachments = pgTable('chat_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  conversationId: uuid('conversation_id').notNull().references(() => conversations.id),
  messageId: uuid('message_id'),
  /** visitor | agent */
  uploadedBy: text('uploaded_by').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, (t) => [index('chat_attachments_conversation_idx').on(t.conversationId)]);
