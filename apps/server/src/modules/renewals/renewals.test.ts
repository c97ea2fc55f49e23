import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import { DAILY_JOB } from './renewal-jobs.ts';
import { isLastDayOfMonth, monthAfter } from './renewal-days.ts';

// Renewals at a month end (CUS-09, RPT-19): the owners' notices at each
// kind's lead time, once; on the last day of January the list of February's
// unowned renewals, stored and sent to the market director.

const clock = movableClock(new Date('2027-01-20T02:00:00Z'));
/** 10:00 in Shanghai on that day */
const setDay = (day: string) => clock.set(new Date(`${day}T10:00:00+08:00`));

let t: TestApp;
let mgr: string;
let sales: string;
let op: string;
const users: Record<string, string> = {};
const svc: Record<string, string> = {};

async function runDaily(): Promise<void> {
  await enqueue(t.database.db, DAILY_JOB, {});
  await t.drain();
}

async function noticesOf(username: string, kind: string): Promise<{ title: string; body: string }[]> {
  return queryRows(t.database.db, sql`select n.title, n.body from notifications n join users u on u.id = n.user_id
    where u.username = ${username} and n.kind = ${kind} order by n.created_at`);
}

beforeAll(async () => {
  t = await createTestApp({ KEFU_TIMEZONE: 'Asia/Shanghai' }, { rules: false, clock });
  [mgr, sales, op] = await Promise.all([t.login('cs_manager'), t.login('sales_clerk'), t.login('operator')]);
  for (const u of await queryRows<{ id: string; username: string }>(t.database.db, sql`select id, username from users`)) users[u.username] = u.id;
  const customer = async (name: string, phone: string) => (await t.request(mgr, 'POST', '/api/v1/customers', { name, phone })).body.id as string;
  const [a, b, c] = await Promise.all([customer('星辰科技', '13900002001'), customer('海风贸易', '13900002002'), customer('山水酒店', '13900002003')]);
  const add = async (key: string, body: object) => {
    const res = await t.request(mgr, 'POST', '/api/v1/customer-services', { startsAt: '2026-02-01', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    svc[key] = res.body.id;
  };
  await add('domain', { customerId: a, kind: 'domain', name: 'xingchen.cn', expiresAt: '2027-01-31', ownerId: users.sales_clerk });
  await add('promotion', { customerId: a, kind: 'promotion', name: '搜索推广', expiresAt: '2027-02-28', ownerId: users.sales_clerk, price: 6000 });
  await add('unownedHosting', { customerId: b, kind: 'hosting', name: '海风官网托管', expiresAt: '2027-02-28' });
  await add('ownedMembership', { customerId: c, kind: 'hosting', name: '山水官网托管', expiresAt: '2027-02-10', ownerId: users.sales_clerk });
  await add('marchDomain', { customerId: b, kind: 'domain', name: 'haifeng.com.cn', expiresAt: '2027-03-01' });
  await add('cancelled', { customerId: c, kind: 'hosting', name: '旧站托管', expiresAt: '2027-02-01' });
  expect((await t.request(mgr, 'PATCH', `/api/v1/customer-services/${svc.cancelled}`, { status: 'cancelled' })).body.status).toBe('cancelled');
});
afterAll(async () => { await t.close(); });

describe('renewals at a month end (CUS-09, RPT-19)', () => {
  it('starts with the catalogue\'s kinds: a week for hosting and domains, a month (to be confirmed) for promotion', async () => {
    const res = await t.request(sales, 'GET', '/api/v1/renewal-kinds');
    expect(res.body.items.map((k: { key: string; leadAmount: number; leadUnit: string; tentative: boolean }) => `${k.key}:${k.leadAmount}${k.leadUnit}${k.tentative ? '?' : ''}`))
      .toEqual(['hosting:7days', 'domain:7days', 'promotion:1months?', 'membership:30days']);
    expect(isLastDayOfMonth('2027-01-31')).toBe(true);
    expect(isLastDayOfMonth('2028-02-28')).toBe(false);
    expect(monthAfter('2027-12-31')).toBe('2028-01');
  });

  it('tells the owner a week before a domain expires and a month before a promotion, once each', async () => {
    setDay('2027-01-23');
    await runDaily();
    expect(await noticesOf('sales_clerk', 'renewal.due')).toEqual([]);

    setDay('2027-01-24');
    await runDaily();
    await runDaily();
    const first = await noticesOf('sales_clerk', 'renewal.due');
    expect(first).toHaveLength(1);
    expect(first[0].title).toBe('续费提醒：星辰科技 的域名「xingchen.cn」将于 2027-01-31 到期');
    expect(first[0].body).toContain('还有 7 天');

    setDay('2027-01-27');
    await runDaily();
    expect(await noticesOf('sales_clerk', 'renewal.due')).toHaveLength(1);
    // 2027-02-28 less one month
    setDay('2027-01-28');
    await runDaily();
    await runDaily();
    const both = await noticesOf('sales_clerk', 'renewal.due');
    expect(both.map((n) => n.title)).toEqual([first[0].title, '续费提醒：星辰科技 的推广服务「搜索推广」将于 2027-02-28 到期']);
    const board = await t.request(sales, 'GET', '/api/v1/renewals?month=2027-02');
    expect(board.body.items.find((s: { id: string }) => s.id === svc.promotion)).toMatchObject({ daysLeft: 31, noticeSentAt: expect.any(String) });
  });

  it('on the last day of January lists February\'s unowned renewals for the market director, once', async () => {
    setDay('2027-01-30');
    await runDaily();
    expect((await t.request(mgr, 'GET', '/api/v1/renewals/month-end-lists')).body).toEqual({ items: [], nextMonth: '2027-02' });
    // worked out on demand before it is sent
    const preview = await t.request(mgr, 'GET', '/api/v1/renewals/month-end-lists/2027-02');
    expect(preview.body).toMatchObject({ stored: false, count: 1 });

    setDay('2027-01-31');
    await runDaily();
    await runDaily();
    const lists = await t.request(mgr, 'GET', '/api/v1/renewals/month-end-lists');
    expect(lists.body.items).toEqual([expect.objectContaining({ month: '2027-02', count: 1, recipientNames: ['孙伟'], sentByName: null })]);
    const list = await t.request(await t.login('marketing'), 'GET', '/api/v1/renewals/month-end-lists/2027-02');
    expect(list.body).toMatchObject({ stored: true, items: [{ serviceId: svc.unownedHosting, customerName: '海风贸易', expiresAt: '2027-02-28', kindName: '网站托管' }] });
    const told = await noticesOf('marketing', 'renewal.month_end_list');
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe('2027-02 无人负责客户续费名单（1 项）');
    expect(told[0].body).toContain('海风贸易');

    // the board says the same; an owner who left makes the customer unowned
    const unowned = await t.request(mgr, 'GET', '/api/v1/renewals?month=2027-02&unowned=true&status=active');
    expect(unowned.body.items.map((s: { id: string }) => s.id)).toEqual([svc.unownedHosting]);
    await t.database.db.execute(sql`update users set active = false where username = 'sales_clerk'`);
    const later = await t.request(mgr, 'GET', '/api/v1/renewals/month-end-lists/2027-02');
    expect(later.body.items).toHaveLength(1);
    const resent = await t.request(mgr, 'POST', '/api/v1/renewals/month-end-lists/2027-02/send');
    expect(resent.body.items.map((i: { name: string }) => i.name)).toEqual(['山水官网托管', '搜索推广', '海风官网托管']);
    expect(resent.body.sentByName).toBe('陈刚');
    expect(await noticesOf('marketing', 'renewal.month_end_list')).toHaveLength(2);
    await t.database.db.execute(sql`update users set active = true where username = 'sales_clerk'`);
  });

  it('renews with a new period and keeps the old one', async () => {
    const res = await t.request(sales, 'POST', `/api/v1/customer-services/${svc.domain}/renew`, { expiresAt: '2028-01-31', price: 150 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'renewed', expiresAt: '2028-01-31', noticeSentAt: null, price: 150 });
    expect(res.body.periods.map((p: { startsAt: string; expiresAt: string }) => `${p.startsAt}..${p.expiresAt}`)).toEqual(['2027-02-01..2028-01-31', '2026-02-01..2027-01-31']);
    expect((await t.request(sales, 'POST', `/api/v1/customer-services/${svc.domain}/renew`, { expiresAt: '2027-06-01' })).body.error.code).toBe('RENEWAL_NOT_LATER');
    // what 星辰科技 paid in Kefu this quarter (the promotion, then this renewal) is what the class rules read
    const [m] = await queryRows<{ revenue: string; payments: string }>(t.database.db, sql`
      select m.revenue, m.payments from customer_measures m join customers c on c.id = m.customer_id where c.name = '星辰科技' and m.quarter = '2027Q1'`);
    expect([Number(m.revenue), Number(m.payments)]).toEqual([6150, 6150]);
  });

  it('records a non-renewal only with its reason and the salesperson\'s report back', async () => {
    const url = `/api/v1/customer-services/${svc.ownedMembership}/not-renewed`;
    const bare = await t.request(sales, 'POST', url, {});
    expect(bare.status).toBe(422);
    expect(bare.body.error).toMatchObject({ code: 'NON_RENEWAL_REASON_REQUIRED', message: '登记未续费请选择原因类别并写明原因' });
    expect((await t.request(sales, 'POST', url, { reasonCategory: 'price', reason: '嫌贵' })).body.error.code).toBe('NON_RENEWAL_REPORT_REQUIRED');
    const notOwner = await t.request(op, 'POST', url, { reasonCategory: 'price', reason: '嫌贵', reportBack: '已报价八折,客户仍不续' });
    expect([notOwner.status, notOwner.body.error.code]).toEqual([403, 'NOT_SERVICE_OWNER']);
    const ok = await t.request(sales, 'POST', url, { reasonCategory: 'price', reason: '嫌贵', reportBack: '已报价八折,客户仍不续' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'not_renewed', nonRenewals: [{ reasonCategory: 'price', reason: '嫌贵', reportBack: '已报价八折,客户仍不续', recordedByName: '周芳' }] });
    const again = await t.request(sales, 'POST', url, { reasonCategory: 'price', reason: '嫌贵', reportBack: 'x' });
    expect([again.status, again.body.error.code]).toEqual([409, 'SERVICE_NOT_LIVE']);
    const listed = await t.request(mgr, 'GET', '/api/v1/renewals/non-renewals?month=2027-02');
    expect(listed.body.items.map((n: { customerName: string; serviceName: string }) => `${n.customerName}/${n.serviceName}`)).toEqual(['山水酒店/山水官网托管']);
  });

  it('shows salespeople only their own services; only managers add services or change kinds', async () => {
    const mine = await t.request(sales, 'GET', '/api/v1/renewals?limit=100');
    expect(mine.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['搜索推广', '山水官网托管', 'xingchen.cn'].sort());
    expect((await t.request(op, 'GET', '/api/v1/renewals')).body.items).toEqual([]);
    expect((await t.request(op, 'GET', `/api/v1/customer-services/${svc.domain}`)).status).toBe(404);
    expect((await t.request(op, 'POST', '/api/v1/customer-services', {})).status).toBe(403);
    expect((await t.request(sales, 'PUT', '/api/v1/renewal-kinds', { items: [] })).status).toBe(403);
    const page1 = await t.request(mgr, 'GET', '/api/v1/customer-services?limit=2');
    const page2 = await t.request(mgr, 'GET', `/api/v1/customer-services?limit=10&cursor=${page1.body.nextCursor}`);
    expect(page1.body.items.length + page2.body.items.length).toBe(6);
    const kinds = (await t.request(mgr, 'GET', '/api/v1/renewal-kinds')).body.items;
    const dropped = await t.request(mgr, 'PUT', '/api/v1/renewal-kinds', { items: kinds.filter((k: { key: string }) => k.key !== 'domain') });
    expect(dropped.body.error.code).toBe('IN_USE');
    const promo = kinds.map((k: { key: string }) => (k.key === 'promotion' ? { ...k, leadAmount: 2, tentative: false } : k));
    expect((await t.request(mgr, 'PUT', '/api/v1/renewal-kinds', { items: promo })).body.items[2]).toMatchObject({ key: 'promotion', leadAmount: 2, tentative: false });
  });
});
