import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { maskEmail, maskPhone } from '@kefu/shared/phone';
import type { ConversationDetail, ConversationListItem, ConversationMessage, ConversationQuery } from '@kefu/shared/conversations-api';
import type { Db, Tx } from '../../db/client.ts';
import { chatChannels, conversationMessages, conversations, customers, roles, tickets, userRoles, users } from '../../db/schema/index.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { notFound } from '../../platform/errors.ts';

/**
 * The conversations a user may see. Wide scopes see their team's or
 * department's; everyone sees their own and the queue of their team (the
 * unassigned ones, to take); `all` sees everything.
 */
export function conversationScope(p: Principal): SQL | undefined {
  const mine = eq(conversations.assigneeId, p.userId);
  const queue = p.teamId ? and(isNull(conversations.assigneeId), eq(conversations.teamId, p.teamId)) : undefined;
  switch (p.dataScope) {
    case 'all':
      return undefined;
    case 'department':
      return p.departmentId
        ? or(mine, sql`${conversations.teamId} in (select id from teams where department_id = ${p.departmentId}::uuid)`)
        : or(mine, queue);
    case 'team':
      return p.teamId ? or(mine, eq(conversations.teamId, p.teamId)) : mine;
    case 'own':
    default:
      return queue ? or(mine, queue) : mine;
  }
}

/** The visitor's phone and e-mail as the viewer may see them (masked without customer:view_pii). */
export function visitorContactFor(viewer: Principal, phone: string | null, email: string | null) {
  if (can(viewer, 'customer:view_pii')) return { phone, email };
  return { phone: maskPhone(phone), email: maskEmail(email) };
}

const assignee = sql<string | null>`(select display_name from users where id = ${conversations.assigneeId})`;
const team = sql<string | null>`(select name from teams where id = ${conversations.teamId})`;

function selectList(db: Tx) {
  return db.select({
    c: conversations, channelName: chatChannels.name, customerName: customers.name, assigneeName: assignee, teamName: team,
  }).from(conversations)
    .innerJoin(chatChannels, eq(chatChannels.id, conversations.channelId))
    .leftJoin(customers, eq(customers.id, conversations.customerId));
}
type ListRow = Awaited<ReturnType<ReturnType<typeof selectList>['execute']>>[number];

function presentItem(r: ListRow, viewer: Principal): ConversationListItem {
  const c = r.c;
  const contact = visitorContactFor(viewer, c.visitorPhone, c.visitorEmail);
  return {
    id: c.id, kind: c.kind as ConversationListItem['kind'], channelId: c.channelId, channelName: r.channelName, status: c.status as ConversationListItem['status'],
    topic: c.topic, customer: c.customerId && r.customerName ? { id: c.customerId, name: r.customerName } : null,
    visitorName: c.visitorName, visitorPhone: contact.phone, visitorEmail: contact.email,
    assigneeId: c.assigneeId, assigneeName: r.assigneeName, teamId: c.teamId, teamName: r.teamName, tags: c.tags,
    lastMessageAt: c.lastMessageAt.toISOString(), lastMessagePreview: c.lastMessagePreview, unreadByAgent: c.unreadByAgent,
    firstResponseAt: c.firstResponseAt?.toISOString() ?? null, firstResponseDueAt: c.firstResponseDueAt?.toISOString() ?? null,
    resolveDueAt: c.resolveDueAt?.toISOString() ?? null, rating: c.rating, createdAt: c.createdAt.toISOString(),
  };
}

