import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
let mgr: string;
let op: string;
let opId: string;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ KEFU_TIMEZONE: 'Asia/Shanghai' });
  [mgr, op] = await Promise.all([t.login('cs_manager'), t.login('operator')]);
  [{ id: opId }] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'operator'`);
  await t.request(mgr, 'PUT', `/api/v1/customer-specialists/${opId}`, { skill: 3, classes: [], capacity: null, active: true });
  for (const [k, cls, phone] of [['a', 'A', '13933330001'], ['b', 'B', '13933330002']] as const) {
    ids[k] = (await t.request(mgr, 'POST', '/api/v1/customers', { name: `${k}客户`, phone })).body.id;
    await t.request(mgr, 'PUT', `/api/v1/customers/${ids[k]}/class`, { classKey: cls, reason: '测试' });
  }
  await t.request(mgr, 'POST', '/api/v1/customer-assignments/apply', { assignments: [{ customerId: ids.a, ownerId: opId }, { customerId: ids.b, ownerId: opId }] });
  // the owner's first calls: the first-contact timers stop and the plan counts from here
  for (const id of [ids.a, ids.b]) await t.request(op, 'POST', '/api/v1/interactions', { channel: 'phone', direction: 'outbound', customerId: id });
});
afterAll(async () => { await t.close(); });

const run = async () => (await t.request(mgr, 'POST', '/api/v1/callbacks/contact-plan/run')).body.created as number;
const planTasks = () => queryRows<{ id: string; customer_id: string; assignee_id: string; status: string; due_at: Date }>(t.database.db, sql`
  select id, customer_id, assignee_id, status, due_at from callback_tasks where source = '定期联系计划' order by created_at`);
const contactedDaysAgo = (id: string, days: number) => t.database.db.execute(sql`
  update customers set last_contact_at = now() - make_interval(days => ${days}) where id = ${id}::uuid`);

describe('the contact plan (CBK-11, NTF-01: at least every half month for A)', () => {
  it('makes a callback for the owner when the gap comes within the lead days, once, due when the cadence runs out', async () => {
    expect(await run()).toBe(0);
    // A: every 15 days, made 3 days ahead; B: every 30 days
    await contactedDaysAgo(ids.a, 13);
    await contactedDaysAgo(ids.b, 13);
    expect(await run()).toBe(1);
    const [task] = await planTasks();
    expect(task).toMatchObject({ customer_id: ids.a, assignee_id: opId, status: 'open' });
    const [c] = await queryRows<{ last: Date }>(t.database.db, sql`select last_contact_at as last from customers where id = ${ids.a}::uuid`);
    expect(Math.abs(new Date(task.due_at).getTime() - (new Date(c.last).getTime() + 15 * DAY))).toBeLessThan(1000);
    // an open plan callback is not made twice
    expect(await run()).toBe(0);
    expect((await t.request(op, 'GET', '/api/v1/callbacks?view=mine')).body.items.map((x: { id: string }) => x.id)).toContain(task.id);
  });

  it('a reached customer starts the next gap', async () => {
    const [task] = await planTasks();
    // at any hour of the test run: the customer's quiet hours are not what is tested here
    const res = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`, { result: 'reached', satisfaction: 'satisfied', durationSeconds: 90, quietHoursOverride: true });
    expect(res.body?.error?.code ?? null).toBeNull();
    expect(res.status).toBe(201);
    const [c] = await queryRows<{ last: Date }>(t.database.db, sql`select last_contact_at as last from customers where id = ${ids.a}::uuid`);
    expect(Date.now() - new Date(c.last).getTime()).toBeLessThan(DAY);
    expect(await run()).toBe(0);
    // B's month is nearly up now
    await contactedDaysAgo(ids.b, 28);
    expect(await run()).toBe(1);
    expect((await planTasks()).map((x) => x.customer_id)).toEqual([ids.a, ids.b]);
  });
});

describe('data-quality tasks (CUS-15)', () => {
  const board = async (issue = 'wrong_phone') => ((await t.request(mgr, 'GET', `/api/v1/customer-archive/data-quality?issue=${issue}`)).body.items as { id: string; phoneFlag: { note: string } | null }[]);

  it('a callback that reaches a wrong number puts the customer on the board until the phone is corrected', async () => {
    const task = (await planTasks()).find((x) => x.customer_id === ids.b)!;
    const res = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`, { result: 'wrong_number', note: '空号', quietHoursOverride: true });
    expect(res.body?.error?.code ?? null).toBeNull();
    const flagged = await board();
    expect(flagged.map((c) => c.id)).toEqual([ids.b]);
    expect(flagged[0].phoneFlag).toMatchObject({ note: '空号' });
    expect((await t.request(op, 'GET', '/api/v1/customer-archive/data-quality')).status).toBe(403);
    expect((await t.request(mgr, 'PATCH', `/api/v1/customers/${ids.b}`, { phone: '13933339999' })).status).toBe(200);
    expect(await board()).toEqual([]);
    expect((await t.request(mgr, 'GET', `/api/v1/customers/${ids.b}`)).body.phoneFlag).toBeNull();
  });

  it('staff report a wrong phone by hand, and clear it once checked', async () => {
    expect((await t.request(op, 'POST', `/api/v1/customers/${ids.a}/phone-flag`, { note: '客户说换号了' })).status).toBe(204);
    expect((await board()).map((c) => c.id)).toEqual([ids.a]);
    expect((await t.request(op, 'DELETE', `/api/v1/customers/${ids.a}/phone-flag`)).status).toBe(204);
    expect(await board()).toEqual([]);
    // every customer here has an owner and no address
    const noAddress = (await board('no_address')).map((c) => c.id);
    expect(noAddress).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect((await board('no_owner')).map((c) => c.id)).not.toContain(ids.a);
  });
});
