import { z } from 'zod';
import { errorBody, id } from '@kefu/shared/api';
import { chatAgentState, chatSeatBody, myChatStateBody } from '@kefu/shared/conversations-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError } from '../../platform/errors.ts';
import { setChatSeat, setMyChatStatus } from './chat-distribution.commands.ts';
import { distributeAndAnnounce } from './chat-jobs.ts';
import type { ChatDelivery } from './chat-delivery.ts';
import { chatSeats as seats } from './chat-seats.queries.ts';

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };

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
    delivery.seatsChanged();
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
    delivery.seatsChanged();
    await announce(who.teamId);
    return (await seats(db, req.params.userId))[0];
  });
}
