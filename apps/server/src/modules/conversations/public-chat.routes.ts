import { z } from 'zod';
import { errorBody, id } from '@kefu/shared/api';
import {
  publicChannel, ratingBody, startConversationBody, startedConversation, visitorConversation, visitorMessage, visitorMessageBody,
} from '@kefu/shared/conversations-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addVisitorMessage, channelSettings, conversationForVisitor, endByVisitor, markReadByVisitor, rateConversation, startConversation,
} from './conversations.commands.ts';
import { channelByKey, channelNameOf, chatAgentsOf, conversationMessagesOf, presentMessage, queuePosition, userNameOf } from './conversations.queries.ts';
import { forVisitor, type ChatDelivery } from './chat-delivery.ts';
import { WindowLimit } from './window-limit.ts';
import { storeVisitorText } from './visitor-message.statement.ts';
import { distributeAndAnnounce } from './chat-jobs.ts';

const open = { public: true, crossOrigin: true };
const idParams = z.object({ id });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, 429: errorBody };
const bearer = (auth: string | undefined) => (auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined);

/**
 * The public chat API (公开聊天接口) the widget uses from a shop's or the
 * company's site. A visitor is whoever holds the token answered when the
 * conversation started; the token opens that conversation and no other.
 */
export function publicChatRoutes(app: App, { db, config, clock }: Deps, delivery: ChatDelivery): void {
  // a page may open a few conversations, not hundreds; a chat runs at human speed
  const starts = new WindowLimit(config.KEFU_CHAT_START_LIMIT, 10 * 60_000);
  const sends = new WindowLimit(config.KEFU_CHAT_MESSAGE_LIMIT, 60_000);
  const pingMs = config.KEFU_CHAT_PING_MS;
  const heartbeat = setInterval(() => delivery.visitors.beat(pingMs), pingMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get('/api/v1/public/chat/channels/:key', {
    config: open,
    schema: {
      tags: ['public chat'], summary: "A channel's widget settings: pre-chat form, greeting, and whether someone is online",
      params: z.object({ key: z.string().max(40) }), response: { 200: publicChannel, ...errors },
    },
  }, async (req) => {
    const ch = await channelByKey(db, req.params.key);
    return { key: ch.key, name: ch.name, kind: ch.kind as 'chat', settings: channelSettings(ch.settings), online: delivery.anyoneOnline(await chatAgentsOf(db, ch.teamId)),
      uploads: { maxBytes: Math.round(config.KEFU_UPLOAD_MAX_MB * 1024 * 1024), types: config.KEFU_UPLOAD_TYPES },
    };
  });

  app.post('/api/v1/public/chat/conversations', {
    config: open,
    schema: {
      tags: ['public chat'], summary: 'Start a conversation with a first message; answers the visitor token for the calls that follow',
      description: 'Send the token as `Authorization: Bearer <visitorToken>` on the conversation\'s other calls, and in the `auth` message of the live connection (GET /api/v1/public/chat/live). Keep it: it is shown once.',
      body: startConversationBody, response: { 200: startedConversation, 201: startedConversation, ...errors },
    },
  }, async (req, reply) => {
    if (!starts.take(req.ip)) throw new AppError('RATE_LIMITED');
    const ch = await channelByKey(db, req.body.channel);
    const someoneOnline = delivery.anyoneOnline(await chatAgentsOf(db, ch.teamId));
    const { channel: _key, ...given } = req.body;
    const { conversation, token, messages, again } = await startConversation(db, { ...given, channel: ch, someoneOnline, now: clock.now() });
    // the same start again (its answer was lost): the same conversation and token, nothing new to tell anyone
    if (again) return reply.status(200).send({ conversationId: conversation.id, visitorToken: token });
    for (const m of messages) {
      const out = presentMessage(m, null);
      if (m.author === 'visitor') delivery.visitorMessage(conversation, out);
      else delivery.agentMessage(conversation, out);
    }
    await distributeAndAnnounce(db, delivery, conversation.teamId);
    return reply.status(201).send({ conversationId: conversation.id, visitorToken: token });
  });

  app.get('/api/v1/public/chat/conversations/:id', {
    config: open,
    schema: { tags: ['public chat'], summary: 'The conversation as the visitor sees it (no internal notes)', params: idParams, response: { 200: visitorConversation, ...errors } },
  }, async (req) => {
    const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
    const { messages } = await conversationMessagesOf(db, c.id, { visitor: true });
    const [channel, agentName] = await Promise.all([channelNameOf(db, c.channelId), c.assigneeId ? userNameOf(db, c.assigneeId) : null]);
    return {
      id: c.id, status: c.status as 'open', channelName: channel, agentName,
      agentReadUpTo: c.agentReadAt?.toISOString() ?? null, rating: c.rating, queuePosition: await queuePosition(db, c), messages: messages.map(forVisitor),
    };
  });

  app.get('/api/v1/public/chat/conversations/:id/messages', {
    config: open,
    schema: {
      tags: ['public chat'], summary: 'Messages the visitor may see, oldest first; `after` (a message id) gives only newer ones (catching up after a reconnect)',
      params: idParams, querystring: z.object({ after: id.optional() }), response: { 200: z.object({ items: z.array(visitorMessage) }), ...errors },
    },
  }, async (req) => {
    const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
    const { messages } = await conversationMessagesOf(db, c.id, { visitor: true });
    const after = req.query.after;
    return { items: messages.filter((m) => !after || m.id > after).map(forVisitor) };
  });

  app.post('/api/v1/public/chat/conversations/:id/messages', {
    config: open,
    schema: {
      tags: ['public chat'], summary: 'Send a message; stored before it is answered. The same clientId again is stored once (the answer is then 200)',
      params: idParams, body: visitorMessageBody, response: { 200: visitorMessage, 201: visitorMessage, ...errors },
    },
  }, async (req, reply) => {
    const token = bearer(req.headers.authorization);
    // per conversation and token: requests with a wrong token cannot use up the visitor's allowance
    if (!sends.take(`${req.params.id}:${(token ?? '').slice(0, 16)}`)) throw new AppError('RATE_LIMITED');
    const { body, clientId, attachmentIds } = req.body;
    // text alone: one statement (token check, insert, counters); with files the transaction that claims them
    const { conversation: c, message, duplicate, reopened } = attachmentIds.length
      ? await conversationForVisitor(db, req.params.id, token).then(async (c) => ({ conversation: c, ...(await addVisitorMessage(db, c, body, clientId, attachmentIds)) }))
      : await storeVisitorText(db, req.params.id, token, body, clientId);
    const out = presentMessage(message, null);
    if (!duplicate) {
      delivery.visitorMessage(c, out);
      if (reopened) delivery.updated({ ...c, status: 'open' }, c.assigneeId);
    }
    return reply.status(duplicate ? 200 : 201).send(forVisitor(out));
  });

  app.post('/api/v1/public/chat/conversations/:id/read', {
    config: open,
    schema: { tags: ['public chat'], summary: "The visitor has seen the agent's messages", params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
    delivery.readByVisitor(c, await markReadByVisitor(db, c));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/public/chat/conversations/:id/end', {
    config: open,
    schema: {
      tags: ['public chat'], summary: 'The visitor ends the chat (结束会话): resolved, marked as ended by the visitor, the agent is told; again changes nothing',
      params: idParams, response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
    const ended = await endByVisitor(db, c);
    if (ended) {
      delivery.agentMessage(ended.conversation, presentMessage(ended.message, null));
      delivery.updated(ended.conversation, c.assigneeId);
      // a seat is free: the queue goes out again
      await distributeAndAnnounce(db, delivery, ended.conversation.teamId);
    }
    return reply.status(204).send(null);
  });

  app.post('/api/v1/public/chat/conversations/:id/rating', {
    config: open,
    schema: { tags: ['public chat'], summary: "Rate the chat on the channel's scale (settings.ratingScale: 2, 3 or 5 points, as satisfaction surveys) with an optional comment", params: idParams, body: ratingBody, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
    await rateConversation(db, c, req.body.rating, req.body.comment);
    delivery.updated(c, c.assigneeId);
    return reply.status(204).send(null);
  });

  // The widget's live connection. Browsers cannot set headers on a WebSocket,
  // so the first message proves the visitor: {type:'auth', conversationId, token}.
  app.get('/api/v1/public/chat/live', {
    websocket: true, config: open,
    schema: { tags: ['public chat'], summary: "WebSocket: the visitor's live feed (messages, typing, read, status); first send {type:'auth', conversationId, token}" },
  }, (socket) => {
    let conversation: Awaited<ReturnType<typeof conversationForVisitor>> | null = null;
    let remove: (() => void) | null = null;
    let token = '';
    const close = () => remove?.();
    socket.on('close', close);
    socket.on('error', close);
    socket.on('message', (raw: Buffer) => {
      let msg: { type?: string; conversationId?: string; token?: string };
      try {
        msg = JSON.parse(raw.toString('utf8').slice(0, 2000));
      } catch {
        return;
      }
      delivery.visitors.alive(socket);
      if (msg.type === 'auth' && !conversation && typeof msg.conversationId === 'string' && typeof msg.token === 'string' && id.safeParse(msg.conversationId).success) {
        conversationForVisitor(db, msg.conversationId, msg.token).then((c) => {
          conversation = c;
          token = msg.token!;
          remove = delivery.visitors.add(c.id, socket);
          // pingMs: the widget reconnects when it hears nothing for longer than that allows
          socket.send(JSON.stringify({ type: 'ready', conversationId: c.id, pingMs }));
        }, () => {
          socket.send(JSON.stringify({ type: 'error', code: 'NOT_FOUND' }));
          socket.close(4404, 'not found');
        });
      } else if (msg.type === 'typing' && conversation) {
        // read again: the conversation may have been transferred since the connection opened
        conversationForVisitor(db, conversation.id, (msg.token ?? token) as string).then((c) => delivery.typing(c, 'visitor'), () => {});
      }
    });
  });
}
