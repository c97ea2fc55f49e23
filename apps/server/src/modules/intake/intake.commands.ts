import type { Principal } from '../../platform/auth/principal.ts';
import { customerPhoneFor } from '../customers/customers.queries.ts';
import type { OrgDirectory } from '../org/org.queries.ts';
import { transitionsFor } from '../tickets/tickets.queries.ts';
import type { CreatedTicket } from './create-ticket.ts';

// What other modules may use of intake: record a work order from a contact
// (a call, a conversation) and present it as the API answers it.

export { createTicket, type CreateTicketInput, type CreatedTicket } from './create-ticket.ts';

/**
 * The new work order as recorded, without reading it back: what reacts to it
 * (rules, SLA clocks, watchers, notifications) follows within a second and
 * shows on the next read of the work order.
 */
export function presentCreatedTicket(c: CreatedTicket, viewer: Principal, dir: OrgDirectory) {
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

