import { and, asc, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ChatMonitor, ChatQueue, ChatSummary, LiveChat } from '@kefu/shared/chat-monitor-api';
import type { Tx } from '../../db/client.ts';
import { chatChannels, conversations, customers } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { startOfLocalDay } from '../../platform/time/clock.ts';
import { conversationScope } from './conversations.queries.ts';
import { chatSeats } from './chat-seats.queries.ts';

// What the supervisor's live-chat view and the wallboard read: a few
// aggregate numbers in one query, the chats being served with who waits for
// whom, and the queues per team with each chat's place. All within the
// viewer's data scope, as of `now` (the business clock).

/** chats and queue entries shown at most (the oldest waits first) */
const LIMIT = 300;

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string | Date).toISOString());
const notResolved = ne(conversations.status, 'resolved');

/** The wallboard's chat numbers. */
export async function chatSummary(db: Tx, viewer: Principal, now: Date, timeZone: string): Promise<ChatSummary> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const dayStart = startOfLocalDay(timeZone, now);
  const from = sql`${dayStart.toISOString()}::timestamptz`;
  const due = conversations.firstResponseDueAt;
  const [row] = await db.select({
    active: sql<number>`count(*) filter (where ${conversations.assigneeId} is not null and ${notResolved})::int`,
    waiting: sql<number>`count(*) filter (where ${conversations.assigneeId} is null and ${notResolved})::int`,
    oldest: sql<unknown>`min(${conversations.createdAt}) filter (where ${conversations.assigneeId} is null and ${notResolved})`,
    // missed: answered after the target, resolved after it unanswered, or still unanswered when it came
    breaches: sql<number>`count(*) filter (where ${due} >= ${from} and ${due} <= ${at} and case
      when ${conversations.firstResponseAt} is not null then ${conversations.firstResponseAt} > ${due}
      when ${conversations.resolvedAt} is not null then ${conversations.resolvedAt} > ${due}
      else true end)::int`,
  }).from(conversations).where(and(conversationScope(viewer), or(notResolved, sql`${due} >= ${from}`)));
  return {
    active: row?.active ?? 0, waiting: row?.waiting ?? 0, oldestWaitingSince: iso(row?.oldest),
    firstResponseBreachesToday: row?.breaches ?? 0, at: now.toISOString(),
  };
}

function base<E extends Record<string, SQL>>(db: Tx, extra: E) {
  return db.select({
    c: conversations, channelName: chatChannels.name, customerName: customers.name,
    assigneeName: sql<string | null>`(select display_name from users where id = ${conversations.assigneeId})`,
    teamName: sql<string | null>`(select name from teams where id = ${conversations.teamId})`,
    ...extra,
  }).from(conversations)
    .innerJoin(chatChannels, eq(chatChannels.id, conversations.channelId))
    .leftJoin(customers, eq(customers.id, conversations.customerId));
}

/** The chats being served: who serves whom, and since when the visitor waits for an answer. */
async function liveChats(db: Tx, viewer: Principal): Promise<LiveChat[]> {
  const lastVisitor = sql<unknown>`(select max(m.created_at) from conversation_messages m where m.conversation_id = ${conversations.id} and m.author = 'visitor')`;
  const lastReply = sql<unknown>`(select max(m.created_at) from conversation_messages m where m.conversation_id = ${conversations.id} and m.author = 'agent' and not m.internal)`;
  const rows = await base(db, { lastVisitor, lastReply })
    .where(and(conversationScope(viewer), isNotNull(conversations.assigneeId), notResolved))
    .orderBy(asc(conversations.lastMessageAt)).limit(LIMIT);
  const chats = rows.map((r): LiveChat => {
    const visitorAt = iso(r.lastVisitor);
    const replyAt = iso(r.lastReply);
    return {
      id: r.c.id, kind: r.c.kind as LiveChat['kind'], status: r.c.status as LiveChat['status'], channelName: r.channelName,
      visitorName: r.c.visitorName, customer: r.c.customerId && r.customerName ? { id: r.c.customerId, name: r.customerName } : null,
      assigneeId: r.c.assigneeId!, assigneeName: r.assigneeName, teamId: r.c.teamId, teamName: r.teamName,
      createdAt: r.c.createdAt.toISOString(),
      waitingSince: visitorAt && (!replyAt || replyAt < visitorAt) ? visitorAt : null,
      firstResponseAt: r.c.firstResponseAt?.toISOString() ?? null, firstResponseDueAt: r.c.firstResponseDueAt?.toISOString() ?? null,
      resolveDueAt: r.c.resolveDueAt?.toISOString() ?? null, lastMessagePreview: r.c.lastMessagePreview,
    };
  });
  // whoever has waited longest for an answer first; then those the agent has answered
  return chats.sort((a, b) => (a.waitingSince ?? '~').localeCompare(b.waitingSince ?? '~') || a.createdAt.localeCompare(b.createdAt));
}

/** The queues per team, oldest first, each chat with its place (1 = next). */
async function queues(db: Tx, viewer: Principal): Promise<ChatQueue[]> {
  const rows = await base(db, {}).where(and(conversationScope(viewer), isNull(conversations.assigneeId), notResolved))
    .orderBy(asc(conversations.createdAt), asc(conversations.id)).limit(LIMIT);
  const byTeam = new Map<string, ChatQueue>();
  for (const r of rows) {
    const key = r.c.teamId ?? '';
    const q = byTeam.get(key) ?? { teamId: r.c.teamId, teamName: r.teamName, items: [] };
    q.items.push({
      id: r.c.id, kind: r.c.kind as LiveChat['kind'], channelName: r.channelName, visitorName: r.c.visitorName ?? r.customerName ?? null,
      position: q.items.length + 1, createdAt: r.c.createdAt.toISOString(), firstResponseDueAt: r.c.firstResponseDueAt?.toISOString() ?? null,
      lastMessagePreview: r.c.lastMessagePreview,
    });
    byTeam.set(key, q);
  }
  return [...byTeam.values()];
}

/** Everything the live-chat view shows, in four reads. */
export async function chatMonitor(db: Tx, viewer: Principal, now: Date, timeZone: string): Promise<ChatMonitor> {
  const [summary, chats, waiting, agents] = await Promise.all([
    chatSummary(db, viewer, now, timeZone), liveChats(db, viewer), queues(db, viewer), chatSeats(db),
  ]);
  return { summary, chats, queues: waiting, agents };
}