/** The inbox: newest activity first, keyset-paged. */
export async function listConversations(db: Db, viewer: Principal, q: ConversationQuery) {
  const conds: (SQL | undefined)[] = [conversationScope(viewer)];
  if (q.status) conds.push(inArray(conversations.status, [...new Set(q.status.split(','))]));
  if (q.kind) conds.push(eq(conversations.kind, q.kind));
  if (q.assignee === 'me') conds.push(eq(conversations.assigneeId, viewer.userId));
  else if (q.assignee === 'none') conds.push(isNull(conversations.assigneeId));
  else if (q.assignee) conds.push(eq(conversations.assigneeId, q.assignee));
  if (q.teamId) conds.push(eq(conversations.teamId, q.teamId));
  if (q.unanswered) conds.push(isNull(conversations.firstResponseAt), sql`${conversations.status} <> 'resolved'`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(conversations.visitorName, like), ilike(conversations.lastMessagePreview, like), ilike(customers.name, like),
      can(viewer, 'customer:view_pii') ? or(eq(conversations.visitorPhone, q.q), eq(conversations.visitorEmail, q.q.toLowerCase())) : undefined));
  }
  // recent: newest activity first; waiting: who has waited longest first (the morning check)
  const waiting = q.sort === 'waiting';
  const col = waiting ? conversations.createdAt : conversations.lastMessageAt;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    conds.push(waiting
      ? sql`(${col}, ${conversations.id}) > (${c.sortValue}::timestamptz, ${c.id}::uuid)`
      : sql`(${col}, ${conversations.id}) < (${c.sortValue}::timestamptz, ${c.id}::uuid)`);
  }
  const dir = waiting ? asc : desc;
  const rows = await selectList(db).where(and(...conds)).orderBy(dir(col), dir(conversations.id)).limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => presentItem(r, viewer)),
    nextCursor: rows.length > q.limit && last ? encodeCursor((waiting ? last.c.createdAt : last.c.lastMessageAt).toISOString(), last.c.id) : null,
  };
}

/** The inbox's counters, in one query; overdue as of `now` (the business clock): a target is missed once its moment has come. */
export async function conversationCounts(db: Db, viewer: Principal, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db.select({
    mine: sql<number>`count(*) filter (where ${conversations.assigneeId} = ${viewer.userId}::uuid and ${conversations.status} <> 'resolved')::int`,
    queue: sql<number>`count(*) filter (where ${conversations.assigneeId} is null and ${conversations.status} <> 'resolved')::int`,
    open: sql<number>`count(*) filter (where ${conversations.status} = 'open')::int`,
    pending: sql<number>`count(*) filter (where ${conversations.status} = 'pending')::int`,
    unread: sql<number>`coalesce(sum(${conversations.unreadByAgent}) filter (where ${conversations.assigneeId} = ${viewer.userId}::uuid), 0)::int`,
    unanswered: sql<number>`count(*) filter (where ${conversations.firstResponseAt} is null and ${conversations.status} <> 'resolved')::int`,
    overdue: sql<number>`count(*) filter (where ${conversations.status} <> 'resolved' and (
      (${conversations.firstResponseAt} is null and ${conversations.firstResponseDueAt} <= ${at}) or ${conversations.resolveDueAt} <= ${at}))::int`,
  }).from(conversations).where(and(conversationScope(viewer), sql`${conversations.status} <> 'resolved' or ${conversations.assigneeId} = ${viewer.userId}::uuid`));
  return row;
}

/** A conversation the viewer may see, or 404. */
export async function visibleConversation(db: Tx, viewer: Principal, id: string) {
  const [row] = await selectList(db).where(and(eq(conversations.id, id), conversationScope(viewer)));
  if (!row) throw notFound('conversation');
  return row;
}

const PAGE = 200;

export async function conversationMessagesOf(db: Tx, conversationId: string, opts: { before?: string; visitor?: boolean } = {}) {
  const rows = await db.select({
    m: conversationMessages, authorName: users.displayName, ticketNumber: tickets.number,
  }).from(conversationMessages)
    .leftJoin(users, eq(users.id, conversationMessages.authorId))
    .leftJoin(tickets, eq(tickets.id, conversationMessages.ticketId))
    .where(and(eq(conversationMessages.conversationId, conversationId),
      opts.visitor ? eq(conversationMessages.internal, false) : undefined,
      opts.before ? sql`${conversationMessages.id} < ${opts.before}::uuid` : undefined))
    .orderBy(desc(conversationMessages.id)).limit(PAGE + 1);
  const more = rows.length > PAGE;
  return { messages: rows.slice(0, PAGE).reverse().map((r) => presentMessage(r.m, r.authorName, r.ticketNumber)), more };
}

