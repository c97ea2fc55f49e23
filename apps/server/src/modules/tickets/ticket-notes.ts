import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ticketEvents, ticketNotes, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { RunUnit } from '../../platform/events/unit-of-work.ts';
import { notFound } from '../../platform/errors.ts';
import { truncate } from '../../platform/text.ts';
import { visibleTicket } from './ticket-queries.ts';
import { TICKETS } from './tickets.commands.ts';
import { isVisibleTo } from './tickets.queries.ts';

/** a file kept with a note (stored first in the file store; the note holds its key) */
export interface NoteFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

const fileOut = (f: unknown) => {
  if (!f) return null;
  const { fileName, contentType, size } = f as NoteFile;
  return { fileName, contentType, size };
};

/** Internal notes: for staff only, never shown to customers. A note by a person is a response (SLA). */
export async function addNote(unit: RunUnit, actor: Principal, ticketId: string, body: string, file?: NoteFile) {
  return unit(async (work) => {
    const tickets = work.part(TICKETS);
    await tickets.load([ticketId]);
    const t = tickets.get(ticketId);
    if (!t || !isVisibleTo(actor, t)) throw notFound('ticket');
    const [n] = await work.tx.insert(ticketNotes).values({ ticketId, authorId: actor.userId, body, file: file ?? null, createdAt: work.now }).returning();
    tickets.record(ticketId, 'note_added', [{ field: 'note', from: null, to: truncate(body, 200) }], { actorId: actor.userId }, 'ticket.note_added', true);
    return { id: n.id, body: n.body, authorId: n.authorId, authorName: actor.displayName, createdAt: n.createdAt.toISOString(), file: fileOut(n.file) };
  });
}

export async function listNotes(db: Db, actor: Principal, ticketId: string) {
  await visibleTicket(db, actor, ticketId);
  const rows = await db.select({ n: ticketNotes, authorName: users.displayName }).from(ticketNotes)
    .leftJoin(users, eq(users.id, ticketNotes.authorId))
    .where(eq(ticketNotes.ticketId, ticketId)).orderBy(asc(ticketNotes.createdAt));
  return rows.map((r) => ({ id: r.n.id, body: r.n.body, authorId: r.n.authorId, authorName: r.authorName, createdAt: r.n.createdAt.toISOString(), file: fileOut(r.n.file) }));
}

/** The file of a note of a work order the actor may see (404 otherwise). */
export async function noteFile(db: Db, actor: Principal, ticketId: string, noteId: string): Promise<NoteFile> {
  await visibleTicket(db, actor, ticketId);
  const [row] = await db.select({ file: ticketNotes.file }).from(ticketNotes).where(and(eq(ticketNotes.id, noteId), eq(ticketNotes.ticketId, ticketId)));
  if (!row?.file) throw notFound('note');
  return row.file as NoteFile;
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
