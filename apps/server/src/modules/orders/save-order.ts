import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { orderBody, orderPatch, OrderStage } from '@kefu/shared/orders-api';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { orders, orderStageChanges, shops } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { localDate } from '../../platform/time/wall-clock.ts';
import { addCustomerPayment, createCustomer } from '../customers/customers.commands.ts';
import { customerByContact } from '../customers/customers.queries.ts';

type Row = typeof orders.$inferSelect;
type Patch = z.infer<typeof orderPatch>;

/** Stages in which the buyer's money is with the shop: the order counts for the customer's figures. */
const PAID: ReadonlySet<OrderStage> = new Set(['paid', 'printed', 'packed', 'shipped', 'delivered', 'completed', 'refunding']);

/** The survivor of a picked customer (a merged duplicate stands for it), or null when there is none. */
async function customerById(tx: Tx, id: string): Promise<string | null> {
  const [c] = await queryRows<{ id: string }>(tx, sql`select coalesce(merged_into_id, id) as id from customers where id = ${id}::uuid`);
  return c?.id ?? null;
}

async function customerOf(tx: Tx, input: z.infer<typeof orderBody>['customer'], actorId: string): Promise<string> {
  if ('id' in input) {
    const id = await customerById(tx, input.id);
    if (!id) throw new AppError('REFERENCE_NOT_FOUND', { what: 'customer', id: input.id });
    return id;
  }
  const known = await customerByContact(tx, input.phone, null);
  if (known) return known.id;
  const { row } = await createCustomer(tx, { name: input.name, phone: input.phone, address: input.address ?? null }, actorId, { checkDuplicates: false });
  return row.id;
}

/**
 * Keeps the customer's quarterly figures (the class rules' revenue and
 * payments) in step with the order: its amount while paid, nothing once
 * refunded or unpaid; the difference goes to the quarter it was paid in.
 */
async function recount(tx: Tx, order: Row, timeZone: string, now: Date): Promise<void> {
  const target = PAID.has(order.stage as OrderStage) || (order.paidAt && order.stage !== 'refunded' && order.stage !== 'unpaid') ? Number(order.amount) : 0;
  const delta = target - Number(order.countedAmount);
  if (!delta) return;
  const day = localDate(timeZone, order.paidAt ?? now);
  await addCustomerPayment(tx, order.customerId, day, delta);
  await tx.update(orders).set({ countedAmount: String(target) }).where(eq(orders.id, order.id));
}

function valuesOf(p: Patch): Partial<typeof orders.$inferInsert> {
  const v: Partial<typeof orders.$inferInsert> = {};
  if (p.buyerId !== undefined) v.buyerId = p.buyerId;
  if (p.items !== undefined) v.items = p.items;
  if (p.amount !== undefined) v.amount = String(p.amount);
  if (p.paidAt !== undefined) v.paidAt = p.paidAt ? new Date(p.paidAt) : null;
  if (p.stage !== undefined) v.stage = p.stage;
  if (p.courier !== undefined) v.courier = p.courier ?? null;
  if (p.trackingNo !== undefined) v.trackingNo = p.trackingNo ?? null;
  if (p.shipBy !== undefined) v.shipBy = p.shipBy ?? null;
  if (p.arriveBy !== undefined) v.arriveBy = p.arriveBy ?? null;
  return v;
}

/** Changes an order (locked): a stage move is recorded, the customer's figures follow. */
async function change(tx: Tx, current: Row, p: Patch, actorId: string, timeZone: string, now: Date): Promise<void> {
  const v = valuesOf(p);
  if (!Object.keys(v).length) return;
  const [next] = await tx.update(orders).set({ ...v, updatedAt: now }).where(eq(orders.id, current.id)).returning();
  if (p.stage !== undefined && p.stage !== current.stage) {
    await tx.insert(orderStageChanges).values({ orderId: current.id, fromStage: current.stage, toStage: p.stage, actorId, at: now });
  }
  await recount(tx, next, timeZone, now);
}

/**
 * Records an order from a shop (its middleware, an import, or by hand). The
 * same shop and platform order number is the same order: posting it again
 * updates it and answers its id (`created: false`).
 */
export async function saveOrder(db: Db, actorId: string, body: z.infer<typeof orderBody>, timeZone: string, now: Date): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [shop] = await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, body.shopId));
    if (!shop) throw new AppError('REFERENCE_NOT_FOUND', { what: 'shop', id: body.shopId });
    const [existing] = await tx.select().from(orders)
      .where(and(eq(orders.shopId, body.shopId), eq(orders.platformOrderNo, body.platformOrderNo))).for('update');
    const { shopId: _s, platformOrderNo: _n, customer, ...fields } = body;
    if (existing) {
      await change(tx, existing, fields, actorId, timeZone, now);
      return { id: existing.id, created: false };
    }
    const customerId = await customerOf(tx, customer, actorId);
    // two first posts of one order at once: the second finds the first's row
    const [row] = await tx.insert(orders).values({
      shopId: body.shopId, platformOrderNo: body.platformOrderNo, customerId, createdById: actorId, createdAt: now, updatedAt: now,
      buyerId: body.buyerId, items: body.items, amount: String(body.amount), stage: body.stage, ...valuesOf(fields),
    }).onConflictDoNothing({ target: [orders.shopId, orders.platformOrderNo] }).returning();
    if (!row) {
      const [other] = await tx.select().from(orders).where(and(eq(orders.shopId, body.shopId), eq(orders.platformOrderNo, body.platformOrderNo))).for('update');
      await change(tx, other, fields, actorId, timeZone, now);
      return { id: other.id, created: false };
    }
    await tx.insert(orderStageChanges).values({ orderId: row.id, fromStage: null, toStage: row.stage, actorId, at: now });
    await recount(tx, row, timeZone, now);
    return { id: row.id, created: true };
  });
}

export async function patchOrder(db: Db, actorId: string, id: string, p: Patch, timeZone: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
    if (!current) throw notFound('order');
    await change(tx, current, p, actorId, timeZone, now);
  });
}
