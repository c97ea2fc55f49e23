import { z } from 'zod';
import { id, isoDate } from './api.ts';

// Shop orders (订单, ORD-*): what the after-payment CS work is about.

/** How far fulfilment got (履约阶段): what a change may still do depends on it (ORD-11..13). */
export const ORDER_STAGES = ['unpaid', 'paid', 'printed', 'packed', 'shipped', 'delivered', 'completed', 'refunding', 'refunded'] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];
export const SHOP_PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'alibaba', 'wechat', 'own', 'other'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-07');

export const shopPolicies = z.object({
  /** the courier used unless the buyer asks for another (ORD-24: 中通) */
  defaultCourier: z.string().trim().max(40).nullable().default(null),
  /** days of no-reason returns (7天无理由退货) */
  returnDays: z.number().int().min(0).max(90).default(7),
  /** a remark's ship date further away than this is flagged as a likely error (ORD-05) */
  maxShipDays: z.number().int().min(1).max(365).default(45),
}).strict();
export const shopBody = z.object({
  platform: z.enum(SHOP_PLATFORMS),
  name: z.string().trim().min(1).max(60),
  policies: shopPolicies.default({ defaultCourier: null, returnDays: 7, maxShipDays: 45 }),
}).strict();
export const shop = shopBody.extend({ id, createdAt: isoDate });
export type Shop = z.infer<typeof shop>;

export const orderItem = z.object({
  product: z.string().trim().min(1).max(120),
  spec: z.string().trim().max(120).nullable().optional(),
  /** custom attributes (size 1.24m×2m, font colour…) */
  attributes: z.record(z.string().max(40), z.string().max(200)).optional(),
  quantity: z.number().int().min(1).max(100_000),
  price: z.number().min(0).max(1e9),
}).strict();

const orderFields = {
  buyerId: z.string().trim().min(1).max(64).describe('the buyer\'s account on the platform (旺旺号…)'),
  items: z.array(orderItem).min(1).max(100),
  amount: z.number().min(0).max(1e10),
  paidAt: isoDate.nullable().optional(),
  stage: z.enum(ORDER_STAGES),
  courier: z.string().trim().max(40).nullable().optional(),
  trackingNo: z.string().trim().max(64).nullable().optional(),
  shipBy: day.nullable().optional(),
  arriveBy: day.nullable().optional(),
};
export const orderBody = z.object({
  shopId: id,
  platformOrderNo: z.string().trim().min(1).max(64),
  customer: z.union([z.object({ id }).strict(), z.object({ name: z.string().trim().min(1).max(64), phone: z.string().trim().min(3).max(32), address: z.string().trim().max(200).nullable().optional() }).strict()]),
  ...orderFields,
}).strict();
export const orderPatch = z.object(orderFields).partial().strict();

export const orderRemark = z.object({ id, version: z.number().int(), text: z.string(), agentName: z.string().nullable(), at: isoDate });
export const remarkBody = z.object({
  text: z.string().trim().min(1).max(2000),
  /** save even though the check found a likely serious error (the agent checked it) */
  confirm: z.boolean().default(false),
}).strict();

export const order = z.object({
  id, shopId: id, shopName: z.string(), platformOrderNo: z.string(), buyerId: z.string(),
  customerId: id, customerName: z.string(),
  items: z.array(orderItem), amount: z.number(), paidAt: isoDate.nullable(), stage: z.enum(ORDER_STAGES),
  courier: z.string().nullable(), trackingNo: z.string().nullable(), shipBy: z.string().nullable(), arriveBy: z.string().nullable(),
  /** the latest remark; every version is in `remarks` of the detail */
  remark: z.string().nullable(),
  createdAt: isoDate, updatedAt: isoDate,
});
export type Order = z.infer<typeof order>;
export const orderDetail = order.extend({
  remarks: z.array(orderRemark),
  stages: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: isoDate, actorName: z.string().nullable() })),
});
export type OrderDetail = z.infer<typeof orderDetail>;

export const orderQuery = z.object({
  shopId: id.optional(),
  stage: z.enum(ORDER_STAGES).optional(),
  buyerId: z.string().trim().max(64).optional(),
  platformOrderNo: z.string().trim().max(64).optional(),
  customerId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
