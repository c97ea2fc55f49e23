import { and, eq, ne, sql } from 'drizzle-orm';
import { CANNED_VARIABLES, unknownVariables } from '@kefu/shared/knowledge-api';
import type { Db } from '../../db/client.ts';
import { cannedReplies } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { textVector } from './text-vector.ts';

// Canned replies (话术, KB-03/04, INQ-10): the knowledge module alone writes them.

export interface CannedInput { teamId?: string | null; shortcut: string; title: string; body: string; category?: string | null }

/**
 * Refuses what would go wrong in front of a customer: a `{variable}` that does
 * not exist (it would be sent as written) and a shortcut already used in the
 * same team (or among everyone's), which `/` could not tell apart.
 */
async function check(db: Db, id: string | null, c: CannedInput): Promise<void> {
  const unknown = unknownVariables(c.body);
  if (unknown.length) {
    throw new AppError('CANNED_UNKNOWN_VARIABLE', { names: unknown.map((n) => `{${n}}`).join(' '), allowed: CANNED_VARIABLES.map((n) => `{${n}}`).join(' ') }, {
      details: [{ path: 'body', message: unknown.map((n) => `{${n}}`).join(' ') }],
    });
  }
  const [taken] = await db.select({ title: cannedReplies.title }).from(cannedReplies).where(and(
    sql`lower(${cannedReplies.shortcut}) = lower(${c.shortcut})`,
    c.teamId ? eq(cannedReplies.teamId, c.teamId) : sql`${cannedReplies.teamId} is null`,
    id ? ne(cannedReplies.id, id) : undefined,
  )).limit(1);
  if (taken) throw new AppError('CANNED_SHORTCUT_TAKEN', { shortcut: c.shortcut, title: taken.title });
}

export async function saveCannedReply(db: Db, actorId: string, id: string | null, c: Partial<CannedInput>): Promise<string> {
  const now = new Date();
  if (!id) {
    const next = { teamId: c.teamId ?? null, shortcut: c.shortcut!, title: c.title!, body: c.body!, category: c.category ?? null };
    await check(db, null, next);
    const [row] = await db.insert(cannedReplies).values({
      ...next, searchVector: textVector(next.shortcut, next.title, next.body, next.category), createdById: actorId, updatedAt: now,
    }).returning({ id: cannedReplies.id });
    return row.id;
  }
  const [old] = await db.select().from(cannedReplies).where(eq(cannedReplies.id, id));
  if (!old) throw notFound('cannedReply');
  const next = { ...old, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) } as typeof old;
  await check(db, id, next);
  await db.update(cannedReplies).set({
    teamId: next.teamId, shortcut: next.shortcut, title: next.title, body: next.body, category: next.category,
    searchVector: textVector(next.shortcut, next.title, next.body, next.category), updatedAt: now,
  }).where(eq(cannedReplies.id, id));
  return id;
}

export async function deleteCannedReply(db: Db, id: string): Promise<void> {
  const rows = await db.delete(cannedReplies).where(eq(cannedReplies.id, id)).returning({ id: cannedReplies.id });
  if (!rows.length) throw notFound('cannedReply');
}

/** Counted when an agent puts it in a reply (the most used come first). */
export async function countCannedUse(db: Db, id: string): Promise<void> {
  const rows = await db.update(cannedReplies).set({ useCount: sql`${cannedReplies.useCount} + 1` }).where(eq(cannedReplies.id, id)).returning({ id: cannedReplies.id });
  if (!rows.length) throw notFound('cannedReply');
}
