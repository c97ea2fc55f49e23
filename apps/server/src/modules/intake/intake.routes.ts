import { z } from 'zod';
import { errorBody, id, ticketCreateBody, ticketDetail } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { createTicket, presentCreatedTicket } from './intake.commands.ts';
import { convertTicket } from './convert-ticket.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** The front door of the spine: a contact becomes a customer's work order in one statement. */
export function intakeRoutes(app: App, { db, unit, config, intakeGate }: Deps): void {
  app.post('/api/v1/tickets', {
    config: { permission: 'ticket:create' },
    schema: {
      tags: ['tickets'],
      summary: 'Record a work order (工单) for an existing or new customer',
      description: 'fields are validated against the current form definition of `type` (GET /api/v1/forms). ' +
        'A customer given by name and phone is matched to the archive (same phone and name), else added. ' +
        'The answer is the work order as recorded; routing rules, SLA clocks and notifications follow within a second (read it again to see them). ' +
        'Stable keys: complaint category (product_quality|service_quality), symptom, batchNumber, productionDate, injury, staffId; ' +
        'order product, spec, quantity, deliveryChannel (home|retail|mall); inquiry topics, potentialOrder; repair content, preferredTime.',
      body: ticketCreateBody,
      response: { 201: ticketDetail, ...errors },
    },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    await intakeGate.pass();
    const created = await createTicket(db, viewer, req.body, requestLocale(req), config.KEFU_TIMEZONE);
    return reply.status(201).send(presentCreatedTicket(created, viewer, await orgDirectory(db, db)));
  });

  app.post('/api/v1/tickets/:id/convert', {
    config: { permission: 'ticket:create' },
    schema: {
      tags: ['tickets'], summary: 'Make a work order of another type from this one (an inquiry becomes an order), carrying over what it knows',
      params: z.object({ id }),
      body: z.object({ type: z.string().min(1).max(32), fields: z.record(z.string(), z.unknown()).default({}) }).strict(),
      response: { 201: ticketDetail, ...errors },
    },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    const created = await convertTicket(db, unit, viewer, req.params.id, req.body.type, req.body.fields, requestLocale(req), config.KEFU_TIMEZONE);
    return reply.status(201).send(presentCreatedTicket(created, viewer, await orgDirectory(db, db)));
  });
}
