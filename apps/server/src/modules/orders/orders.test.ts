import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.ts';
import { queryRows } from '../../db/client.ts';

// Shop orders (issue 15, first step): recorded once per shop and platform
// order number, remarks that keep every version, stage moves, and what the
// customer paid feeding the class figures (issue 14).

const clock = movableClock(new Date('2026-11-20T02:00:00Z'));
let t: TestApp;
let mgr: string;
let op: string;
let shopId: string;
const paid = (no: string, extra: object = {}) => ({
  shopId, platformOrderNo: no, buyerId: 'tb_zhang3', customer: { name: '张三', phone: '13944440001', address: '杭州市西湖区文三路 1 号' },
  items: [{ product: '定制墙画', spec: '客厅', attributes: { size: '1.24m×2m' }, quantity: 1, price: 5600 }], amount: 5600,
  paidAt: '2026-11-20T01:00:00Z', stage: 'paid', ...extra,
});
const figures = async () => (await queryRows<{ revenue: string; payments: string }>(t.database.db, sql`
  select m.revenue, m.payments from customer_measures m join customers c on c.id = m.customer_id where c.phone = '13944440001' and m.quarter = '2026Q4'`))
  .map((m) => [Number(m.revenue), Number(m.payments)])[0] ?? [0, 0];

beforeAll(async () => {
  t = await createTestApp({ KEFU_TIMEZONE: 'Asia/Shanghai' }, { clock });
  [mgr, op] = await Promise.all([t.login('cs_manager'), t.login('operator')]);
  expect((await t.request(op, 'POST', '/api/v1/shops', { platform: 'taobao', name: '墙画旗舰店' })).status).toBe(403);
  const res = await t.request(mgr, 'POST', '/api/v1/shops', { platform: 'taobao', name: '墙画旗舰店', policies: { defaultCourier: '中通快递', returnDays: 7 } });
  expect(res.status).toBe(201);
  shopId = res.body.id;
  // a shop saved before a policy existed answers with its default
  await t.database.db.execute(sql`insert into shops (platform, name, policies) values ('jd', '旧店', '{"returnDays": 7}'::jsonb)`);
  const list = await t.request(op, 'GET', '/api/v1/shops');
  expect(list.status).toBe(200);
  expect(list.body.items.find((s: { name: string }) => s.name === '旧店').policies).toEqual({ defaultCourier: null, returnDays: 7, maxShipDays: 45 });
});
afterAll(async () => { await t.close(); });

describe('shop orders', () => {
  let orderId: string;

  it('records an order once per shop and platform order number, matching or adding the customer', async () => {
    const first = await t.request(op, 'POST', '/api/v1/orders', paid('TB1001'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stage: 'paid', amount: 5600, customerName: '张三', shopName: '墙画旗舰店', stages: [{ from: null, to: 'paid' }] });
    orderId = first.body.id;
    // the middleware posts it again, printed now: the same order
    const again = await t.request(op, 'POST', '/api/v1/orders', paid('TB1001', { stage: 'printed' }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: orderId, stage: 'printed' });
    expect(again.body.stages.map((s: { from: string | null; to: string }) => `${s.from}→${s.to}`)).toEqual(['paid→printed', 'null→paid']);
    // a second order of the same buyer, a minute later, finds the same customer
    clock.advance(60_000);
    const second = await t.request(op, 'POST', '/api/v1/orders', paid('TB1002', { amount: 400, items: [{ product: '基膜胶', quantity: 1, price: 400 }] }));
    expect(second.body.customerId).toBe(first.body.customerId);
    const byBuyer = await t.request(op, 'GET', '/api/v1/orders?buyerId=tb_zhang3');
    expect(byBuyer.body.items.map((o: { platformOrderNo: string }) => o.platformOrderNo)).toEqual(['TB1002', 'TB1001']);
    expect((await t.request(op, 'GET', '/api/v1/orders?platformOrderNo=TB1001')).body.items).toHaveLength(1);
    expect((await t.request(op, 'POST', '/api/v1/orders', { ...paid('TB1003'), shopId: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
  });

  it('counts what the customer paid in the quarter\'s figures, and takes a refund back', async () => {
    expect(await figures()).toEqual([6000, 6000]);
    const refunded = await t.request(op, 'PATCH', `/api/v1/orders/${orderId}`, { stage: 'refunded' });
    expect(refunded.status).toBe(200);
    expect(await figures()).toEqual([400, 400]);
    // an unpaid order counts for nothing until it is paid
    await t.request(op, 'POST', '/api/v1/orders', paid('TB1004', { stage: 'unpaid', paidAt: null, amount: 100 }));
    expect(await figures()).toEqual([400, 400]);
  });

  it('keeps every version of the remark with its time and agent', async () => {
    const v1 = await t.request(op, 'POST', `/api/v1/orders/${orderId}/remarks`, { text: '张三,1.24*2,定制,12月1日发货,送货上门,好评返现' });
    expect(v1.status).toBe(201);
    clock.advance(60_000);
    const v2 = await t.request(mgr, 'POST', `/api/v1/orders/${orderId}/remarks`, { text: '客户要求修改地址,新地址为:文三路 9 号---2026.11.20 王丽' });
    expect(v2.body.remark).toContain('文三路 9 号');
    expect(v2.body.remarks.map((r: { version: number; agentName: string }) => [r.version, r.agentName])).toEqual([[2, expect.any(String)], [1, '王丽']]);
    expect(v2.body.remarks[1].text).toContain('好评返现');
    expect((await t.request(op, 'POST', `/api/v1/orders/${orderId}/remarks`, { text: '' })).status).toBe(400);
  });

  it('stops a remark with a classic serious error until the agent confirms it (ORD-05)', async () => {
    const swapped = await t.request(op, 'POST', `/api/v1/orders/${orderId}/remarks`, { text: '张三,2*1.24,定制,10月30日发货,送货上门' }, { 'accept-language': 'zh-CN' });
    expect(swapped.status).toBe(422);
    expect(swapped.body.error.code).toBe('REMARK_CHECK');
    expect(swapped.body.error.details.map((d: { path: string }) => d.path)).toEqual(['SIZE_SWAPPED', 'SHIP_DATE_PAST']);
    expect(swapped.body.error.details[0].message).toContain('宽高颠倒');
    const confirmed = await t.request(op, 'POST', `/api/v1/orders/${orderId}/remarks`, { text: '张三,2*1.24,定制,10月30日发货,送货上门', confirm: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.remarks).toHaveLength(3);
  });
});
