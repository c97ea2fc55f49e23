import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { lastCompleteQuarter, localToday } from './class-recompute.ts';

let t: TestApp;
let op: string;
let mgr: string;
const TZ = 'Asia/Shanghai';
const quarter = lastCompleteQuarter(localToday(TZ));
const ids: Record<string, string> = {};
const repair = (customer: object) => ({ type: 'repair', channel: 'phone', customer, fields: { content: '奶箱锁坏了', preferredTime: '晚上' } });

beforeAll(async () => {
  t = await createTestApp({ KEFU_TIMEZONE: TZ }, { rules: false });
  [op, mgr] = await Promise.all([t.login('operator'), t.login('cs_manager')]);
  const people: [string, object][] = [
    ['survivor', { name: '王建国', phone: '13911110001', tags: ['老客户'] }],
    ['dup', { name: '王建国', phone: '13911110002', email: 'wang@example.com', address: '和平路 8 号', customerSince: '2019-05-01', tags: ['福利单位'] }],
    ['older', { name: '王建国', phone: '13911110003' }],
    ['other', { name: '李四', phone: '13911110009' }],
  ];
  for (const [k, body] of people) {
    const res = await t.request(mgr, 'POST', '/api/v1/customers', body);
    expect(res.status).toBe(201);
    ids[k] = res.body.id;
  }
  // the duplicate earns enough for class A on its own
  const m = await t.request(mgr, 'PUT', '/api/v1/customer-measures', { rows: [{ customerId: ids.dup, quarter, revenue: 6200 }] });
  expect(m.status).toBe(200);
});
afterAll(async () => { await t.close(); });

