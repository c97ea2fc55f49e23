import { z } from 'zod';
import { errorBody, id, ticketDetail } from '@kefu/shared/api';
import {
  agentMessageBody, conversationCounts as countsOut, conversationDetail as detailOut, conversationListItem, conversationMessage,
  conversationPatch, conversationQuery, conversationTicketBody,
} from '@kefu/shared/conversations-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/auth/principal.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { createTicket, presentCreatedTicket } from '../intake/intake.commands.ts';
import { addAgentMessage, changeConversation, markReadByAgent, recordTicketMade } from './conversations.commands.ts';
import { conversationCounts, conversationDetail, conversationMessagesOf, listConversations, presentMessage, visibleConversation } from './conversations.queries.ts';
import type { ChatDelivery } from './chat-delivery.ts';
import { distributeAndAnnounce } from './chat-jobs.ts';
import { localStamp, transcriptHtml, transcriptText } from './transcript.ts';
import { addNote } from '../tickets/ticket-notes.commands.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { pdfFont, transcriptPdf } from './transcript-pdf.ts';
import { chatAttachments } from '../../db/schema/index.ts';
import { and, eq } from 'drizzle-orm';
import type { ConversationDetail } from '@kefu/shared/conversations-api';

const work = { permission: 'conversation:work' as const };
const idParams = z.object({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** The unified inbox for agents: conversations of every written channel. */
export function conversationRoutes(app: App, { db, config, unit, clock }: Deps, delivery: ChatDelivery, files: FileStore): void {
  /** the transcript as a PDF, with the photos of the conversation drawn in */
  const pdfOf = (detail: ConversationDetail, withInternal: boolean) => transcriptPdf(detail, {
    timeZone: config.KEFU_TIMEZONE, company: config.KEFU_COMPANY_NAME, withInternal, font: pdfFont(config.KEFU_PDF_FONT),
    image: async (fileId) => {
      const [f] = await db.select().from(chatAttachments).where(and(eq(chatAttachments.id, fileId), eq(chatAttachments.conversationId, detail.id)));
      const bytes = f ? await files.get(f.storageKey) : null;
      return f && bytes ? { contentType: f.contentType, bytes } : null;
    },
  });

  app.get('/api/v1/conversations', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'The inbox: conversations the caller may see, newest activity first',
      description: 'assignee: a user id, `me`, or `none` (the queue). q matches the visitor name, the last message and the customer name (and, with customer:view_pii, an exact phone or e-mail).',
      querystring: conversationQuery, response: { 200: z.object({ items: z.array(conversationListItem), nextCursor: z.string().nullable() }), ...errors },
    },
  }, async (req) => listConversations(db, principalOf(req), req.query));

  app.get('/api/v1/conversations/counts', {
    config: work,
    schema: { tags: ['conversations'], summary: 'Counters of the inbox: mine, the queue, open, pending, unread', response: { 200: countsOut } },
  }, async (req) => conversationCounts(db, principalOf(req), clock.now()));

  app.get('/api/v1/conversations/:id', {
    config: work,
    schema: { tags: ['conversations'], summary: 'A conversation with its latest 200 messages and the work orders made from it', params: idParams, response: { 200: detailOut, ...errors } },
  }, async (req) => conversationDetail(db, principalOf(req), req.params.id));

  app.post('/api/v1/conversations/:id/messages', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'Reply to the visitor (assignee only) or add an internal note (anyone who sees the conversation)',
      params: idParams, body: agentMessageBody, response: { 201: conversationMessage, ...errors },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    const row = await visibleConversation(db, me, req.params.id);
    const message = await addAgentMessage(db, me, row.c, req.body.body, req.body.internal, row.assigneeName, req.body.attachmentIds, clock.now());
    const out = presentMessage(message, me.displayName);
    delivery.agentMessage(row.c, out);
    return reply.status(201).send(out);
  });

  app.post('/api/v1/conversations/:id/read', {
    config: work,
    schema: { tags: ['conversations'], summary: "Mark the visitor's messages read (the assignee's reading shows as 已读 in the widget)", params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const me = principalOf(req);
    const row = await visibleConversation(db, me, req.params.id);
    if (row.c.assigneeId === me.userId) {
      const at = await markReadByAgent(db, row.c);
      delivery.readByAgent(row.c, at);
    }
    return reply.status(204).send(null);
  });

  app.post('/api/v1/conversations/:id/viewing', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'I have this conversation open (say it again every 15 s); answers the colleagues who have it open too',
      params: idParams, response: { 200: z.object({ viewers: z.array(z.object({ id, name: z.string() })) }), ...errors },
    },
  }, async (req) => {
    const me = principalOf(req);
    await visibleConversation(db, me, req.params.id);
    const others = delivery.viewers.look(req.params.id, me.userId, me.displayName);
    delivery.viewing(req.params.id, { id: me.userId, name: me.displayName }, others);
    return { viewers: others };
  });

  app.delete('/api/v1/conversations/:id/viewing', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'I closed this conversation: the colleagues who have it open stop seeing me at once (else after 30 s)',
      params: idParams, response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    await visibleConversation(db, me, req.params.id);
    const others = delivery.viewers.leave(req.params.id, me.userId, me.displayName);
    delivery.viewing(req.params.id, { id: me.userId, name: me.displayName }, others, true);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/conversations/:id/typing', {
    config: work,
    schema: { tags: ['conversations'], summary: 'The assignee is typing (shown in the widget for a few seconds)', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const me = principalOf(req);
    const row = await visibleConversation(db, me, req.params.id);
    if (row.c.assigneeId === me.userId) delivery.typing(row.c, 'agent');
    return reply.status(204).send(null);
  });

  app.patch('/api/v1/conversations/:id', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'Status, assignment (take from the queue; transfer with a note), team, customer, tags',
      description: 'Taking a queued conversation (assigneeId = yourself) needs only conversation:work; taking one from a colleague, giving one away or moving it to another team needs conversation:manage or being its assignee.',
      params: idParams, body: conversationPatch, response: { 200: detailOut, ...errors },
    },
  }, async (req) => {
    const me = principalOf(req);
    const row = await visibleConversation(db, me, req.params.id);
    const dir = await orgDirectory(db, db);
    if (req.body.customerId) requirePermission(me, 'customer:view');
    const { conversation, note } = await changeConversation(db, me, row.c, req.body, {
      user: (u) => (dir.isActive(u) ? dir.users.get(u)?.displayName ?? null : null),
      team: (t) => dir.teams.get(t)?.name ?? null,
    });
    if (note) delivery.note(conversation, presentMessage(note, me.displayName));
    delivery.updated(conversation, row.c.assigneeId, me.userId);
    // a seat freed or a chat came back to a queue: give the queue out again
    const teams = new Set([row.c.teamId, conversation.teamId]);
    if (conversation.status === 'resolved' || conversation.assigneeId !== row.c.assigneeId || conversation.teamId !== row.c.teamId) {
      for (const team of teams) await distributeAndAnnounce(db, delivery, team);
    }
    return conversationDetail(db, me, req.params.id).catch((e) => {
      // handed to someone outside the caller's view: the change stands, the caller just cannot read it any more
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('FORBIDDEN', { permission: 'conversation:manage' });
      throw e;
    });
  });

  app.post('/api/v1/conversations/:id/tickets', {
    config: { permission: 'ticket:create' },
    schema: {
      tags: ['conversations'], summary: 'Make a work order (工单) from the conversation, for its customer (or the visitor by name and phone)',
      params: idParams, body: conversationTicketBody, response: { 201: ticketDetail, ...errors },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    requirePermission(me, 'conversation:work');
    const row = await visibleConversation(db, me, req.params.id);
    const c = row.c;
    const customer = c.customerId ? { id: c.customerId }
      : c.visitorName && c.visitorPhone ? { name: c.visitorName, phone: c.visitorPhone } : null;
    if (!customer) throw new AppError('CUSTOMER_REQUIRED');
    const created = await createTicket(db, me, {
      type: req.body.type, channel: c.kind === 'chat' ? 'chat' : 'web', customer, fields: req.body.fields, priority: req.body.priority,
    }, requestLocale(req), config.KEFU_TIMEZONE);
    const message = await recordTicketMade(db, me, c, { id: created.id, number: created.number }, created.customer.id);
    delivery.note(c, presentMessage(message, me.displayName, created.number));
    return reply.status(201).send(presentCreatedTicket(created, me, await orgDirectory(db, db)));
  });

  app.get('/api/v1/conversations/:id/transcript', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'The conversation as a PDF (format=pdf) or a printable HTML document, for disputes and reviews',
      params: idParams, querystring: z.object({ internal: z.enum(['true', 'false']).default('false'), format: z.enum(['html', 'pdf']).default('html') }),
    },
  }, async (req, reply) => {
    const detail = await conversationDetail(db, principalOf(req), req.params.id);
    if (req.query.format === 'pdf') {
      return reply.type('application/pdf')
        .header('content-disposition', `attachment; filename="transcript-${req.params.id}.pdf"`)
        .send(await pdfOf(detail, req.query.internal === 'true'));
    }
    return reply.type('text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="transcript-${req.params.id}.html"`)
      .send(transcriptHtml(detail, config.KEFU_TIMEZONE, req.query.internal === 'true'));
  });

  app.post('/api/v1/conversations/:id/evidence', {
    config: work,
    schema: {
      tags: ['conversations'], summary: "Keep the chat on a work order as confirmation evidence (AUD-06): a note with the transcript's text and its PDF",
      description: 'The PDF is the note\'s file (GET /api/v1/tickets/:id/notes/:noteId/file), readable by whoever may see the work order.',
      params: idParams, body: z.object({ ticketId: id }).strict(), response: { 201: z.object({ noteId: id }), ...errors },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    requirePermission(me, 'ticket:note');
    const detail = await conversationDetail(db, me, req.params.id);
    const pdf = await pdfOf(detail, false);
    const { key, sha256 } = await files.put(pdf);
    const file = { fileName: `聊天记录-${localStamp(detail.createdAt, config.KEFU_TIMEZONE).slice(0, 10)}-${detail.id.slice(0, 8)}.pdf`, contentType: 'application/pdf', size: pdf.length, sha256, storageKey: key };
    const note = await addNote(unit, me, req.body.ticketId, transcriptText(detail, config.KEFU_TIMEZONE), file).catch(async (e) => {
      await files.remove(key); // no note, no file
      throw e;
    });
    return reply.status(201).send({ noteId: note.id });
  });

  app.get('/api/v1/conversations/:id/messages', {
    config: work,
    schema: {
      tags: ['conversations'], summary: 'Older messages of a conversation (200 before the given message id)',
      params: idParams, querystring: z.object({ before: id }), response: { 200: z.object({ items: z.array(conversationMessage), moreBefore: z.boolean() }), ...errors },
    },
  }, async (req) => {
    const me = principalOf(req);
    await visibleConversation(db, me, req.params.id);
    const { messages, more } = await conversationMessagesOf(db, req.params.id, { before: req.query.before });
    return { items: messages, moreBefore: more };
  });
}
