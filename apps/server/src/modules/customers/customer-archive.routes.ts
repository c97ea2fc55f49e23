import { z } from 'zod';
import { customer, errorBody, id, page } from '@kefu/shared/api';
import {
  archiveListQuery, dataQualityQuery, phoneFlagBody, archiveSettings, assignmentApplied, assignmentApplyBody, assignmentPreview, assignmentPreviewBody,
  ownerBody, specialist, specialistBody,
} from '@kefu/shared/customer-archive-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { notFound } from '../../platform/errors.ts';
import { presentCustomer } from './customers.queries.ts';
import { currentArchiveSettings, saveArchiveSettings } from './archive-settings.ts';
import { listSpecialists, saveSpecialist } from './specialists.ts';
import { applyAssignment, previewAssignment } from './assign-customers.ts';
import { clearOwner } from './customer-owner.ts';
import { archiveList } from './archive-list.ts';
import { clearPhoneFlag, dataQualityList, flagCustomerPhone } from './data-quality.ts';

const manage = { permission: 'customer:manage' as const };
const userParams = z.object({ userId: id });
const idParams = z.object({ id });

/** The supervisor's archive work (CUS-01..04): settings, specialists, assignment, the daily list. */
export function customerArchiveRoutes(app: App, { db, config, clock }: Deps, runner: JobRunner): void {
  const tz = config.KEFU_TIMEZONE;

  app.get('/api/v1/customer-archive/settings', {
    config: { permission: 'customer:view' },
    schema: { tags: ['customers'], summary: 'The archive\'s working rules: first-contact working days, its calendar, contact cadence per class', response: { 200: archiveSettings } },
  }, async () => currentArchiveSettings(db));

  app.put('/api/v1/customer-archive/settings', {
    config: manage,
    schema: { tags: ['customers'], summary: 'Change the archive\'s working rules', body: archiveSettings, response: { 200: archiveSettings, 404: errorBody, 422: errorBody } },
  }, async (req) => saveArchiveSettings(db, principalOf(req).userId, req.body));

  app.get('/api/v1/customer-specialists', {
    config: manage,
    schema: { tags: ['customers'], summary: 'The specialists who own customers, with their skill, classes, capacity, load and overdue first contacts', response: { 200: z.object({ items: z.array(specialist) }) } },
  }, async () => ({ items: await listSpecialists(db) }));

  app.put('/api/v1/customer-specialists/:userId', {
    config: manage,
    schema: { tags: ['customers'], summary: 'Make a user a specialist, or change their skill, classes (专属客服), capacity or whether they take customers', params: userParams, body: specialistBody, response: { 200: z.object({ items: z.array(specialist) }), 422: errorBody } },
  }, async (req) => {
    await saveSpecialist(db, req.params.userId, req.body);
    return { items: await listSpecialists(db) };
  });

  app.post('/api/v1/customer-assignments/preview', {
    config: manage,
    schema: { tags: ['customers'], summary: 'Who would take which customer, balanced by load and skill (nothing is written)', body: assignmentPreviewBody, response: { 200: assignmentPreview } },
  }, async (req) => previewAssignment(db, req.body, tz));

  app.post('/api/v1/customer-assignments/apply', {
    config: manage,
    schema: { tags: ['customers'], summary: 'Give customers their owners (the preview, edited or not) and start each one\'s first-contact timer', body: assignmentApplyBody, response: { 200: assignmentApplied, 422: errorBody } },
  }, async (req) => {
    const res = await applyAssignment(db, req.body.assignments, clock.now());
    runner.kick();
    return res;
  });

  app.put('/api/v1/customers/:id/owner', {
    config: manage,
    schema: { tags: ['customers'], summary: 'Give one customer an owner (starts the first-contact timer) or take the owner away (null)', params: idParams, body: ownerBody, response: { 200: customer, 404: errorBody, 422: errorBody } },
  }, async (req) => {
    if (req.body.ownerId) await applyAssignment(db, [{ customerId: req.params.id, ownerId: req.body.ownerId }], clock.now());
    const row = await clearOwner(db, req.params.id, req.body.ownerId === null);
    return presentCustomer(row, principalOf(req));
  });

  app.get('/api/v1/customer-archive/data-quality', {
    config: manage,
    schema: {
      tags: ['customers'],
      summary: 'The data-quality board (CUS-15): customers whose phone was reported wrong, or with no owner, or no address',
      querystring: dataQualityQuery,
      response: { 200: page(customer), 400: errorBody },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const { items, nextCursor } = await dataQualityList(db, req.query.issue, req.query.limit, req.query.cursor);
    return { items: items.map((r) => presentCustomer(r, viewer)), nextCursor };
  });

  app.post('/api/v1/customers/:id/phone-flag', {
    config: { permission: 'customer:update' },
    schema: { tags: ['customers'], summary: 'Report the customer\'s phone as wrong, with a note: it goes on the data-quality board', params: idParams, body: phoneFlagBody, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    const ok = await db.transaction((tx) => flagCustomerPhone(tx, req.params.id, req.body.note, principalOf(req).userId, clock.now()));
    if (!ok) throw notFound('customer');
    return reply.status(204).send(null);
  });

  app.delete('/api/v1/customers/:id/phone-flag', {
    config: { permission: 'customer:update' },
    schema: { tags: ['customers'], summary: 'The phone was checked and is right: off the data-quality board', params: idParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    await clearPhoneFlag(db, req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/customer-archive/list', {
    config: manage,
    schema: {
      tags: ['customers'],
      summary: 'The daily list (CUS-01): customers new or changed in a period, by class, owner or overdue first contact',
      querystring: archiveListQuery,
      response: { 200: page(customer), 400: errorBody },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const { items, nextCursor } = await archiveList(db, req.query, tz, clock.now());
    return { items: items.map((r) => presentCustomer(r, viewer)), nextCursor };
  });
}
