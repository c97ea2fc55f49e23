import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { customerWithOwnerById } from './customers.queries.ts';

/** Takes a customer's owner away (`clear`), with the first-contact timer; answers the customer as it stands. */
export async function clearOwner(db: Db, customerId: string, clear: boolean) {
  if (clear) {
    await db.update(customers).set({ ownerId: null, ownerAssignedAt: null, firstContactDueAt: null, firstContactOverdueAt: null, updatedAt: new Date() })
      .where(eq(customers.id, customerId));
  }
  const row = await customerWithOwnerById(db, customerId);
  if (!row) throw notFound('customer');
  return row;
}
