import path from 'node:path';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { id } from '@kefu/shared/api';
import { KB_ATTACHMENT_TYPES, kbAttachment } from '@kefu/shared/knowledge-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { can } from '../../platform/auth/principal.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { kbArticles, kbAttachments } from '../../db/schema/index.ts';
import { articleAttachments, isReadable } from './knowledge.queries.ts';
import { errors, idParams } from './route-parts.ts';

const edit = { permission: 'kb:edit' as const };
const fileParams = z.object({ id, attachmentId: id });

/** A file name as stored and shown: no directories, no control characters. */
function cleanName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'file';
}

/**
 * Files of knowledge-base articles (price lists, forms, photos of the right
 * packaging): uploaded as raw bytes by editors, read by every agent who may
 * read the article, removed by editors.
 */
export function kbAttachmentRoutes(app: App, { db, config }: Deps, store: FileStore): void {
  const maxBytes = Math.round(config.KEFU_UPLOAD_MAX_MB * 1024 * 1024);
  const articleExists = async (articleId: string) => {
    const [a] = await db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.id, articleId));
    if (!a) throw notFound('kbArticle');
  };

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser([...KB_ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/kb/articles/:id/attachments', {
      config: edit,
      schema: {
        tags: ['knowledge'], summary: 'Attach a file to an article (raw bytes with the file\'s content type; ?name=)',
        description: `Types: ${KB_ATTACHMENT_TYPES.join(', ')}; at most KEFU_UPLOAD_MAX_MB.`,
        params: idParams, querystring: z.object({ name: z.string().trim().min(1).max(120) }),
        response: { 201: z.object({ items: z.array(kbAttachment) }), ...errors, 413: errors[400], 415: errors[400] },
      },
    }, async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!Buffer.isBuffer(req.body) || !(KB_ATTACHMENT_TYPES as readonly string[]).includes(type)) throw new AppError('UNSUPPORTED_FILE');
      if (!req.body.length) throw new AppError('VALIDATION_FAILED', { summary: 'empty file' });
      await articleExists(req.params.id);
      const { key, sha256 } = await store.put(req.body);
      await db.insert(kbAttachments).values({
        articleId: req.params.id, fileName: cleanName(req.query.name), contentType: type, size: req.body.length, sha256, storageKey: key, uploadedById: principalOf(req).userId,
      });
      return reply.status(201).send({ items: await articleAttachments(db, req.params.id) });
    });
  });

  app.get('/api/v1/kb/articles/:id/attachments/:attachmentId', {
    schema: { tags: ['knowledge'], summary: 'A file of an article (for readers while the article is readable; editors always)', params: fileParams },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    const editor = can(viewer, 'kb:edit') || can(viewer, 'kb:publish');
    if (!editor && !(await isReadable(db, req.params.id))) throw notFound('attachment');
    const [row] = await db.select().from(kbAttachments).where(and(eq(kbAttachments.id, req.params.attachmentId), eq(kbAttachments.articleId, req.params.id)));
    if (!row) throw notFound('attachment');
    const bytes = await store.get(row.storageKey);
    if (!bytes) throw notFound('attachment');
    return reply.type(row.contentType)
      .header('content-disposition', `${row.contentType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
      .header('cache-control', 'private, max-age=86400')
      .send(bytes);
  });

  app.delete('/api/v1/kb/articles/:id/attachments/:attachmentId', {
    config: edit,
    schema: { tags: ['knowledge'], summary: 'Remove a file from an article', params: fileParams, response: { 200: z.object({ items: z.array(kbAttachment) }), ...errors } },
  }, async (req) => {
    const [row] = await db.delete(kbAttachments).where(and(eq(kbAttachments.id, req.params.attachmentId), eq(kbAttachments.articleId, req.params.id))).returning();
    if (!row) throw notFound('attachment');
    await store.remove(row.storageKey);
    return { items: await articleAttachments(db, req.params.id) };
  });
}
