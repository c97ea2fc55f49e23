import { z } from 'zod';
import { id, isoDate } from './api.ts';
import { SURVEY_SCALES } from './callbacks.ts';

// The unified inbox (统一收件箱): written conversations — chat, web forms,
// leads — their messages, and the public chat API the widget uses.

export const CONVERSATION_KINDS = ['chat', 'web_form', 'lead_form'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
/** pre-sales / after-sales / complaint (CHN-09): the visitor's choice in the pre-chat form */
export const CHAT_TOPICS = ['pre_sales', 'after_sales', 'complaint'] as const;
export const MESSAGE_AUTHORS = ['visitor', 'agent', 'system'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

// ---------- channels ----------
/** The shop facts canned replies fill in; an empty name means the channel's name. */
export const shopFacts = z.object({
  name: z.string().trim().max(64).default(''),
  /** the default courier (默认中通快递,其他快递请备注) */
  courier: z.string().trim().max(100).default(''),
  /** returns and exchanges (7 天无理由退换) */
  returnPolicy: z.string().trim().max(200).default(''),
  /** the number to call when nobody answers in time */
  phone: z.string().trim().max(40).default(''),
  /** when agents are there (客服时间) */
  hours: z.string().trim().max(100).default(''),
}).strict();
export type ShopFacts = z.infer<typeof shopFacts>;
const EMPTY_SHOP_FACTS: ShopFacts = { name: '', courier: '', returnPolicy: '', phone: '', hours: '' };

export const chatChannelSettings = z.object({
  /** ask for these before the first message; required ones must be given */
  preChat: z.object({
    enabled: z.boolean().default(false),
    requireName: z.boolean().default(false),
    requireContact: z.boolean().default(false),
    askTopic: z.boolean().default(false),
  }).default({ enabled: false, requireName: false, requireContact: false, askTopic: false }),
  /** the first words the visitor sees when someone is there */
  greeting: z.string().max(500).default(''),
  /** sent when no agent of the channel's team is online (CHN-17): greeting with shop facts, leave a message */
  autoReply: z.string().max(1000).default(''),
  /** first answer due within this many business minutes of the first message (0: no target) */
  firstResponseMinutes: z.number().int().min(0).max(10_080).default(5),
  /** resolved within this many business hours (0: no target) */
  resolveHours: z.number().int().min(0).max(720).default(24),
  /** the business calendar the targets count on (default: the installation's default calendar) */
  calendarId: id.nullable().default(null),
  /** a chat the distributor gave to someone who has not answered within this many seconds goes to another (0: never) */
  reofferAfterSeconds: z.number().int().min(0).max(3600).default(90),
  /** what agents' canned replies say about the shop ({shopName}, {shopCourier}…, CHN-17); public facts */
  shop: shopFacts.default(EMPTY_SHOP_FACTS),
  /** the rating the widget asks at the end, on the satisfaction surveys' scale (2, 3 or 5 points; SAT-06) */
  ratingScale: z.union(SURVEY_SCALES.map((n) => z.literal(n)) as [z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<5>]).default(5),
}).strict();
export type ChatChannelSettings = z.infer<typeof chatChannelSettings>;

export const chatChannel = z.object({
  id, key: z.string(), name: z.string(), kind: z.enum(CONVERSATION_KINDS), teamId: id.nullable(), teamName: z.string().nullable(),
  settings: chatChannelSettings, active: z.boolean(), createdAt: isoDate,
});
export type ChatChannel = z.infer<typeof chatChannel>;
export const chatChannelBody = z.object({
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, 'lower-case letters, digits, - and _ (2–40)'),
  name: text(64),
  kind: z.enum(CONVERSATION_KINDS).default('chat'),
  teamId: id.nullable().optional(),
  settings: chatChannelSettings.optional(),
  active: z.boolean().optional(),
}).strict();
export const chatChannelPatch = chatChannelBody.omit({ key: true }).partial().strict();

// ---------- messages ----------
/** images and files a conversation may carry (sent as the upload's content-type) */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const;
export const chatAttachment = z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int() });
export type ChatAttachment = z.infer<typeof chatAttachment>;
const attachmentIds = z.array(id).max(5).default([]);
const bodyOrFiles = (m: { body: string; attachmentIds: string[] }) => m.body.length > 0 || m.attachmentIds.length > 0;
const emptyMessage = { message: 'a message needs text or an attachment', path: ['body'] };

