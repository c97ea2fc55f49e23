import type { TicketStatus } from '@kefu/shared/ticket-status';
import type { RunUnit } from '../../platform/events/unit-of-work.ts';
import { AppError, notFound, type Locale } from '../../platform/errors.ts';
import { requirePermission, type Principal } from '../../platform/auth/principal.ts';
import { formVersion } from '../forms/forms.queries.ts';
import { mayChangeStatus } from './ticket-lifecycle.ts';
import { TICKETS, type TicketPatch } from './tickets.commands.ts';
import { assertValidFields, deriveSubject, isVisibleTo, ticketSearchWords } from './tickets.queries.ts';

export interface UpdateTicketInput {
  status?: TicketStatus;
  assigneeId?: string | null;
  teamId?: string | null;
  priority?: string;
  subject?: string;
  fields?: Record<string, unknown>;
  resolution?: string;
}

/**
 * A person's change to a work order: reassignment (ticket:assign), status
 * along the lifecycle (the assignee or someone who may reassign; resolving
 * needs a resolution), priority, subject and form fields — one timeline entry.
 */
export async function updateTicket(unit: RunUnit, actor: Principal, ticketId: string, input: UpdateTicketInput, locale: Locale): Promise<string> {
  const wantsAssign = input.assigneeId !== undefined || input.teamId !== undefined;
  const wantsEdit = input.status !== undefined || input.priority !== undefined || input.subject !== undefined
    || input.fields !== undefined || input.resolution !== undefined;
  if (wantsAssign) requirePermission(actor, 'ticket:assign');
  if (wantsEdit) requirePermission(actor, 'ticket:update');

  return unit(async (work) => {
    const tickets = work.part(TICKETS);
    await tickets.load([ticketId]);
    const t = tickets.get(ticketId);
    if (!t || !isVisibleTo(actor, t)) throw notFound('ticket');
    if (input.status !== undefined && input.status !== t.status && !mayChangeStatus(actor, t)) throw new AppError('NOT_ASSIGNEE');
    const def = await formVersion(work.db, t.type, t.formVersion, work.tx);
    const patch: TicketPatch = {
      status: input.status, resolution: input.resolution, assigneeId: input.assigneeId, teamId: input.teamId,
      priority: input.priority, subject: input.subject,
    };
    let fields = t.fields as Record<string, unknown>;
    if (input.fields !== undefined && def) {
      const merged: Record<string, unknown> = { ...fields };
      for (const [k, v] of Object.entries(input.fields)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      const clean = assertValidFields(def, merged, locale);
      // a title the system made follows the fields; one a person wrote stays
      if (input.subject === undefined && t.subject === deriveSubject(def, fields)) patch.subject = deriveSubject(def, clean);
      patch.fields = clean;
      fields = clean;
    }
    const subject = patch.subject ?? t.subject;
    const searchWords = def && (patch.fields || patch.subject !== undefined) ? ticketSearchWords(t.number, subject, t.customerName, def, fields) : null;
    await tickets.change(ticketId, patch, { actorId: actor.userId }, { searchWords });
    return ticketId;
  });
}
