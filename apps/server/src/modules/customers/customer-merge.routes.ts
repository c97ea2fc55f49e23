import { z } from 'zod';
import { customer, errorBody, id, page } from '@kefu/shared/api';
import { customerMerge, duplicateGroup, duplicateQuery, mergeBody } from '@kefu/shared/customer-archive-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError } from '../../platform/errors.ts';
import { can } from '../../platform/auth/principal.ts';
import { customerWithOwnerById, presentCustomer } from './customers.queries.ts';
import { mergeCustomer, mergesOf, undoMerge } from './customer-merge.ts';
import { duplicateGroups } from './customer-duplicates.ts';

const idParams = z.object({ id });
const manage = { permission: 'customer:manage' as const };

export function customerMergeRoutes(app: App, { db, config }: Deps): void {
  const tz = config.KEFU_TIMEZONE;

  app.get('/api/v1/customers/duplicates', {
    config: manage,
    schema: {
      tags: ['customers'],
      summary: 'Groups of customers sharing a phone or an e-mail (likely duplicates to merge); needs customer:view_pii as well',
      querystring: duplicateQuery,
      response: { 200: page(duplicateGroup), 403: errorBody },
    },
  }, async (req) => {
    // the groups are keyed by the phone or e-mail itself
    if (!can(principalOf(req), 'customer:view_pii')) throw new AppError('PII_SEARCH_FORBIDDEN');
    return duplicateGroups(db, req.query.by, req.query.limit, req.query.cursor);
  });

  app.post('/api/v1/customers/:id/merge', {
    config: manage,
    schema: {
      tags: ['customers'],
      summary: 'Merge this customer (a duplicate) into intoId: its work orders, calls, chats and callbacks show under the survivor; undo with …/merge/undo',
      params: idParams,
      body: mergeBody,
      response: { 200: customerMerge, 404: errorBody, 409: errorBody, 422: errorBody },
    },
  }, async (req) => {
    const mergeId = await mergeCustomer(db, req.params.id, req.body.intoId, principalOf(req).userId, tz);
    const list = await mergesOf(db, req.params.id);
    return list.find((m) => m.id === mergeId)!;
  });

  app.post('/api/v1/customers/:id/merge/undo', {
    config: manage,
    schema: {
      tags: ['customers'],
      summary: 'Undo the last merge of this customer: it stands on its own again with its links; the survivor\'s filled fields are put back',
      params: idParams,
      response: { 200: customer, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    await undoMerge(db, req.params.id, principalOf(req).userId, tz);
    return presentCustomer((await customerWithOwnerById(db, req.params.id))!, principalOf(req));
  });

  app.get('/api/v1/customers/:id/merges', {
    config: { permission: 'customer:view' },
    schema: {
      tags: ['customers'],
      summary: 'The merges this customer took part in, as survivor or duplicate, newest first',
      params: idParams,
      response: { 200: z.object({ items: z.array(customerMerge) }) },
    },
  }, async (req) => ({ items: await mergesOf(db, req.params.id) }));
}
