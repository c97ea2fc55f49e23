import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ChatChannelSettings } from '@kefu/shared/conversations-api';
import { chatChannelSettings } from '@kefu/shared/conversations-api';
import { surveyScore } from '@kefu/shared/callbacks';
import { installationSecret } from '../../platform/secrets.ts';
import type { Db, Tx } from '../../db/client.ts';
import { chatAttachments, chatChannels, conversationMessages, conversations } from '../../db/schema/index.ts';
import { orderedUuid } from '../../platform/ids.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { truncate } from '../../platform/text.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { customerByContact } from '../customers/customers.queries.ts';
import { calendarBook } from '../../platform/time/calendars.ts';
import { enqueueMany } from '../../platform/jobs/job-queue.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { breachTimers, conversationTargets } from './chat-targets.ts';

// The conversations module alone writes conversations and their messages.
// Every message is committed before it is acknowledged or pushed.

type Conversation = typeof conversations.$inferSelect;
type Message = typeof conversationMessages.$inferSelect;

const PREVIEW = 120;

export function hashVisitorToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The conversation a visitor's token opens; 404 for any other (never says it exists). */
export async function conversationForVisitor(db: Tx, id: string, token: string | undefined): Promise<Conversation> {
  const [c] = token ? await db.select().from(conversations).where(eq(conversations.id, id)) : [];
  if (!c || !token) throw notFound('conversation');
  const a = Buffer.from(c.visitorTokenHash, 'hex');
  const b = Buffer.from(hashVisitorToken(token), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw notFound('conversation');
  return c;
}

export function channelSettings(raw: unknown): ChatChannelSettings {
  const parsed = chatChannelSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : chatChannelSettings.parse({});
}

export interface StartInput {
  channel: typeof chatChannels.$inferSelect;
  name?: string;
  phone?: string;
  email?: string;
  topic?: string;
  message: string;
  clientId?: string;
  /** someone of the channel's team is online: greet; else the auto-reply (CHN-17) */
  someoneOnline: boolean;
  /** the business clock's time (targets count from it); the system clock's by default */
  now?: Date;
}

/**
 * The visitor token of a start with a clientId: derived from it (HMAC with the
 * installation's secret), so a start retried after a lost answer gets the same
 * token and finds the conversation it made (unique token hash) instead of
 * opening a second one. Without a clientId the token is random.
 */
async function startToken(db: Db, channelId: string, clientId: string | undefined): Promise<string> {
  if (!clientId) return randomBytes(24).toString('base64url');
  const secret = await installationSecret(db, 'chat_start');
  return createHmac('sha256', secret).update(`chat-start:${channelId}:${clientId}`).digest('base64url');
}

/**
 * A visitor's first message opens a conversation in the channel's team queue,
 * matched to the archive by phone or e-mail when given (anonymous until an
 * agent identifies them). The greeting — or, with nobody online, the
 * auto-reply asking to leave a message — follows as a system message. The
 * same start again (same channel and clientId) answers the conversation it
 * made, `again`, and writes nothing.
 */
export async function startConversation(db: Db, input: StartInput): Promise<{ conversation: Conversation; token: string; messages: Message[]; again: boolean }> {
  const settings = channelSettings(input.channel.settings);
  const pre = settings.preChat;
  if (pre.enabled && pre.requireName && !input.name) throw new AppError('PRECHAT_REQUIRED', { field: 'name' });
  if (pre.enabled && pre.requireContact && !input.phone && !input.email) throw new AppError('PRECHAT_REQUIRED', { field: 'phone' });
  const token = await startToken(db, input.channel.id, input.clientId);
  const now = input.now ?? new Date();
  // the channel's calendar, else its team's working hours, else the default calendar
  const teamCalendar = input.channel.teamId ? (await orgDirectory(db, db)).teams.get(input.channel.teamId)?.calendarId : null;
  const calendar = (await calendarBook(db, db)).pick(settings.calendarId, teamCalendar).spec;
  const targets = conversationTargets(calendar, settings, now);
  const { firstResponseDueAt, resolveDueAt } = targets;
  return db.transaction(async (tx) => {
    const customer = await customerByContact(tx, input.phone, input.email);
    const [conversation] = await tx.insert(conversations).values({
      channelId: input.channel.id, kind: input.channel.kind, topic: input.topic ?? null, customerId: customer?.id ?? null,
      visitorName: input.name || null, visitorPhone: input.phone || null, visitorEmail: input.email?.toLowerCase() || null,
      visitorTokenHash: hashVisitorToken(token), teamId: input.channel.teamId,
      lastMessageAt: now, lastMessagePreview: truncate(input.message, PREVIEW), unreadByAgent: 1, createdAt: now, updatedAt: now,
      firstResponseDueAt, resolveDueAt,
    }).onConflictDoNothing({ target: conversations.visitorTokenHash }).returning();
    if (!conversation) {
      const [made] = await tx.select().from(conversations).where(eq(conversations.visitorTokenHash, hashVisitorToken(token)));
      return { conversation: made, token, messages: [], again: true };
    }
    const reply = input.someoneOnline ? settings.greeting : settings.autoReply;
    const rows = [
      { id: orderedUuid(now.getTime()), conversationId: conversation.id, author: 'visitor', body: input.message, clientId: input.clientId ?? null, createdAt: now },
      ...(reply ? [{ id: orderedUuid(now.getTime()), conversationId: conversation.id, author: 'system', body: reply, createdAt: now }] : []),
    ];
    const messages = await tx.insert(conversationMessages).values(rows).returning();
    await enqueueMany(tx, breachTimers(conversation.id, targets, now));
    return { conversation, token, messages, again: false };
  });
}

/**
 * Names the uploaded files a message carries: each must be this
 * conversation's, uploaded by the same side, and not yet in a message.
 */
async function claimAttachments(tx: Tx, c: Conversation, by: 'visitor' | 'agent', messageId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tx.update(chatAttachments).set({ messageId })
    .where(and(inArray(chatAttachments.id, ids), eq(chatAttachments.conversationId, c.id), eq(chatAttachments.uploadedBy, by), isNull(chatAttachments.messageId)))
    .returning({ id: chatAttachments.id, fileName: chatAttachments.fileName, contentType: chatAttachments.contentType, size: chatAttachments.size });
  if (rows.length !== new Set(ids).size) throw new AppError('REFERENCE_NOT_FOUND', { what: 'attachment', id: ids.find((x) => !rows.some((r) => r.id === x))! });
  return ids.map((x) => rows.find((r) => r.id === x)!).filter(Boolean);
}

/** What the inbox shows of a message: its text, else what it carries. */
function previewOf(body: string, files: { contentType: string }[]): string {
  if (body) return truncate(body, PREVIEW);
  return files.some((f) => f.contentType.startsWith('image/')) ? '[图片]' : '[文件]';
}

/**
 * A visitor's message. Sent again with the same clientId (a lost connection,
 * the offline queue) it is stored once and the stored one is answered. A
 * message on a resolved conversation opens it again.
 */
export async function addVisitorMessage(db: Db, c: Conversation, body: string, clientId?: string, attachmentIds: string[] = []): Promise<{ message: Message; duplicate: boolean; reopened: boolean }> {
  return db.transaction(async (tx) => {
    if (clientId) {
      const [seen] = await tx.select().from(conversationMessages)
        .where(and(eq(conversationMessages.conversationId, c.id), eq(conversationMessages.clientId, clientId)));
      if (seen) return { message: seen, duplicate: true, reopened: false };
    }
    const now = new Date();
    const messageId = orderedUuid(now.getTime());
    const [message] = await tx.insert(conversationMessages).values({
      id: messageId, conversationId: c.id, author: 'visitor', body, clientId: clientId ?? null, createdAt: now,
    }).onConflictDoNothing().returning();
    if (message && attachmentIds.length) {
      message.attachments = await claimAttachments(tx, c, 'visitor', messageId, attachmentIds);
      await tx.update(conversationMessages).set({ attachments: message.attachments }).where(eq(conversationMessages.id, messageId));
    }
    if (!message) {
      // the same clientId raced in on another connection: answer with the stored one
      const [stored] = await tx.select().from(conversationMessages)
        .where(and(eq(conversationMessages.conversationId, c.id), eq(conversationMessages.clientId, clientId!)));
      return { message: stored, duplicate: true, reopened: false };
    }
    const reopened = c.status === 'resolved';
    await tx.update(conversations).set({
      lastMessageAt: now, lastMessagePreview: previewOf(body, message.attachments as { contentType: string }[]), unreadByAgent: sql`${conversations.unreadByAgent} + 1`, updatedAt: now,
      ...(reopened ? { status: 'open', resolvedAt: null } : {}),
    }).where(eq(conversations.id, c.id));
    return { message, duplicate: false, reopened };
  });
}

/**
 * An agent's reply or internal note. Only the assignee replies (a colleague
 * takes the conversation over first); anyone who sees it may add a note. The
 * first reply is the conversation's first response.
 */
export async function addAgentMessage(db: Db, actor: Principal, c: Conversation, body: string, internal: boolean, assigneeName: string | null, attachmentIds: string[] = [], at = new Date()): Promise<Message> {
  if (!internal && c.assigneeId !== actor.userId) {
    throw new AppError('CHAT_NOT_ASSIGNEE', { assignee: assigneeName ?? (actor.locale === 'zh-CN' ? '团队队列' : 'the team queue') });
  }
  return db.transaction(async (tx) => {
    const now = at;
    const messageId = orderedUuid(now.getTime());
    const files = await claimAttachments(tx, c, 'agent', messageId, attachmentIds);
    const [message] = await tx.insert(conversationMessages).values({
      id: messageId, conversationId: c.id, author: 'agent', authorId: actor.userId, body, internal, attachments: files, createdAt: now,
    }).returning();
    if (!internal) {
      await tx.update(conversations).set({
        lastMessageAt: now, lastMessagePreview: previewOf(body, files), updatedAt: now, unreadByAgent: 0, agentReadAt: now,
        firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
        ...(c.status === 'pending' ? { status: 'open' } : {}),
      }).where(eq(conversations.id, c.id));
    }
    return message;
  });
}

export interface ConversationChange {
  status?: 'open' | 'pending' | 'resolved';
  assigneeId?: string | null;
  teamId?: string | null;
  customerId?: string | null;
  tags?: string[];
  note?: string;
}

/**
 * Status, assignment, team, customer and tags. Taking a conversation from the
 * queue is anyone's who sees it; taking it from a colleague, giving it to
 * someone else or moving it to another team is a transfer and needs
 * conversation:manage, or to be the assignee (CHN-09). A transfer leaves an
 * internal note saying who passed it to whom, with the note given.
 */
export async function changeConversation(db: Db, actor: Principal, c: Conversation, change: ConversationChange, names: {
  user(id: string): string | null; team(id: string): string | null;
}): Promise<{ conversation: Conversation; note: Message | null }> {
  const manage = can(actor, 'conversation:manage');
  if (change.assigneeId !== undefined && change.assigneeId !== c.assigneeId) {
    const takingFromQueue = c.assigneeId === null && change.assigneeId === actor.userId;
    const mine = c.assigneeId === actor.userId;
    // wanting it for oneself when a colleague has it: they were first (a manager may take it over)
    if (change.assigneeId === actor.userId && c.assigneeId !== null && !manage) throw new AppError('CHAT_TAKEN');
    if (!takingFromQueue && !mine && !manage) throw new AppError('FORBIDDEN', { permission: 'conversation:manage' });
    if (change.assigneeId && !names.user(change.assigneeId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: change.assigneeId });
  }
  if (change.teamId !== undefined && change.teamId !== c.teamId) {
    if (c.assigneeId !== actor.userId && !manage) throw new AppError('FORBIDDEN', { permission: 'conversation:manage' });
    if (change.teamId && !names.team(change.teamId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: change.teamId });
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    const set: Partial<Conversation> = { updatedAt: now };
    if (change.status && change.status !== c.status) {
      set.status = change.status;
      set.resolvedAt = change.status === 'resolved' ? now : null;
    }
    if (change.assigneeId !== undefined && change.assigneeId !== c.assigneeId) {
      set.assigneeId = change.assigneeId;
      set.assignedAt = change.assigneeId ? now : null;
    }
    if (change.teamId !== undefined) set.teamId = change.teamId;
    if (change.customerId !== undefined) set.customerId = change.customerId;
    if (change.tags) set.tags = [...new Set(change.tags)];
    // taking from the queue only while it is still there: of two agents pressing 接入 at once, one gets it
    const fromQueue = change.assigneeId !== undefined && change.assigneeId !== c.assigneeId && c.assigneeId === null;
    const [updated] = await tx.update(conversations).set(set)
      .where(and(eq(conversations.id, c.id), fromQueue ? isNull(conversations.assigneeId) : undefined)).returning();
    if (!updated) throw new AppError('CHAT_TAKEN');
    const transferred = (change.assigneeId !== undefined && change.assigneeId !== c.assigneeId && change.assigneeId !== actor.userId)
      || (change.teamId !== undefined && change.teamId !== c.teamId);
    // a supervisor took it from a colleague: the colleague (and the record) learn who has it now and from whom
    const takenOver = change.assigneeId === actor.userId && c.assigneeId !== null && c.assigneeId !== actor.userId;
    let note: Message | null = null;
    if (transferred || takenOver || change.note) {
      const to = change.assigneeId ? names.user(change.assigneeId) : change.teamId ? names.team(change.teamId) : null;
      const zh = actor.locale === 'zh-CN';
      const from = takenOver ? names.user(c.assigneeId!) ?? '' : '';
      const head = takenOver ? (zh ? `${actor.displayName} 接管了会话(原由 ${from} 接待)` : `${actor.displayName} took the conversation over from ${from}`)
        : transferred && to ? (zh ? `转接给 ${to}` : `Transferred to ${to}`) : transferred ? (zh ? '退回队列' : 'Returned to the queue') : '';
      const body = [head, change.note].filter(Boolean).join(zh ? ':' : ': ');
      [note] = await tx.insert(conversationMessages).values({
        id: orderedUuid(now.getTime()), conversationId: c.id, author: 'agent', authorId: actor.userId, body, internal: true, createdAt: now,
      }).returning();
    }
    return { conversation: updated, note };
  });
}

