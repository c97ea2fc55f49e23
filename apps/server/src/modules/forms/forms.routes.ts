import { z } from 'zod';
import { errorBody, formResponse } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError } from '../../platform/errors.ts';
import { currentForms, formFor, saveFormVersion, type StoredForm } from './forms.queries.ts';

const present = (f: StoredForm) => ({ id: f.id, type: f.type, version: f.version, definition: f.definition, createdAt: f.createdAt.toISOString() });

export function formRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/forms', {
    config: { permission: 'form:view' },
    schema: { tags: ['forms'], summary: 'Current form definition of every work-order type', response: { 200: z.object({ items: z.array(formResponse) }) } },
  }, async () => ({ items: [...(await currentForms(db)).values()].map(present) }));

  app.get('/api/v1/forms/:type', {
    config: { permission: 'form:view' },
    schema: { tags: ['forms'], summary: 'The current form definition of a work-order type', params: z.object({ type: z.string().max(32) }), response: { 200: formResponse, 422: errorBody } },
  }, async (req) => present(await formFor(db, req.params.type)));

  app.put('/api/v1/forms/:type', {
    config: { permission: 'form:manage' },
    schema: {
      tags: ['forms'],
      summary: 'Save a new version of a form definition (existing work orders keep theirs)',
      params: z.object({ type: z.string().max(32) }),
      body: z.record(z.string(), z.unknown()),
      response: { 200: formResponse, 422: errorBody },
    },
  }, async (req) => {
    if (req.body.type !== req.params.type) throw new AppError('INVALID_FORM_DEFINITION', { summary: `type ${String(req.body.type)} ≠ ${req.params.type}` });
    return present(await saveFormVersion(db, req.body, principalOf(req).userId));
  });
}
