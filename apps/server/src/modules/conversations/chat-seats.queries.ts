import { sql } from 'drizzle-orm';
import type { ChatAgentState } from '@kefu/shared/conversations-api';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';

/** Seats of agents who may take chats: one person's, or everyone serving a channel's team or holding a seat, with their load. */
export async function chatSeats(db: Tx, userId?: string): Promise<ChatAgentState[]> {
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