/** The agent has read the visitor's messages (the widget shows 已读). */
export async function markReadByAgent(db: Db, c: Conversation): Promise<Date> {
  const now = new Date();
  await db.update(conversations).set({ unreadByAgent: 0, agentReadAt: now }).where(eq(conversations.id, c.id));
  return now;
}

export async function markReadByVisitor(db: Db, c: Conversation): Promise<Date> {
  const now = new Date();
  await db.update(conversations).set({ visitorReadAt: now }).where(eq(conversations.id, c.id));
  return now;
}

/**
 * The visitor's rating at the end of the chat (once; a second one replaces the
 * first), on the channel's scale — the satisfaction surveys' 2, 3 or 5 points —
 * and as their 0..1 score, so chat and survey satisfaction add up (SAT-06).
 */
export async function rateConversation(db: Db, c: Conversation, rating: number, comment?: string): Promise<void> {
  const [ch] = await db.select({ settings: chatChannels.settings }).from(chatChannels).where(eq(chatChannels.id, c.channelId));
  const scale = channelSettings(ch?.settings).ratingScale;
  if (rating > scale) throw new AppError('VALIDATION_FAILED', { summary: `rating: 1–${scale}` });
  await db.update(conversations).set({ rating, ratingScale: scale, ratingScore: surveyScore(rating, scale), ratingComment: comment || null, updatedAt: new Date() })
    .where(eq(conversations.id, c.id));
}

