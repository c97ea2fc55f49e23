import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Order, OrderDetail, orderQuery } from '@kefu/shared/orders-api';
import type { Db } from '../../db/client.ts';
import { customers, orderRemarks, orders, orderStageChanges, shops, users } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { notFound } from '../../platform/errors.ts';
import { inCustomerGroup } from '../customers/customers.queries.ts';

const columns = {
  o: orders, shopName: shops.name, customerName: customers.name,
  remark: sql<string | null>`(select r.text from order_remarks r where r.order_id = ${orders.id} order by r.version desc limit 1)`,
};
type Row = { o: typeof orders.$inferSelect; shopName: string; customerName: string; remark: string | null };

function present(r: Row): Order {
  const o = r.o;
  return {
    id: o.id, shopId: o.shopId, shopName: r.shopName, platformOrderNo: o.platformOrderNo, buyerId: o.buyerId,
    customerId: o.customerId, customerName: r.customerName, items: o.items as Order['items'], amount: Number(o.amount),
    paidAt: o.paidAt?.toISOString() ?? null, stage: o.stage as Order['stage'], courier: o.courier, trackingNo: o.trackingNo,
    shipBy: o.shipBy, arriveBy: o.arriveBy, remark: r.remark, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(),
  };
}

/** Orders newest first, by shop, stage, buyer, platform order number or customer (with duplicates merged into it). */
export async function listOrders(db: Db, q: z.infer<typeof orderQuery>) {
  const conds: SQL[] = [];
  if (q.shopId) conds.push(eq(orders.shopId, q.shopId));
  if (q.stage) conds.push(eq(orders.stage, q.stage));
  if (q.buyerId) conds.push(eq(orders.buyerId, q.buyerId));
  if (q.platformOrderNo) conds.push(eq(orders.platformOrderNo, q.platformOrderNo));
  if (q.customerId) conds.push(inCustomerGroup(orders.customerId, q.customerId));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    conds.push(sql`(${orders.createdAt}, ${orders.id}) < (${new Date(c.sortValue).toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db.select(columns).from(orders).innerJoin(shops, eq(shops.id, orders.shopId)).innerJoin(customers, eq(customers.id, orders.customerId))
    .where(conds.length ? and(...conds) : undefined).orderBy(desc(orders.createdAt), desc(orders.id)).limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items: items.map(present), nextCursor: more && last ? encodeCursor(last.o.createdAt.toISOString(), last.o.id) : null };
}

/** One order with every version of its remark and its stage moves. */
export async function orderDetail(db: Db, id: string): Promise<OrderDetail> {
  const [[row], remarks, stages] = await Promise.all([
    db.select(columns).from(orders).innerJoin(shops, eq(shops.id, orders.shopId)).innerJoin(customers, eq(customers.id, orders.customerId)).where(eq(orders.id, id)),
    db.select({ r: orderRemarks, agentName: users.displayName }).from(orderRemarks).leftJoin(users, eq(users.id, orderRemarks.agentId))
      .where(eq(orderRemarks.orderId, id)).orderBy(desc(orderRemarks.version)),
    db.select({ s: orderStageChanges, actorName: users.displayName }).from(orderStageChanges).leftJoin(users, eq(users.id, orderStageChanges.actorId))
      .where(eq(orderStageChanges.orderId, id)).orderBy(desc(orderStageChanges.at)),
  ]);
  if (!row) throw notFound('order');
  return {
    ...present(row),
    remarks: remarks.map(({ r, agentName }) => ({ id: r.id, version: r.version, text: r.text, agentName, at: r.at.toISOString() })),
    stages: stages.map(({ s, actorName }) => ({ from: s.fromStage, to: s.toStage, at: s.at.toISOString(), actorName })),
  };
}
