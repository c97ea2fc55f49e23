import { z } from 'zod';
import { id } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { noteFile } from './ticket-notes.ts';

/** The file a note carries (a chat transcript PDF kept as evidence, AUD-06), for whoever may see the work order. */
export function ticketNoteFileRoutes(app: App, { db }: Deps, store: FileStore): void {
  app.get('/api/v1/tickets/:id/notes/:noteId/file', {
    config: { permission: 'ticket:view' },
    schema: { tags: ['tickets'], summary: "A note's file (a chat transcript PDF kept as evidence)", params: z.object({ id, noteId: id }) },
  }, async (req, reply) => {
    const f = await noteFile(db, principalOf(req), req.params.id, req.params.noteId);
    const bytes = await store.get(f.storageKey);
    if (!bytes) throw notFound('note');
    return reply.type(f.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'private, max-age=86400')
      .send(bytes);
  });
}
