import { z } from 'zod';
import { customer, customerCreateBody, customerQuery, customerUpdateBody, errorBody, id, page } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { notFound } from '../../platform/errors.ts';
import { can } from '../../platform/auth/principal.ts';
import { customerWithOwnerById, presentCustomer, recordPiiView } from './customers.queries.ts';
import { createCustomer, findDuplicates } from './create-customer.ts';
import { updateCustomer } from './update-customer.ts';
import { duplicatesFor, findCustomers } from './find-customers.ts';

const idParams = z.object({ id });

export function customerRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/customers', {
    config: { permission: 'customer:view' },
    schema: {
      tags: ['customers'],
      summary: 'Find customers by phone (full or last 4+ digits), name or address fragment; without customer:view_pii by name only (a phone query is refused)',
      querystring: customerQuery,
      response: { 200: page(customer), 400: errorBody, 403: errorBody },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const { items, nextCursor } = await findCustomers(db, req.query.q, req.query.limit, req.query.cursor, can(viewer, 'customer:view_pii'), req.query.tier);
    const dups = await duplicatesFor(db, items);
    return { items: items.map((r) => presentCustomer(r, viewer, dups.get(r.id))), nextCursor };
  });

  app.post('/api/v1/customers', {
    config: { permission: 'customer:create' },
    schema: {
      tags: ['customers'],
      summary: 'Create a customer; duplicateOf lists others with the same phone',
      body: customerCreateBody,
      response: { 201: customer, 400: errorBody, 422: errorBody },
    },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    const { row, duplicateOf } = await createCustomer(db, req.body, viewer.userId);
    return reply.status(201).send(presentCustomer(row, viewer, duplicateOf));
  });

  app.get('/api/v1/customers/:id', {
    config: { permission: 'customer:view' },
    schema: { tags: ['customers'], summary: 'One customer', params: idParams, response: { 200: customer, 404: errorBody } },
  }, async (req) => {
    const viewer = principalOf(req);
    const row = await customerWithOwnerById(db, req.params.id);
    if (!row) throw notFound('customer');
    await recordPiiView(db, viewer, row.id, 'customer.detail');
    return presentCustomer(row, viewer, await findDuplicates(db, row.phone, row.id));
  });

  app.patch('/api/v1/customers/:id', {
    config: { permission: 'customer:update' },
    schema: { tags: ['customers'], summary: 'Update a customer', params: idParams, body: customerUpdateBody, response: { 200: customer, 404: errorBody, 422: errorBody } },
  }, async (req) => {
    const { row, duplicateOf } = await updateCustomer(db, req.params.id, req.body);
    return presentCustomer(row, principalOf(req), duplicateOf);
  });
}