export const conversationMessage = z.object({
  id, author: z.enum(MESSAGE_AUTHORS), authorId: id.nullable(), authorName: z.string().nullable(),
  body: z.string(), attachments: z.array(chatAttachment), internal: z.boolean(), clientId: z.string().nullable(), ticketId: id.nullable(), ticketNumber: z.string().nullable(), createdAt: isoDate,
});
export type ConversationMessage = z.infer<typeof conversationMessage>;
export const agentMessageBody = z.object({ body: z.string().trim().max(5000).default(''), attachmentIds, internal: z.boolean().default(false) }).strict()
  .refine(bodyOrFiles, emptyMessage);

// ---------- conversations (agents) ----------
export const conversationListItem = z.object({
  id, kind: z.enum(CONVERSATION_KINDS), channelId: id, channelName: z.string(), status: z.enum(CONVERSATION_STATUSES), topic: z.string().nullable(),
  customer: z.object({ id, name: z.string() }).nullable(),
  visitorName: z.string().nullable(), visitorPhone: z.string().nullable(), visitorEmail: z.string().nullable(),
  assigneeId: id.nullable(), assigneeName: z.string().nullable(), teamId: id.nullable(), teamName: z.string().nullable(),
  tags: z.array(z.string()), lastMessageAt: isoDate, lastMessagePreview: z.string(), unreadByAgent: z.number().int(),
  firstResponseAt: isoDate.nullable(), firstResponseDueAt: isoDate.nullable(), resolveDueAt: isoDate.nullable(),
  rating: z.number().int().nullable(), createdAt: isoDate,
});
export type ConversationListItem = z.infer<typeof conversationListItem>;
export const conversationDetail = conversationListItem.extend({
  ratingComment: z.string().nullable(), resolvedAt: isoDate.nullable(), visitorReadAt: isoDate.nullable(),
  /** the rating's scale (2, 3 or 5) and the rating as a 0..1 score, as satisfaction surveys count it */
  ratingScale: z.number().int().nullable(), ratingScore: z.number().nullable(),
  /** the visitor ended the chat (结束会话) */
  visitorEndedAt: isoDate.nullable(),
  messages: z.array(conversationMessage),
  /** older messages exist before the first one here */
  moreBefore: z.boolean(),
  tickets: z.array(z.object({ id, number: z.string() })),
});
export type ConversationDetail = z.infer<typeof conversationDetail>;

const STATUS_LIST = new RegExp(`^(${CONVERSATION_STATUSES.join('|')})(,(${CONVERSATION_STATUSES.join('|')}))*$`);
export const conversationQuery = z.object({
  /** one status or several, comma-separated (`open,pending`: not resolved, as the counters count them) */
  status: z.string().max(40).regex(STATUS_LIST).optional().describe('one status or several, comma-separated (open,pending: not resolved)'),
  kind: z.enum(CONVERSATION_KINDS).optional(),
  /** a user id, `me`, or `none` (the queue: nobody has it yet) */
  assignee: z.union([id, z.enum(['me', 'none'])]).optional(),
  teamId: id.optional(),
  q: z.string().trim().max(100).optional(),
  /** only those nobody has answered yet (the morning check, CHN-11) */
  unanswered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** recent: newest activity first; waiting: oldest first (who has waited longest) */
  sort: z.enum(['recent', 'waiting']).default('recent'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ConversationQuery = z.infer<typeof conversationQuery>;
export const conversationCounts = z.object({
  mine: z.number().int(), queue: z.number().int(), open: z.number().int(), pending: z.number().int(), unread: z.number().int(),
  /** not answered yet */
  unanswered: z.number().int(),
  /** past their first-response or resolution target */
  overdue: z.number().int(),
});

export const conversationPatch = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  /** null: back to the team's queue */
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  customerId: id.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(32)).max(20).optional(),
  /** said to the new assignee or team on a transfer, kept as an internal note */
  note: z.string().trim().max(500).optional(),
}).strict();
export const conversationTicketBody = z.object({
  type: z.string().min(1).max(32),
  fields: z.record(z.string(), z.unknown()).default({}),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
}).strict();

