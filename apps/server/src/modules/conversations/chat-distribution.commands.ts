import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { chatAgentStates, conversationMessages, conversations } from '../../db/schema/index.ts';
import { orderedUuid } from '../../platform/ids.ts';
import { enqueueMany } from '../../platform/jobs/job-queue.ts';

// Chat distribution (客服流量分配, CHN-09 / CHN-18): the queue of a team goes
// to its members who are online, least loaded first, up to each one's cap; a
// supervisor seat receives no customers. A chat given out by the distributor
// and not answered in time goes to someone else (the re-offer job).

export const REOFFER_JOB = 'conversations.reoffer';

export interface Assignment {
  conversationId: string;
  assigneeId: string;
  assigneeName: string;
}

interface Candidate { user_id: string; display_name: string; cap: number; load: number; last: string | null }

/**
 * Gives the team's queued chats (oldest first) to its online members. One
 * distributor per team at a time (an advisory lock), so two at once cannot
 * both fill the same seat; queued rows are claimed with SKIP LOCKED. Returns
 * what it assigned, for the caller to announce after commit. A conversation
 * is not offered again to the agents who let it go unanswered (passed_over).
 */
export async function distributeQueue(db: Db, teamId: string | null): Promise<Assignment[]> {
  if (!teamId) return [];
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`chat-distribution:${teamId}`}))`);
    const seats = await queryRows<Candidate>(tx, sql`
      select s.user_id, u.display_name, s.max_concurrent as cap, s.last_assigned_at as last,
        (select count(*)::int from conversations c where c.assignee_id = s.user_id and c.status <> 'resolved') as load
      from chat_agent_states s join users u on u.id = s.user_id
      where u.team_id = ${teamId}::uuid and u.active and s.status = 'online' and not s.supervisor_seat`);
    const free = seats.filter((s) => s.load < s.cap);
    if (!free.length) return [];
    const queued = await queryRows<{ id: string; passed_over: string[]; channel_settings: { reofferAfterSeconds?: number } | null }>(tx, sql`
      select c.id, c.passed_over, ch.settings as channel_settings from conversations c join chat_channels ch on ch.id = c.channel_id
      where c.team_id = ${teamId}::uuid and c.assignee_id is null and c.status = 'open'
      order by c.created_at, c.id limit 100 for update of c skip locked`);
    const out: (Assignment & { reofferAfter: number })[] = [];
    for (const q of queued) {
      const pick = free.filter((s) => s.load < s.cap && !q.passed_over.includes(s.user_id))
        .sort((a, b) => a.load - b.load || (a.last ?? '').localeCompare(b.last ?? ''))[0];
      if (!pick) continue;
      pick.load++;
      pick.last = new Date().toISOString();
      out.push({ conversationId: q.id, assigneeId: pick.user_id, assigneeName: pick.display_name, reofferAfter: q.channel_settings?.reofferAfterSeconds ?? 90 });
    }
    if (!out.length) return [];
    const now = new Date();
    // each table written once for the whole batch
    await tx.execute(sql`
      update conversations c set assignee_id = a.assignee_id, assigned_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(out.map((a) => ({ id: a.conversationId, assignee_id: a.assigneeId })))}::jsonb) as a(id uuid, assignee_id uuid)
      where c.id = a.id`);
    await tx.execute(sql`
      update chat_agent_states s set last_assigned_at = ${now.toISOString()}::timestamptz
      where s.user_id = any(${`{${[...new Set(out.map((a) => a.assigneeId))].join(',')}}`}::uuid[])`);
    await tx.insert(conversationMessages).values(out.map((a) => ({
      id: orderedUuid(now.getTime()), conversationId: a.conversationId, author: 'system', internal: true, body: `系统分配给 ${a.assigneeName}`, createdAt: now,
    })));
    await enqueueMany(tx, out.filter((a) => a.reofferAfter > 0).map((a) => ({
      kind: REOFFER_JOB, payload: { conversationId: a.conversationId, assigneeId: a.assigneeId, assignedAt: now.toISOString() },
      runAt: new Date(now.getTime() + a.reofferAfter * 1000), dedupeKey: `chat-reoffer:${a.conversationId}:${now.getTime()}`,
    })));
    return out.map(({ reofferAfter: _r, ...a }) => a);
  });
}

/**
 * The re-offer timer: if the agent the distributor chose has still not
 * answered, the chat goes back to the queue (noted internally) and on to
 * someone else. Returns the team to distribute again, or null when nothing changed.
 */
export async function reofferIfUnanswered(tx: Tx, p: { conversationId: string; assigneeId: string; assignedAt: string }): Promise<{ teamId: string | null } | null> {
  const [c] = await tx.select().from(conversations).where(eq(conversations.id, p.conversationId)).for('update');
  if (!c || c.assigneeId !== p.assigneeId || c.status !== 'open' || c.assignedAt?.toISOString() !== p.assignedAt) return null;
  const [answered] = await queryRows<{ one: number }>(tx, sql`
    select 1 as one from conversation_messages where conversation_id = ${c.id}::uuid and author = 'agent' and author_id = ${p.assigneeId}::uuid
      and not internal and created_at >= ${p.assignedAt}::timestamptz limit 1`);
  if (answered) return null;
  const now = new Date();
  await tx.update(conversations).set({
    assigneeId: null, assignedAt: null, updatedAt: now, passedOver: sql`array_append(${conversations.passedOver}, ${p.assigneeId}::uuid)`,
  }).where(eq(conversations.id, c.id));
  await tx.insert(conversationMessages).values({
    id: orderedUuid(now.getTime()), conversationId: c.id, author: 'system', internal: true, body: '未及时回复,已重新排队分配', createdAt: now,
  });
  return { teamId: c.teamId };
}

/** An agent's own chat status; the first call makes their seat. */
export async function setMyChatStatus(db: Db, userId: string, status: string): Promise<void> {
  await db.insert(chatAgentStates).values({ userId, status, updatedAt: new Date() })
    .onConflictDoUpdate({ target: chatAgentStates.userId, set: { status, updatedAt: new Date() } });
}

/** A supervisor sets someone's cap or makes the seat a supervisor's (receives no customers). */
export async function setChatSeat(db: Db, userId: string, change: { maxConcurrent?: number; supervisorSeat?: boolean }): Promise<void> {
  await db.insert(chatAgentStates).values({ userId, ...change, updatedAt: new Date() })
    .onConflictDoUpdate({ target: chatAgentStates.userId, set: { ...change, updatedAt: new Date() } });
}
