import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { maskAddress, maskEmail, maskPhone, parsePhone } from '@kefu/shared/phone';
import { customers, piiAccessLog } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';

type Row = typeof customers.$inferSelect & { ownerName?: string | null };

/** A customer's columns with the owner's name, for lists and the detail. */
export const customerWithOwner = { ...getTableColumns(customers), ownerName: sql<string | null>`(select display_name from users u where u.id = ${customers.ownerId})` };

/** One customer with the owner's name, or undefined. */
export async function customerWithOwnerById(db: Tx, id: string) {
  const [row] = await db.select(customerWithOwner).from(customers).where(eq(customers.id, id));
  return row;
}

/** Phone and address leave the server masked unless the role holds customer:view_pii. */
export function presentCustomer(row: Row, viewer: Principal, duplicateOf: string[] = []) {
  const pii = can(viewer, 'customer:view_pii');
  return {
    id: row.id,
    name: row.name,
    phone: pii ? row.phone : maskPhone(row.phone),
    address: pii ? row.address : maskAddress(row.address),
    email: pii ? row.email : maskEmail(row.email),
    masked: !pii,
    customerClass: row.customerClass,
    tier: row.tier,
    tierOverride: row.tierOverride ? { classKey: row.tierOverride, reason: row.tierOverrideReason, until: row.tierOverrideUntil } : null,
    tags: row.tags,
    customerSince: row.customerSince,
    note: row.note,
    // which customers share a phone says whose phone it is: only for those who may see phones
    duplicateOf: pii ? duplicateOf : [],
    ownerId: row.ownerId,
    ownerName: row.ownerName ?? null,
    firstContactDueAt: row.firstContactDueAt?.toISOString() ?? null,
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    mergedIntoId: row.mergedIntoId,
    phoneFlag: row.phoneFlaggedAt ? { at: row.phoneFlaggedAt.toISOString(), note: row.phoneFlagNote } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function customerPhoneFor(viewer: Principal, phone: string | null): string | null {
  return can(viewer, 'customer:view_pii') ? phone : maskPhone(phone);
}

/** Every view of unmasked personal data is recorded (AUD-01). */
export async function recordPiiView(db: Tx, viewer: Principal, customerId: string, context: string): Promise<void> {
  if (!can(viewer, 'customer:view_pii')) return;
  await db.insert(piiAccessLog).values({ userId: viewer.userId, customerId, context });
}

// a merged duplicate's phone or e-mail leads to its survivor
const survivor = {
  id: sql<string>`coalesce(${customers.mergedIntoId}, ${customers.id})`,
  name: sql<string>`case when ${customers.mergedIntoId} is null then ${customers.name} else (select s.name from customers s where s.id = ${customers.mergedIntoId}) end`,
};

/**
 * The archive's customer a written contact gave the phone or e-mail of: by
 * phone first (the first on record), else by e-mail; null when unknown or
 * when the phone is not a valid one.
 */
export async function customerByContact(tx: Tx, phone: string | null | undefined, email: string | null | undefined): Promise<{ id: string; name: string } | null> {
  const parsed = phone ? parsePhone(phone) : null;
  if (parsed) {
    const [row] = await tx.select(survivor).from(customers)
      .where(eq(customers.phone, parsed.normalized)).orderBy(sql`${customers.mergedIntoId} is null desc`, asc(customers.createdAt), asc(customers.id)).limit(1);
    if (row) return row;
  }
  if (email) {
    const [row] = await tx.select(survivor).from(customers)
      .where(sql`lower(${customers.email}) = ${email.toLowerCase()}`).orderBy(sql`${customers.mergedIntoId} is null desc`, asc(customers.createdAt), asc(customers.id)).limit(1);
    if (row) return row;
  }
  return null;
}
export { inCustomerGroup } from './customer-merge.ts';
export { currentArchiveSettings as archiveSettingsOf } from './archive-settings.ts';