// ---------- public chat (the widget) ----------
export const publicChannel = z.object({
  key: z.string(), name: z.string(), kind: z.enum(CONVERSATION_KINDS), settings: chatChannelSettings,
  /** someone of the channel's team is online now */
  online: z.boolean(),
  /** what the widget may upload (KEFU_UPLOAD_MAX_MB) */
  uploads: z.object({ maxBytes: z.number().int(), types: z.array(z.string()) }),
});
export const startConversationBody = z.object({
  channel: z.string().min(1).max(40),
  name: z.string().trim().max(64).optional(),
  phone: z.string().trim().max(32).optional(),
  email: z.email().max(200).optional(),
  topic: z.enum(CHAT_TOPICS).optional(),
  message: text(5000),
  /**
   * the visitor's id of the first message: a start retried with it (a lost answer) answers the same
   * conversation and token, so it must be random and kept like the token (16–64 characters)
   */
  clientId: z.string().min(16).max(64).optional(),
}).strict();
export const startedConversation = z.object({ conversationId: id, visitorToken: z.string() });
export const visitorMessage = conversationMessage.omit({ internal: true, authorId: true, ticketId: true, ticketNumber: true });
export type VisitorMessage = z.infer<typeof visitorMessage>;
export const visitorMessageBody = z.object({ body: z.string().trim().max(5000).default(''), attachmentIds, clientId: z.string().min(1).max(64).optional() }).strict()
  .refine(bodyOrFiles, emptyMessage);
export const visitorConversation = z.object({
  id, status: z.enum(CONVERSATION_STATUSES), channelName: z.string(), agentName: z.string().nullable(),
  /** the last of the visitor's messages an agent has read */
  agentReadUpTo: isoDate.nullable(),
  rating: z.number().int().nullable(),
  /** waiting for an agent: 1 = next; null once someone serves it */
  queuePosition: z.number().int().nullable(),
  messages: z.array(visitorMessage),
});
/** 1..the channel's ratingScale (a rating above it answers 422) */
export const ratingBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() }).strict();

// ---------- agents' chat seats (CHN-09, CHN-18) ----------
export const CHAT_AGENT_STATUSES = ['online', 'busy', 'away', 'offline'] as const;
export type ChatAgentStatus = (typeof CHAT_AGENT_STATUSES)[number];
export const chatAgentState = z.object({
  userId: id, displayName: z.string(), teamId: id.nullable(), teamName: z.string().nullable(),
  status: z.enum(CHAT_AGENT_STATUSES), maxConcurrent: z.number().int(), supervisorSeat: z.boolean(),
  /** conversations they hold now (not resolved) */
  load: z.number().int(),
});
export type ChatAgentState = z.infer<typeof chatAgentState>;
export const myChatStateBody = z.object({ status: z.enum(CHAT_AGENT_STATUSES) }).strict();
export const chatSeatBody = z.object({ maxConcurrent: z.number().int().min(1).max(50).optional(), supervisorSeat: z.boolean().optional() }).strict();

/** What the live connections carry (console and widget). */
export type ChatPush =
  | { type: 'chat.message'; conversationId: string; message: ConversationMessage }
  | { type: 'chat.typing'; conversationId: string; who: 'visitor' | 'agent' }
  | { type: 'chat.read'; conversationId: string; by: 'visitor' | 'agent'; at: string }
  | { type: 'chat.updated'; conversationId: string }
  /** the distributor gave you a chat from the queue (a sound and a desktop notice) */
  | { type: 'chat.assigned'; conversationId: string }
  /** a colleague opened the conversation you have open (the collision notice), or closed it (`left`) */
  | { type: 'chat.viewers'; conversationId: string; viewer: { id: string; name: string }; left?: boolean }
  /** to supervisors: an agent's chat status or cap changed (the live-chat view loads again) */
  | { type: 'chat.seats' }
  /** to the widget: the status, and who serves it once someone does */
  | { type: 'chat.status'; conversationId: string; status: ConversationStatus; agentName?: string };
