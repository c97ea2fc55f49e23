import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { orderRemarks, orders } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';

/**
 * A new version of the order's remark (ORD-08): the earlier ones stay as they
 * were, each with its time and agent (AUD-07). The order row is locked so two
 * agents writing at once get consecutive versions.
 */
export async function addRemark(db: Db, orderId: string, text: string, agentId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [o] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for('update');
    if (!o) throw notFound('order');
    const [{ v }] = await queryRows<{ v: number }>(tx, sql`select coalesce(max(version), 0)::int as v from order_remarks where order_id = ${orderId}::uuid`);
    await tx.insert(orderRemarks).values({ orderId, version: v + 1, text, agentId, at: now });
    await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, orderId));
  });
}
