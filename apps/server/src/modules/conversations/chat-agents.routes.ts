import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { errorBody, id } from '@kefu/shared/api';
import { chatAgentState, chatSeatBody, myChatStateBody, type ChatAgentState } from '@kefu/shared/conversations-api';
import type { App, Deps } from '../../platform/http/types.ts';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError } from '../../platform/errors.ts';
import { setChatSeat, setMyChatStatus } from './chat-distribution.commands.ts';
import { distributeAndAnnounce } from './chat-jobs.ts';
import type { ChatDelivery } from './chat-delivery.ts';

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };

/** Seats of agents who may take chats: their own, or (managers) everyone serving a channel's team or holding a seat. */
async function seats(db: Db, userId?: string): Promise<ChatAgentState[]> {
  const rows = await queryRows<{ user_id: string; display_name: string; team_id: string | null; team_name: string | null; status: string | null; cap: number | null; supervisor_seat: boolean | null; load: number }>(db, sql`
    select u.id as user_id, u.display_name, u.team_id, t.name as team_name, s.status, s.max_concurrent as cap, s.supervisor_seat,
      (select count(*)::int from conversations c where c.assignee_id = u.id and c.status <> 'resolved') as load
    from users u left join teams t on t.id = u.team_id left join chat_agent_states s on s.user_id = u.id
    where u.active and ${userId ? sql`u.id = ${userId}::uuid` : sql`(s.user_id is not null or u.team_id in (select team_id from chat_channels where team_id is not null))`}
    order by t.name nulls last, u.display_name`);
  return rows.map((r) => ({
    userId: r.user_id, displayName: r.display_name, teamId: r.team_id, teamName: r.team_name,
    status: (r.status ?? 'offline') as ChatAgentState['status'], maxConcurrent: r.cap ?? 5, supervisorSeat: r.supervisor_seat ?? false, load: r.load,
  }));
}

/** Chat seats (CHN-09 / CHN-18): an agent's status, and a supervisor's caps and supervisor seats. */
export function chatAgentRoutes(app: App, { db }: Deps, delivery: ChatDelivery): void {
  const announce = (teamId: string | null) => distributeAndAnnounce(db, delivery, teamId);

  app.get('/api/v1/chat-agents/me', {
    config: { permission: 'conversation:work' },
    schema: { tags: ['conversations'], summary: 'My chat status, cap and load', response: { 200: chatAgentState } },
  }, async (req) => (await seats(db, principalOf(req).userId))[0]);

  app.put('/api/v1/chat-agents/me', {
    config: { permission: 'conversation:work' },
    schema: {
      tags: ['conversations'], summary: 'Set my chat status: only `online` receives new chats from the queue',
      body: myChatStateBody, response: { 200: chatAgentState, ...errors },
    },
  }, async (req) => {
    const me = principalOf(req);
    await setMyChatStatus(db, me.userId, req.body.status);
    if (req.body.status === 'online') await announce(me.teamId);
    return (await seats(db, me.userId))[0];
  });

  app.get('/api/v1/chat-agents', {
    config: { permission: 'conversation:manage' },
    schema: { tags: ['conversations'], summary: "Everyone who may take chats, with status, cap and load (the supervisor's seat view)", response: { 200: z.object({ items: z.array(chatAgentState) }) } },
  }, async () => ({ items: await seats(db) }));

  app.patch('/api/v1/chat-agents/:userId', {
    config: { permission: 'conversation:manage' },
    schema: {
      tags: ['conversations'], summary: "Set someone's concurrent-chat cap, or make their seat a supervisor's (receives no customers)",
      params: z.object({ userId: id }), body: chatSeatBody, response: { 200: chatAgentState, ...errors },
    },
  }, async (req) => {
    const [who] = await seats(db, req.params.userId);
    if (!who) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: req.params.userId });
    await setChatSeat(db, req.params.userId, req.body);
    await announce(who.teamId);
    return (await seats(db, req.params.userId))[0];
  });
}
