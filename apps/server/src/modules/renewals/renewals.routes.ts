import { z } from 'zod';
import { errorBody, page } from '@kefu/shared/api';
import {
  calendarMonth, customerService, monthEndList, monthEndSummary, NON_RENEWAL_REASONS, nonRenewal, renewalKind, renewalKindsBody, renewalsQuery,
} from '@kefu/shared/renewals-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { listRenewalKinds, saveRenewalKinds } from './renewal-kinds.ts';
import { findServices } from './service-rows.ts';
import { listNonRenewals } from './customer-services.ts';
import { listMonthEndLists, monthEndListOf, sendMonthEndList } from './month-end-list.ts';
import { localDay, monthAfter } from './renewal-days.ts';

const view = { permission: 'renewal:view' as const };
const manage = { permission: 'renewal:manage' as const };
export const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const tags = ['renewals'];

/** The renewals board (CUS-09), the service kinds with their lead times, the month-end lists (RPT-19), non-renewals. */
export function renewalRoutes(app: App, { db, config, unit, clock }: Deps): void {
  const tz = config.KEFU_TIMEZONE;
  const today = () => localDay(tz, clock.now());

  app.get('/api/v1/renewal-kinds', {
    config: view,
    schema: { tags, summary: 'Kinds of service with their notice lead times (hosting, domain: 7 days; promotion: 1 month, tentative; membership)', response: { 200: z.object({ items: z.array(renewalKind) }), ...errors } },
  }, async () => ({ items: await listRenewalKinds(db) }));

  app.put('/api/v1/renewal-kinds', {
    config: manage,
    schema: {
      tags, summary: 'Replace the kinds of service and their lead times (a kind some service has cannot be left out: IN_USE)',
      body: renewalKindsBody, response: { 200: z.object({ items: z.array(renewalKind) }), ...errors },
    },
  }, async (req) => ({ items: await saveRenewalKinds(db, req.body.items) }));

  app.get('/api/v1/renewals', {
    config: view,
    schema: {
      tags, summary: 'The renewals board: services by expiry, soonest first, with the countdown (managers: everyone\'s; others: their own)',
      description: 'month=2027-01: expiring that month; unowned=true: no owner or an owner who left (the month-end list\'s customers).',
      querystring: renewalsQuery, response: { 200: page(customerService), ...errors },
    },
  }, async (req) => {
    const { cursor, limit, ...filter } = req.query;
    return findServices(db, principalOf(req), filter, today(), { limit, cursor });
  });

  app.get('/api/v1/renewals/non-renewals', {
    config: view,
    schema: {
      tags, summary: 'Customers who did not renew, newest first, with the reason and the salesperson\'s report back (CUS-09 (4))',
      querystring: z.object({ month: calendarMonth.optional(), kind: z.string().max(32).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(nonRenewal), reasons: z.array(z.enum(NON_RENEWAL_REASONS)) }), ...errors },
    },
  }, async (req) => ({ items: await listNonRenewals(db, principalOf(req), req.query), reasons: [...NON_RENEWAL_REASONS] }));

  app.get('/api/v1/renewals/month-end-lists', {
    config: view,
    schema: {
      tags, summary: 'The month-end lists sent to the market director, newest month first (RPT-19), and the month the next one will list',
      response: { 200: z.object({ items: z.array(monthEndSummary), nextMonth: z.string() }), ...errors },
    },
  }, async () => ({ items: await listMonthEndLists(db, 36), nextMonth: monthAfter(today()) }));

  app.get('/api/v1/renewals/month-end-lists/:month', {
    config: view,
    schema: {
      tags, summary: 'A month\'s list of unowned renewals as it was sent; a month not sent yet is worked out now (stored: false)',
      params: z.object({ month: calendarMonth }), response: { 200: monthEndList, ...errors },
    },
  }, async (req) => monthEndListOf(db, req.params.month));

  app.post('/api/v1/renewals/month-end-lists/:month/send', {
    config: manage,
    schema: {
      tags, summary: 'Build the month\'s list now, store it and send it to the market director (again: the stored list is replaced)',
      params: z.object({ month: calendarMonth }), response: { 200: monthEndList, ...errors },
    },
  }, async (req) => {
    const actorId = principalOf(req).userId;
    await unit((work) => sendMonthEndList(work, req.params.month, { actorId, once: false, now: clock.now() }));
    return monthEndListOf(db, req.params.month);
  });
}
