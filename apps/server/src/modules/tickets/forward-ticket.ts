import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { AppError, type Locale } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { holdersOf } from '../routing/positions.repository.ts';
import { pickOne } from '../routing/recipients.ts';
import { notifyUsers, type NotifyDeps } from '../notifications/notify.ts';
import { updateTicket } from './update-ticket.ts';
import { changedTicket } from './ticket-queries.ts';

/**
 * "Forward to the marketing director" in one action: assign to the person
 * holding a position (or a named person), on their team, and tell them.
 */
export async function forwardTicket(db: Db, actor: Principal, ticketId: string, to: { position?: string; userId?: string },
  locale: Locale, deps: NotifyDeps) {
  let target: string | null = to.userId ?? null;
  if (to.position) {
    target = await pickOne(db, await holdersOf(db, to.position), 'least_loaded');
    if (!target) throw new AppError('REFERENCE_NOT_FOUND', { what: 'position', id: to.position });
  }
  if (!target) throw new AppError('VALIDATION_FAILED', { summary: 'position | userId' });
  const [u] = await db.select({ teamId: users.teamId, active: users.active }).from(users).where(eq(users.id, target));
  if (!u || !u.active) throw new AppError('REFERENCE_NOT_FOUND', { what: 'assignee', id: target });
  await updateTicket(db, actor, ticketId, { assigneeId: target, teamId: u.teamId }, locale);
  const t = (await changedTicket(db, ticketId)).t;
  await db.transaction((tx) => notifyUsers(tx, [target], {
    kind: 'ticket.assigned', ticketId,
    vars: { ticket: { id: t.id, number: t.number, subject: t.subject, type: t.type }, rule: { name: actor.displayName }, link: `/tickets/${t.id}` },
  }, deps));
}
