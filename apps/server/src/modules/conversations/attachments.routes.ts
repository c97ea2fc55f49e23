import path from 'node:path';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { errorBody, id } from '@kefu/shared/api';
import { ATTACHMENT_TYPES, chatAttachment } from '@kefu/shared/conversations-api';
import type { App, Deps } from '../../platform/http/types.ts';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { chatAttachments } from '../../db/schema/index.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { conversationForVisitor, recordAttachment } from './conversations.commands.ts';
import { visibleConversation } from './conversations.queries.ts';

const errors = { 400: errorBody, 404: errorBody, 413: errorBody, 415: errorBody, 422: errorBody };
const upload = { params: z.object({ id }), querystring: z.object({ name: z.string().trim().min(1).max(120) }) };
const download = z.object({ id, attachmentId: id });
const bearer = (auth: string | undefined) => (auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined);

/** A file name as stored and shown: no directories, no control characters. */
function cleanName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return base || 'file';
}

/**
 * Images and files in conversations (customers send photos of what went
 * wrong): uploaded as the raw bytes with the file's content type, stored by
 * Kefu before the upload is answered, then named by a message. Visitors reach
 * only their conversation's files (with their token), agents those of
 * conversations they may see.
 */
export function attachmentRoutes(app: App, { db, config }: Deps, store: FileStore): void {
  const maxBytes = Math.round(config.KEFU_UPLOAD_MAX_MB * 1024 * 1024);

  const keep = async (conversation: Parameters<typeof recordAttachment>[1], by: 'visitor' | 'agent', body: unknown, contentType: string | undefined, name: string) => {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!Buffer.isBuffer(body) || !(config.KEFU_UPLOAD_TYPES as string[]).includes(type)) throw new AppError('UNSUPPORTED_FILE');
    if (!body.length) throw new AppError('VALIDATION_FAILED', { summary: 'empty file' });
    const { key, sha256 } = await store.put(body);
    return recordAttachment(db, conversation, by, { fileName: cleanName(name), contentType: type, size: body.length, sha256, storageKey: key });
  };

  const send = async (reply: FastifyReply, row: typeof chatAttachments.$inferSelect | undefined) => {
    if (!row) throw notFound('attachment');
    const bytes = await store.get(row.storageKey);
    if (!bytes) throw notFound('attachment');
    const inline = row.contentType.startsWith('image/');
    return reply.type(row.contentType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
      .header('cache-control', 'private, max-age=86400')
      .send(bytes);
  };
  const attachmentOf = async (conversationId: string, attachmentId: string) =>
    (await db.select().from(chatAttachments).where(and(eq(chatAttachments.id, attachmentId), eq(chatAttachments.conversationId, conversationId))))[0];

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // the raw bytes of a file, for these routes only
    scope.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));

    scope.post('/api/v1/public/chat/conversations/:id/attachments', {
      config: { public: true, crossOrigin: true, uploadMaxMb: config.KEFU_UPLOAD_MAX_MB },
      schema: {
        tags: ['public chat'], summary: "Upload an image or PDF for the visitor's next message (raw bytes, the file's content type; ?name=)",
        description: `Types: KEFU_UPLOAD_TYPES (default ${ATTACHMENT_TYPES.join(', ')}); at most KEFU_UPLOAD_MAX_MB (default 10 MB): larger answers 413, other types 415. Then send a message with attachmentIds.`,
        ...upload, response: { 201: chatAttachment, ...errors },
      },
    }, async (req, reply) => {
      const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
      return reply.status(201).send(await keep(c, 'visitor', req.body, req.headers['content-type'], req.query.name));
    });

    scope.post('/api/v1/conversations/:id/attachments', {
      config: { permission: 'conversation:work', uploadMaxMb: config.KEFU_UPLOAD_MAX_MB },
      schema: {
        tags: ['conversations'], summary: "Upload an image or PDF for my next message in the conversation (raw bytes, the file's content type; ?name=)",
        ...upload, response: { 201: chatAttachment, ...errors },
      },
    }, async (req, reply) => {
      const row = await visibleConversation(db, principalOf(req), req.params.id);
      return reply.status(201).send(await keep(row.c, 'agent', req.body, req.headers['content-type'], req.query.name));
    });
  });

  app.get('/api/v1/public/chat/conversations/:id/attachments/:attachmentId', {
    config: { public: true, crossOrigin: true },
    schema: { tags: ['public chat'], summary: 'A file of the conversation (Authorization: Bearer <visitorToken>)', params: download },
  }, async (req, reply) => {
    const c = await conversationForVisitor(db, req.params.id, bearer(req.headers.authorization));
    return send(reply, await attachmentOf(c.id, req.params.attachmentId));
  });

  app.get('/api/v1/conversations/:id/attachments/:attachmentId', {
    config: { permission: 'conversation:work' },
    schema: { tags: ['conversations'], summary: 'A file of the conversation', params: download },
  }, async (req, reply) => {
    const row = await visibleConversation(db, principalOf(req), req.params.id);
    return send(reply, await attachmentOf(row.c.id, req.params.attachmentId));
  });
}