const get = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/customers/${id}`)).body;
const historyIds = async (id: string) => ((await t.request(mgr, 'GET', `/api/v1/customers/${id}/history`)).body.items as { id: string }[]).map((i) => i.id);
const ticketIds = async (id: string) => ((await t.request(mgr, 'GET', `/api/v1/tickets?customerId=${id}`)).body.items as { id: string }[]).map((i) => i.id);

describe('merging duplicate customers, with undo', () => {
  let dupTicket: string;
  let olderTicket: string;

  it('refuses a merge into itself, of an unknown customer, and for an operator', async () => {
    expect((await t.request(mgr, 'POST', `/api/v1/customers/${ids.dup}/merge`, { intoId: ids.dup })).status).toBe(422);
    expect((await t.request(mgr, 'POST', `/api/v1/customers/${ids.dup}/merge`, { intoId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const denied = await t.request(op, 'POST', `/api/v1/customers/${ids.dup}/merge`, { intoId: ids.survivor });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('merges: the duplicate\'s work orders show under the survivor, its phone leads there, empty fields are filled', async () => {
    dupTicket = (await t.request(op, 'POST', '/api/v1/tickets', repair({ id: ids.dup }))).body.id;
    olderTicket = (await t.request(op, 'POST', '/api/v1/tickets', repair({ id: ids.older }))).body.id;
    // an earlier merge: "older" into the duplicate
    expect((await t.request(mgr, 'POST', `/api/v1/customers/${ids.older}/merge`, { intoId: ids.dup })).status).toBe(200);
    expect((await get(ids.older)).mergedIntoId).toBe(ids.dup);

    const res = await t.request(mgr, 'POST', `/api/v1/customers/${ids.dup}/merge`, { intoId: ids.survivor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fromId: ids.dup, intoId: ids.survivor, carried: 1, undoneAt: null });
    expect(res.body.filled.sort()).toEqual(['address', 'customerSince', 'email', 'tags']);

    const s = await get(ids.survivor);
    expect(s).toMatchObject({ email: 'wang@example.com', address: '和平路 8 号', customerSince: '2019-05-01', mergedIntoId: null });
    expect(s.tags.sort()).toEqual(['福利单位', '老客户']);
    // the duplicate's figures count for the survivor: class A at once
    expect(s.tier).toBe('A');
    expect((await get(ids.dup)).mergedIntoId).toBe(ids.survivor);
    // the customer merged into the duplicate before follows it
    expect((await get(ids.older)).mergedIntoId).toBe(ids.survivor);

    expect(await historyIds(ids.survivor)).toEqual(expect.arrayContaining([dupTicket, olderTicket]));
    expect(await ticketIds(ids.survivor)).toEqual(expect.arrayContaining([dupTicket, olderTicket]));
    // the work orders themselves are untouched: still the duplicate's
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${dupTicket}`)).body.customer.id).toBe(ids.dup);

    // a call from the duplicate's phone, or the duplicate picked by id, is the survivor's
    const byPhone = await t.request(op, 'POST', '/api/v1/tickets', repair({ name: '王建国', phone: '13911110002' }));
    expect(byPhone.body.customer.id).toBe(ids.survivor);
    const picked = await t.request(op, 'POST', '/api/v1/tickets', repair({ id: ids.dup }));
    expect(picked.body.customer.id).toBe(ids.survivor);

    // merged customers leave the archive's list and the duplicate flags
    const list = (await t.request(mgr, 'GET', '/api/v1/customers?q=王建国')).body.items as { id: string }[];
    expect(list.map((c) => c.id)).toEqual([ids.survivor]);
    // a merged customer cannot be merged again, nor be a target
    expect((await t.request(mgr, 'POST', `/api/v1/customers/${ids.dup}/merge`, { intoId: ids.other })).body.error.code).toBe('ALREADY_MERGED');
    expect((await t.request(mgr, 'POST', `/api/v1/customers/${ids.other}/merge`, { intoId: ids.dup })).body.error.code).toBe('MERGE_TARGET_MERGED');

    const merges = (await t.request(mgr, 'GET', `/api/v1/customers/${ids.survivor}/merges`)).body.items;
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ fromName: '王建国', intoName: '王建国', actorName: expect.any(String) });
  });

  it('undoes: both customers stand as before, with their own links', async () => {
    // a change made after the merge is kept by the undo
    expect((await t.request(mgr, 'PATCH', `/api/v1/customers/${ids.survivor}`, { address: '解放路 1 号' })).status).toBe(200);
    const res = await t.request(mgr, 'POST', `/api/v1/customers/${ids.dup}/merge/undo`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.dup, mergedIntoId: null, email: 'wang@example.com', tier: 'A' });

    const s = await get(ids.survivor);
    expect(s).toMatchObject({ email: null, customerSince: null, tags: ['老客户'], address: '解放路 1 号', tier: 'C' });
    expect((await get(ids.older)).mergedIntoId).toBe(ids.dup);
    const mine = await historyIds(ids.survivor);
    expect(mine).not.toContain(dupTicket);
    expect(mine).not.toContain(olderTicket);
    expect(await historyIds(ids.dup)).toEqual(expect.arrayContaining([dupTicket, olderTicket]));
    expect((await t.request(mgr, 'GET', `/api/v1/customers/${ids.survivor}/merges`)).body.items[0].undoneAt).not.toBeNull();
    // nothing left to undo
    expect((await t.request(mgr, 'POST', `/api/v1/customers/${ids.dup}/merge/undo`)).body.error.code).toBe('NOT_MERGED');
  });

  it('lists customers sharing a phone or e-mail as duplicate groups', async () => {
    await t.request(mgr, 'POST', '/api/v1/customers', { name: '李四', phone: '13911110009' });
    await t.request(mgr, 'POST', '/api/v1/customers', { name: '李四妈妈', phone: '13911110009' });
    const res = await t.request(mgr, 'GET', '/api/v1/customers/duplicates?by=phone');
    expect(res.status).toBe(200);
    const g = (res.body.items as { key: string; sameName: boolean; customers: unknown[] }[]).find((x) => x.key === '13911110009');
    expect(g).toMatchObject({ sameName: false });
    expect(g!.customers).toHaveLength(3);
    expect((await t.request(op, 'GET', '/api/v1/customers/duplicates')).status).toBe(403);
  });
});
