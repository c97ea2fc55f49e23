import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ticketEvents, ticketNotes, tickets, users } from '../../db/schema/index.ts';
import { recordTicketChange } from './record-ticket-change.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { visibleTicket } from './ticket-queries.ts';

/** Internal notes: for staff only, never shown to customers. */
export async function addNote(db: Db, actor: Principal, ticketId: string, body: string) {
  return db.transaction(async (tx) => {
    await visibleTicket(tx, actor, ticketId);
    const now = new Date();
    const [n] = await tx.insert(ticketNotes).values({ ticketId, authorId: actor.userId, body, createdAt: now }).returning();
    await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticketId));
    await recordTicketChange(tx, ticketId, {
      actorId: actor.userId, action: 'note_added', changes: [{ field: 'note', from: null, to: body.slice(0, 200) }], at: now,
      eventType: 'ticket.note_added',
    });
    return { id: n.id, body: n.body, authorId: n.authorId, authorName: actor.displayName, createdAt: n.createdAt.toISOString() };
  });
}

export async function listNotes(db: Db, actor: Principal, ticketId: string) {
  await visibleTicket(db, actor, ticketId);
  const rows = await db.select({ n: ticketNotes, authorName: users.displayName }).from(ticketNotes)
    .leftJoin(users, eq(users.id, ticketNotes.authorId))
    .where(eq(ticketNotes.ticketId, ticketId)).orderBy(asc(ticketNotes.createdAt));
  return rows.map((r) => ({ id: r.n.id, body: r.n.body, authorId: r.n.authorId, authorName: r.authorName, createdAt: r.n.createdAt.toISOString() }));
}

export async function listTimeline(db: Db, actor: Principal, ticketId: string) {
  await visibleTicket(db, actor, ticketId);
  const rows = await db.select({ e: ticketEvents, actorName: users.displayName }).from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
  return rows.map((r) => ({
    id: r.e.id, at: r.e.at.toISOString(), actorId: r.e.actorId, actorName: r.actorName, action: r.e.action, ruleName: r.e.ruleName,
    changes: r.e.changes as { field: string; from: unknown; to: unknown }[],
  }));
}
