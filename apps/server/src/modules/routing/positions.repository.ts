import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { positionHolders, positions, users } from '../../db/schema/index.ts';

/** Active people holding a position, in a stable order. */
export async function holdersOf(tx: Tx, positionKey: string): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(positionHolders)
    .innerJoin(positions, eq(positions.id, positionHolders.positionId))
    .innerJoin(users, eq(users.id, positionHolders.userId))
    .where(and(eq(positions.key, positionKey), eq(users.active, true)))
    .orderBy(asc(users.username));
  return rows.map((r) => r.id);
}

export async function positionExists(tx: Tx, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await tx.select({ key: positions.key }).from(positions).where(inArray(positions.key, keys));
  return keys.filter((k) => !rows.some((r) => r.key === k));
}

/** Creates or updates a position and binds exactly these people to it (or keeps its people). */
export async function upsertPosition(tx: Tx, key: string, name: string, nameEn: string | null, holderIds: string[],
  opts: { keepHolders?: boolean } = {}): Promise<string> {
  const [row] = await tx.insert(positions).values({ key, name, nameEn })
    .onConflictDoUpdate({ target: positions.key, set: { name, nameEn } }).returning({ id: positions.id });
  if (opts.keepHolders) return row.id;
  await tx.delete(positionHolders).where(eq(positionHolders.positionId, row.id));
  if (holderIds.length) await tx.insert(positionHolders).values(holderIds.map((userId) => ({ positionId: row.id, userId })));
  return row.id;
}