/**
 * The visitor ends the chat (结束会话): it is resolved, marked as ended by the
 * visitor, and a line says so to both sides. Ending an ended chat does nothing.
 */
export async function endByVisitor(db: Db, c: Conversation): Promise<{ conversation: Conversation; message: Message } | null> {
  if (c.status === 'resolved') return null;
  return db.transaction(async (tx) => {
    const now = new Date();
    const [conversation] = await tx.update(conversations).set({ status: 'resolved', resolvedAt: now, visitorEndedAt: now, updatedAt: now })
      .where(and(eq(conversations.id, c.id), sql`${conversations.status} <> 'resolved'`)).returning();
    if (!conversation) return null;
    const [message] = await tx.insert(conversationMessages).values({
      id: orderedUuid(now.getTime()), conversationId: c.id, author: 'system', body: '访客已结束会话', createdAt: now,
    }).returning();
    return { conversation, message };
  });
}

/** The system message that says a work order was made from the conversation (and links it). */
export async function recordTicketMade(db: Db, actor: Principal, c: Conversation, ticket: { id: string; number: string }, customerId: string): Promise<Message> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const zh = actor.locale === 'zh-CN';
    const [message] = await tx.insert(conversationMessages).values({
      id: orderedUuid(now.getTime()), conversationId: c.id, author: 'system', authorId: actor.userId, internal: true, ticketId: ticket.id,
      body: zh ? `已建立工单 ${ticket.number}` : `Work order ${ticket.number} created`, createdAt: now,
    }).returning();
    if (!c.customerId) await tx.update(conversations).set({ customerId, updatedAt: now }).where(eq(conversations.id, c.id));
    return message;
  });
}

