import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { customerSearchVector, reversedDigits } from './customer-search-vector.ts';
import { findDuplicates, normalizePhone, type NewCustomer } from './create-customer.ts';

export async function updateCustomer(db: Db, customerId: string, patch: Partial<NewCustomer>) {
  const [current] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!current) throw notFound('customer');
  const next: Partial<typeof customers.$inferInsert> = { updatedAt: new Date() };
  if (patch.phone !== undefined) {
    const p = normalizePhone(patch.phone);
    next.phone = p.normalized;
    next.phoneReversed = reversedDigits(p.digits);
    // a corrected phone settles a report that it was wrong (CUS-15)
    if (p.normalized !== current.phone) Object.assign(next, { phoneFlaggedAt: null, phoneFlagNote: null, phoneFlaggedById: null });
  }
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.address !== undefined) next.address = patch.address || null;
  if (patch.email !== undefined) next.email = patch.email || null;
  if (patch.customerClass !== undefined) next.customerClass = patch.customerClass || null;
  if (patch.note !== undefined) next.note = patch.note || null;
  if (patch.tags !== undefined) next.tags = [...new Set(patch.tags)];
  if (patch.customerSince !== undefined) next.customerSince = patch.customerSince;
  next.searchVector = customerSearchVector(next.name ?? current.name, next.address !== undefined ? next.address : current.address) as unknown as string;
  const [row] = await db.update(customers).set(next).where(eq(customers.id, customerId)).returning();
  return { row, duplicateOf: await findDuplicates(db, row.phone, row.id) };
}
