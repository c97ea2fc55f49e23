import path from 'node:path';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { id } from '@kefu/shared/api';
import { CERTIFICATE_TYPES, phoneConfirmationBody, rejectBody, TRANSFER_STATUSES, transferRequest, transferRequestBody } from '@kefu/shared/renewals-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import {
  approveTransfer, attachCertificate, certificateOf, createTransferRequest, listTransferRequests, recordPhoneConfirmation, rejectTransfer, transferRequestById,
} from './transfer-requests.ts';
import { errors } from './renewals.routes.ts';

const view = { permission: 'renewal:view' as const };
const manage = { permission: 'renewal:manage' as const };
const approve = { permission: 'renewal:approve_transfer' as const };
const tags = ['renewals'];
const params = z.object({ id });

/** A file name as stored and shown: no directories, no control characters. */
function cleanName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'certificate';
}

/** Transfer requests (域名转出, CUS-10): certificate, phone confirmation, then approve or reject. */
export function transferRequestRoutes(app: App, { db, config }: Deps, store: FileStore): void {
  const maxBytes = Math.round(config.KEFU_UPLOAD_MAX_MB * 1024 * 1024);
  const one = (req: Parameters<typeof principalOf>[0], requestId: string) => transferRequestById(db, principalOf(req), requestId);

  app.get('/api/v1/transfer-requests', {
    config: view,
    schema: {
      tags, summary: 'Transfer requests, newest first (managers and approvers: all; owners: their services\')',
      querystring: z.object({ status: z.enum(TRANSFER_STATUSES).optional(), serviceId: id.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(transferRequest) }), ...errors },
    },
  }, async (req) => ({ items: await listTransferRequests(db, principalOf(req), req.query) }));

  app.post('/api/v1/customer-services/:id/transfer-requests', {
    config: manage,
    schema: { tags, summary: 'Open a transfer request for a service (one pending at a time)', params, body: transferRequestBody, response: { 201: transferRequest, ...errors } },
  }, async (req, reply) => {
    const requestId = await createTransferRequest(db, principalOf(req), req.params.id, req.body);
    return reply.status(201).send(await one(req, requestId));
  });

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser([...CERTIFICATE_TYPES], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/transfer-requests/:id/certificate', {
      config: manage,
      schema: {
        tags, summary: 'Upload the company certificate signed by the customer\'s general manager (raw bytes with the file\'s content type; ?name=)',
        description: `Types: ${CERTIFICATE_TYPES.join(', ')}; at most KEFU_UPLOAD_MAX_MB. A new upload replaces the earlier file.`,
        params, querystring: z.object({ name: z.string().trim().min(1).max(120) }),
        response: { 200: transferRequest, ...errors, 413: errors[400], 415: errors[400] },
      },
    }, async (req) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!Buffer.isBuffer(req.body) || !(CERTIFICATE_TYPES as readonly string[]).includes(type)) throw new AppError('UNSUPPORTED_FILE');
      if (!req.body.length) throw new AppError('VALIDATION_FAILED', { summary: 'empty file' });
      await one(req, req.params.id);
      const { key, sha256 } = await store.put(req.body);
      let replaced: string | null;
      try {
        replaced = await attachCertificate(db, principalOf(req), req.params.id, { name: cleanName(req.query.name), type, size: req.body.length, sha256, key });
      } catch (err) {
        // not kept: the bytes would be nobody's
        await store.remove(key);
        throw err;
      }
      if (replaced) await store.remove(replaced);
      return one(req, req.params.id);
    });
  });

  app.get('/api/v1/transfer-requests/:id/certificate', {
    config: view,
    schema: { tags, summary: 'The signed certificate of a transfer request', params },
  }, async (req, reply) => {
    const file = await certificateOf(db, principalOf(req), req.params.id);
    const bytes = await store.get(file.key);
    if (!bytes) throw notFound('attachment');
    return reply.type(file.type)
      .header('content-disposition', `${file.type.startsWith('image/') || file.type === 'application/pdf' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .send(bytes);
  });

  app.post('/api/v1/transfer-requests/:id/phone-confirmation', {
    config: manage,
    schema: {
      tags, summary: 'Record the CS phone confirmation: the number called, when, the outcome (confirmed / refused / unreachable) and a note; the caller is the one recording',
      params, body: phoneConfirmationBody, response: { 200: transferRequest, ...errors },
    },
  }, async (req) => {
    await recordPhoneConfirmation(db, principalOf(req), req.params.id, req.body);
    return one(req, req.params.id);
  });

  app.post('/api/v1/transfer-requests/:id/approve', {
    config: approve,
    schema: {
      tags, summary: 'Approve the transfer: refused (409 TRANSFER_NOT_READY, naming what is missing) without the signed certificate and a confirmed phone call; the service becomes transferred',
      params, response: { 200: transferRequest, ...errors },
    },
  }, async (req) => {
    await approveTransfer(db, principalOf(req), req.params.id);
    return one(req, req.params.id);
  });

  app.post('/api/v1/transfer-requests/:id/reject', {
    config: approve,
    schema: { tags, summary: 'Reject the transfer, with the reason', params, body: rejectBody, response: { 200: transferRequest, ...errors } },
  }, async (req) => {
    await rejectTransfer(db, principalOf(req), req.params.id, req.body.reason);
    return one(req, req.params.id);
  });
}
