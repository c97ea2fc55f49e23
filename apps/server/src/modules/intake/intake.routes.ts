import { z } from 'zod';
import { errorBody, id, ticketCreateBody, ticketDetail } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { customerPhoneFor } from '../customers/customers.queries.ts';
import { orgDirectory, type OrgDirectory } from '../org/org.queries.ts';
import { transitionsFor } from '../tickets/tickets.queries.ts';
import { createTicket, type CreatedTicket } from './create-ticket.ts';
import { convertTicket } from './convert-ticket.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/**
 * The new work order as recorded, without reading it back: what reacts to it
 * (rules, SLA clocks, watchers, notifications) follows within a second and
 * shows on the next read of the work order.
 */
function present(c: CreatedTicket, viewer: Principal, dir: OrgDirectory) {
  const at = c.at.toISOString();
  return {
    id: c.id, number: c.number, type: c.type, status: c.status, priority: c.priority as 'normal', channel: c.channel as 'phone',
    subject: c.subject, customerId: c.customer.id, customer: { id: c.customer.id, name: c.customer.name, phone: customerPhoneFor(viewer, c.customer.phone) },
    formVersion: c.formVersion, assigneeId: c.assigneeId, assigneeName: c.assigneeId ? dir.users.get(c.assigneeId)?.displayName ?? null : null,
    teamId: c.teamId, teamName: c.teamId ? dir.teams.get(c.teamId)?.name ?? null : null,
    createdById: c.createdById, createdByName: dir.users.get(c.createdById)?.displayName ?? viewer.displayName,
    parentId: c.parentId, dueAt: null, createdAt: at, updatedAt: at, fields: c.fields, interactionId: c.interactionId, resolution: null,
    allowedTransitions: transitionsFor(viewer, c.form.definition, c), sla: [], watchers: [], subtasks: [],
  };
}

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
    return reply.status(201).send(present(created, viewer, await orgDirectory(db, db)));
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
    return reply.status(201).send(present(created, viewer, await orgDirectory(db, db)));
  });
}
