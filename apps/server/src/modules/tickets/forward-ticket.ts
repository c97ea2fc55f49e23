import type { RunUnit } from '../../platform/events/unit-of-work.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { TICKETS } from './tickets.commands.ts';
import { isVisibleTo, openLoads } from './tickets.queries.ts';

/**
 * "Forward to the marketing director" in one action: assign to the person
 * holding a position (the least loaded, if several) or to a named person, on
 * their team, and tell them.
 */
export async function forwardTicket(unit: RunUnit, actor: Principal, ticketId: string, to: { position?: string; userId?: string }): Promise<void> {
  await unit(async (work) => {
    const tickets = work.part(TICKETS);
    await tickets.load([ticketId]);
    const t = tickets.get(ticketId);
    if (!t || !isVisibleTo(actor, t)) throw notFound('ticket');
    const dir = await tickets.directory();
    let target: string | null = to.userId ?? null;
    if (to.position) {
      const holders = dir.holdersOf(to.position);
      const loads = await openLoads(work.tx, holders);
      target = [...holders].sort((a, b) => (loads.get(a) ?? 0) - (loads.get(b) ?? 0) || holders.indexOf(a) - holders.indexOf(b))[0] ?? null;
      if (!target) throw new AppError('REFERENCE_NOT_FOUND', { what: 'position', id: to.position });
    }
    if (!target) throw new AppError('VALIDATION_FAILED', { summary: 'position | userId' });
    if (!dir.isActive(target)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: target });
    await tickets.assign(ticketId, { assigneeId: target, teamId: dir.users.get(target)!.teamId }, { actorId: actor.userId });
    const now = tickets.require(ticketId);
    work.part(NOTICES).tell([target], {
      kind: 'ticket.assigned', ticketId,
      vars: { ticket: { id: now.id, number: now.number, subject: now.subject, type: now.type }, rule: { name: actor.displayName }, link: `/tickets/${now.id}` },
    });
  });
}