export function presentMessage(m: typeof conversationMessages.$inferSelect, authorName: string | null, ticketNumber: string | null = null): ConversationMessage {
  return {
    id: m.id, author: m.author as ConversationMessage['author'], authorId: m.authorId, authorName, body: m.body,
    attachments: (m.attachments ?? []) as ConversationMessage['attachments'], internal: m.internal,
    clientId: m.clientId, ticketId: m.ticketId, ticketNumber, createdAt: m.createdAt.toISOString(),
  };
}

export async function conversationDetail(db: Db, viewer: Principal, id: string): Promise<ConversationDetail> {
  const row = await visibleConversation(db, viewer, id);
  const { messages, more } = await conversationMessagesOf(db, id);
  const linked = await db.selectDistinct({ id: tickets.id, number: tickets.number }).from(conversationMessages)
    .innerJoin(tickets, eq(tickets.id, conversationMessages.ticketId))
    .where(eq(conversationMessages.conversationId, id)).orderBy(asc(tickets.number));
  return {
    ...presentItem(row, viewer), ratingComment: row.c.ratingComment, resolvedAt: row.c.resolvedAt?.toISOString() ?? null,
    ratingScale: row.c.ratingScale, ratingScore: row.c.ratingScore, visitorEndedAt: row.c.visitorEndedAt?.toISOString() ?? null,
    visitorReadAt: row.c.visitorReadAt?.toISOString() ?? null, messages, moreBefore: more, tickets: linked,
  };
}

export async function channelByKey(db: Tx, key: string) {
  const [row] = await db.select().from(chatChannels).where(and(eq(chatChannels.key, key), eq(chatChannels.active, true)));
  if (!row) throw notFound('chatChannel');
  return row;
}

/** Where a waiting conversation stands in its team's queue (1 = next), or null once someone serves it. */
export async function queuePosition(db: Tx, c: typeof conversations.$inferSelect): Promise<number | null> {
  if (c.assigneeId || c.status !== 'open') return null;
  const [row] = await db.select({ ahead: sql<number>`count(*)::int` }).from(conversations).where(and(
    isNull(conversations.assigneeId), eq(conversations.status, 'open'),
    c.teamId ? eq(conversations.teamId, c.teamId) : isNull(conversations.teamId),
    sql`(${conversations.createdAt}, ${conversations.id}) < (${c.createdAt.toISOString()}::timestamptz, ${c.id}::uuid)`));
  return (row?.ahead ?? 0) + 1;
}

/** Who serves a conversation, as the visitor sees it: the assignee's name. */
export async function userNameOf(db: Tx, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function channelNameOf(db: Tx, channelId: string): Promise<string> {
  const [row] = await db.select({ name: chatChannels.name }).from(chatChannels).where(eq(chatChannels.id, channelId));
  return row?.name ?? '';
}

/** The members of a team who work conversations (to tell whether anyone is there). */
export async function chatAgentsOf(db: Tx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.teamId, teamId), eq(users.active, true)));
  return rows.map((r) => r.id);
}


/**
 * Who hears of a conversation that missed its target: the team's lead;
 * without one, whoever manages conversations for that team or for everyone.
 */
export async function chatSupervisorsOf(tx: Tx, cacheKey: object, teamId: string | null): Promise<string[]> {
  const dir = await orgDirectory(tx, cacheKey);
  const leadId = teamId ? dir.teams.get(teamId)?.leadId ?? null : null;
  if (leadId && dir.isActive(leadId)) return [leadId];
  const rows = await tx.selectDistinct({ id: users.id }).from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id)).innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(users.active, true), sql`'conversation:manage' = any(${roles.permissions})`,
      teamId ? or(eq(roles.dataScope, 'all'), eq(users.teamId, teamId)) : eq(roles.dataScope, 'all')));
  return rows.map((r) => r.id);
}
