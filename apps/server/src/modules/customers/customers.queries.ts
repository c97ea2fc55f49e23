import { asc, eq, sql } from 'drizzle-orm';
import { maskAddress, maskEmail, maskPhone, parsePhone } from '@kefu/shared/phone';
import { customers, piiAccessLog } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';

type Row = typeof customers.$inferSelect;

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

/**
 * The archive's customer a written contact gave the phone or e-mail of: by
 * phone first (the first on record), else by e-mail; null when unknown or
 * when the phone is not a valid one.
 */
export async function customerByContact(tx: Tx, phone: string | null | undefined, email: string | null | undefined): Promise<{ id: string; name: string } | null> {
  const parsed = phone ? parsePhone(phone) : null;
  if (parsed) {
    const [row] = await tx.select({ id: customers.id, name: customers.name }).from(customers)
      .where(eq(customers.phone, parsed.normalized)).orderBy(asc(customers.createdAt), asc(customers.id)).limit(1);
    if (row) return row;
  }
  if (email) {
    const [row] = await tx.select({ id: customers.id, name: customers.name }).from(customers)
      .where(sql`lower(${customers.email}) = ${email.toLowerCase()}`).orderBy(asc(customers.createdAt), asc(customers.id)).limit(1);
    if (row) return row;
  }
  return null;
}