/** An uploaded file, kept before any message names it (the message then claims it). */
export async function recordAttachment(db: Db, c: Conversation, by: 'visitor' | 'agent', file: { fileName: string; contentType: string; size: number; sha256: string; storageKey: string }) {
  const [row] = await db.insert(chatAttachments).values({ conversationId: c.id, uploadedBy: by, ...file })
    .returning({ id: chatAttachments.id, fileName: chatAttachments.fileName, contentType: chatAttachments.contentType, size: chatAttachments.size });
  return row;
}

/**
 * Retention: the messages and files of conversations resolved more than
 * `days` ago are deleted (up to `limit` conversations a run), leaving the
 * conversation itself — who, when, rating, work orders — and a system line
 * that says so. Answers the storage keys to remove and how many were purged.
 */
export async function purgeOldConversations(tx: Tx, days: number, limit: number): Promise<{ purged: number; keys: string[] }> {
  const old = await tx.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.status, 'resolved'), sql`${conversations.resolvedAt} < now() - make_interval(days => ${days}::int)`,
      sql`${conversations.lastMessagePreview} <> ''`))
    .limit(limit);
  if (!old.length) return { purged: 0, keys: [] };
  const ids = old.map((o) => o.id);
  const files = await tx.delete(chatAttachments).where(inArray(chatAttachments.conversationId, ids)).returning({ key: chatAttachments.storageKey });
  // a message that links a work order stays (the link is the evidence trail); its text is kept, it holds no customer words
  await tx.delete(conversationMessages).where(and(inArray(conversationMessages.conversationId, ids), isNull(conversationMessages.ticketId)));
  const now = new Date();
  await tx.insert(conversationMessages).values(ids.map((id) => ({
    id: orderedUuid(now.getTime()), conversationId: id, author: 'system', internal: true, body: `聊天记录已按 ${days} 天保留期限清除`, createdAt: now,
  })));
  await tx.update(conversations).set({ lastMessagePreview: '', updatedAt: now }).where(inArray(conversations.id, ids));
  return { purged: ids.length, keys: files.map((f) => f.key) };
}
