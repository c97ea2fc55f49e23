import { z } from 'zod';
import { id, page } from '@kefu/shared/api';
import {
  customerService, customerServiceBody, customerServiceDetail, customerServicePatch, nonRenewalBody, renewBody, renewalsQuery,
} from '@kefu/shared/renewals-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { findServices } from './service-rows.ts';
import { createService, patchService, recordNonRenewal, renewService, serviceDetail } from './customer-services.ts';
import { localDay } from './renewal-days.ts';
import { errors } from './renewals.routes.ts';

const view = { permission: 'renewal:view' as const };
const manage = { permission: 'renewal:manage' as const };
const tags = ['renewals'];
const params = z.object({ id });

/** Customers' services and memberships with an expiry: add, change, renew, record a non-renewal. */
export function customerServiceRoutes(app: App, { db, config, clock }: Deps): void {
  const today = () => localDay(config.KEFU_TIMEZONE, clock.now());
  const detail = (viewer: Parameters<typeof serviceDetail>[1], serviceId: string) => serviceDetail(db, viewer, serviceId, today());

  app.get('/api/v1/customer-services', {
    config: view,
    schema: {
      tags, summary: 'Services, soonest expiry first (?customerId= for a customer\'s page); managers see all, others the ones they own',
      querystring: renewalsQuery, response: { 200: page(customerService), ...errors },
    },
  }, async (req) => {
    const { cursor, limit, ...filter } = req.query;
    return findServices(db, principalOf(req), filter, today(), { limit, cursor });
  });

  app.post('/api/v1/customer-services', {
    config: manage,
    schema: { tags, summary: 'Add a customer\'s service (hosting, domain, promotion, membership…) with its first period and owner', body: customerServiceBody, response: { 201: customerServiceDetail, ...errors } },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    return reply.status(201).send(await detail(viewer, await createService(db, viewer, req.body, today())));
  });

  app.get('/api/v1/customer-services/:id', {
    config: view,
    schema: { tags, summary: 'A service with its periods (renewal history) and non-renewals', params, response: { 200: customerServiceDetail, ...errors } },
  }, async (req) => detail(principalOf(req), req.params.id));

  app.patch('/api/v1/customer-services/:id', {
    config: manage,
    schema: { tags, summary: 'Change a service: name, owner (hand-over), price, note; or cancel it', params, body: customerServicePatch, response: { 200: customerServiceDetail, ...errors } },
  }, async (req) => {
    await patchService(db, req.params.id, req.body);
    return detail(principalOf(req), req.params.id);
  });

  app.post('/api/v1/customer-services/:id/renew', {
    config: view,
    schema: {
      tags, summary: 'Record a renewal: a new period to the new expiry (its owner or a manager)',
      params, body: renewBody, response: { 200: customerServiceDetail, ...errors },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    await renewService(db, viewer, req.params.id, req.body, today());
    return detail(viewer, req.params.id);
  });

  app.post('/api/v1/customer-services/:id/not-renewed', {
    config: view,
    schema: {
      tags, summary: 'Record that the customer does not renew: reason category, reason and the salesperson\'s report back are required',
      params, body: nonRenewalBody, response: { 200: customerServiceDetail, ...errors },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    await recordNonRenewal(db, viewer, req.params.id, req.body);
    return detail(viewer, req.params.id);
  });
}
