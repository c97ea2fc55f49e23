import { asc, notInArray, sql } from 'drizzle-orm';
import { DEFAULT_RENEWAL_KINDS, type RenewalKind } from '@kefu/shared/renewals-api';
import type { Db, Tx } from '../../db/client.ts';
import { customerServices, renewalKinds } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

// Kinds of service and their lead times are data: the source leaves the
// promotion lead time "to be confirmed", so the centre sets it.

type Row = typeof renewalKinds.$inferSelect;
const present = (r: Row): RenewalKind => ({
  key: r.key, name: r.name, nameEn: r.nameEn, leadAmount: r.leadAmount, leadUnit: r.leadUnit as RenewalKind['leadUnit'], tentative: r.tentative,
});

export async function listRenewalKinds(db: Tx): Promise<RenewalKind[]> {
  return (await db.select().from(renewalKinds).orderBy(asc(renewalKinds.sort), asc(renewalKinds.key))).map(present);
}

/** The seeded kinds, on every start: a kind the centre changed keeps its change. */
export async function ensureDefaultRenewalKinds(db: Db): Promise<void> {
  await db.insert(renewalKinds).values(DEFAULT_RENEWAL_KINDS.map((k, i) => ({ ...k, sort: i }))).onConflictDoNothing();
}

/**
 * Replaces the list of kinds. A kind some service still has cannot be left
 * out (IN_USE): its services would lose their lead time.
 */
export async function saveRenewalKinds(db: Db, items: RenewalKind[]): Promise<RenewalKind[]> {
  const keys = items.map((k) => k.key);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw new AppError('CONFLICT', { what: 'renewalKind' }, { details: [{ path: 'items', message: twice }] });
  await db.transaction(async (tx) => {
    const [used] = await tx.select({ kind: customerServices.kind }).from(customerServices).where(notInArray(customerServices.kind, keys)).limit(1);
    if (used) throw new AppError('IN_USE', { what: 'renewalKind' }, { details: [{ path: 'items', message: used.kind }] });
    await tx.delete(renewalKinds).where(notInArray(renewalKinds.key, keys));
    await tx.insert(renewalKinds).values(items.map((k, i) => ({ ...k, sort: i, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: renewalKinds.key,
        set: { name: sql`excluded.name`, nameEn: sql`excluded.name_en`, leadAmount: sql`excluded.lead_amount`, leadUnit: sql`excluded.lead_unit`,
          tentative: sql`excluded.tentative`, sort: sql`excluded.sort`, updatedAt: sql`excluded.updated_at` },
      });
  });
  return listRenewalKinds(db);
}
