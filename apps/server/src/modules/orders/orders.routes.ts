import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { errorBody, id, page } from '@kefu/shared/api';
import { order, orderBody, shopPolicies, orderDetail as orderDetailOut, orderPatch, orderQuery, remarkBody, shop, shopBody } from '@kefu/shared/orders-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { shops } from '../../db/schema/index.ts';
import { patchOrder, saveOrder } from './save-order.ts';
import { listOrders, orderDetail } from './order-reads.ts';
import { addRemark } from './order-remarks.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { localDate } from '../../platform/time/wall-clock.ts';

const idParams = z.object({ id });

/** Shops and their orders (ORD-*): recorded by shop middleware, an import or by hand; remarks keep every version. */
export function orderRoutes(app: App, { db, config, clock }: Deps): void {
  const tz = config.KEFU_TIMEZONE;

  app.get('/api/v1/shops', {
    config: { permission: 'order:view' },
    schema: { tags: ['orders'], summary: 'The shops and their policies', response: { 200: z.object({ items: z.array(shop) }) } },
  }, async () => ({
    // policies saved before a policy existed get its default
    items: (await db.select().from(shops).orderBy(asc(shops.createdAt))).map((s) => ({
      ...s, platform: s.platform as z.infer<typeof shop>['platform'], policies: shopPolicies.parse(s.policies), createdAt: s.createdAt.toISOString(),
    })),
  }));

  app.post('/api/v1/shops', {
    config: { permission: 'shop:manage' },
    schema: { tags: ['orders'], summary: 'Add a shop (platform and name; policies such as the default courier and no-reason return days)', body: shopBody, response: { 201: z.object({ id }) } },
  }, async (req, reply) => {
    const [row] = await db.insert(shops).values(req.body).returning({ id: shops.id });
    return reply.status(201).send(row);
  });

  app.post('/api/v1/orders', {
    config: { permission: 'order:edit' },
    schema: {
      tags: ['orders'],
      summary: 'Record an order; the same shop and platform order number again updates it and answers the same id (200 instead of 201)',
      body: orderBody,
      response: { 200: orderDetailOut, 201: orderDetailOut, 422: errorBody },
    },
  }, async (req, reply) => {
    const { id: orderId, created } = await saveOrder(db, principalOf(req).userId, req.body, tz, clock.now());
    return reply.status(created ? 201 : 200).send(await orderDetail(db, orderId));
  });

  app.patch('/api/v1/orders/:id', {
    config: { permission: 'order:edit' },
    schema: { tags: ['orders'], summary: 'Update an order (its stage, courier, tracking, dates…): a stage move is recorded', params: idParams, body: orderPatch, response: { 200: orderDetailOut, 404: errorBody } },
  }, async (req) => {
    await patchOrder(db, principalOf(req).userId, req.params.id, req.body, tz, clock.now());
    return orderDetail(db, req.params.id);
  });

  app.get('/api/v1/orders', {
    config: { permission: 'order:view' },
    schema: { tags: ['orders'], summary: 'Orders newest first, by shop, stage, buyer, platform order number or customer', querystring: orderQuery, response: { 200: page(order), 400: errorBody } },
  }, async (req) => listOrders(db, req.query));

  app.get('/api/v1/orders/:id', {
    config: { permission: 'order:view' },
    schema: { tags: ['orders'], summary: 'One order with every version of its remark and its stage moves', params: idParams, response: { 200: orderDetailOut, 404: errorBody } },
  }, async (req) => orderDetail(db, req.params.id));

  app.post('/api/v1/orders/:id/remarks', {
    config: { permission: 'order:edit' },
    schema: { tags: ['orders'], summary: 'A new version of the order\'s remark (备注); earlier versions are kept with time and agent. A likely serious error (size, ship date) answers 422 REMARK_CHECK naming each; send confirm: true to save it anyway', params: idParams, body: remarkBody, response: { 201: orderDetailOut, 404: errorBody, 422: errorBody } },
  }, async (req, reply) => {
    const now = clock.now();
    await addRemark(db, req.params.id, req.body, principalOf(req).userId, now, localDate(tz, now), requestLocale(req));
    return reply.status(201).send(await orderDetail(db, req.params.id));
  });
}
