import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { users } from './org.ts';

/** A shop on a platform (淘宝, 京东…) with its policies (default courier, no-reason returns, ORD-24). */
export const shops = pgTable('shops', {
  id: uuid('id').primaryKey().defaultRandom(),
  platform: text('platform').notNull(),
  name: text('name').notNull(),
  policies: jsonb('policies').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** A shop order: one per shop and platform order number (a second post of it is the same order). */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shopId: uuid('shop_id').notNull().references(() => shops.id),
    platformOrderNo: text('platform_order_no').notNull(),
    buyerId: text('buyer_id').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    items: jsonb('items').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true, precision: 3 }),
    /** unpaid → paid → printed → packed → shipped → delivered → completed; refunding, refunded */
    stage: text('stage').notNull(),
    courier: text('courier'),
    trackingNo: text('tracking_no'),
    shipBy: date('ship_by'),
    arriveBy: date('arrive_by'),
    /** what the customer's figures hold of this order (its amount once paid, none once refunded) */
    countedAmount: numeric('counted_amount', { precision: 14, scale: 2 }).notNull().default('0'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_shop_no_idx').on(t.shopId, t.platformOrderNo),
    index('orders_platform_no_idx').on(t.platformOrderNo),
    index('orders_buyer_idx').on(t.buyerId, t.createdAt.desc().nullsFirst()),
    index('orders_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
    index('orders_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_stage_idx').on(t.stage, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** Every version of an order's remark (备注): the original is never lost (ORD-08, AUD-07). */
export const orderRemarks = pgTable(
  'order_remarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => orders.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    agentId: uuid('agent_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('order_remarks_version_idx').on(t.orderId, t.version)],
);

/** Each move of an order's fulfilment stage, with who (or which system) moved it. */
export const orderStageChanges = pgTable(
  'order_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => orders.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('order_stage_changes_order_idx').on(t.orderId, t.at)],
);
