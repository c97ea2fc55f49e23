import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
let op2: string;
let mgr: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // the work order itself: routing rules (which now run on save) are tested in routing/
  t = await createTestApp({}, { rules: false });
  [op, op2, mgr] = await Promise.all(['operator', 'operator2', 'cs_manager'].map((u) => t.login(u)));
  const mk = (token: string, key: string, type: string, fields: object, phone: string) =>
    t.request(token, 'POST', '/api/v1/tickets', { type, channel: 'phone', customer: { name: `客户${key}`, phone }, fields })
      .then((r) => { ids[key] = r.body.id; return r; });
  await mk(op, 'odour', 'complaint', { target: '鲜奶', reason: '牛奶有异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B777' }, '13800000001');
  await mk(op, 'order', 'order', { product: '酸奶', spec: '100g', quantity: 5, deliveryChannel: 'mall' }, '13800000002');
  await mk(op2, 'late', 'complaint', { target: '送奶员', reason: '送奶太晚', validity: 'valid', category: 'service_quality', serviceIssue: 'late_delivery' }, '13800000003');
  await mk(op2, 'repair', 'repair', { content: '奶箱坏了', preferredTime: '上午' }, '13800000004');
  await t.request(op2, 'PATCH', `/api/v1/tickets/${ids.late}`, { status: 'open' });
});
afterAll(async () => { await t.close(); });

const list = async (token: string, query: string) => (await t.request(token, 'GET', `/api/v1/tickets?${query}`)).body;
const keys = (body: { items: { id: string }[] }) => body.items.map((i) => Object.entries(ids).find(([, v]) => v === i.id)?.[0]);

describe('work-order lists', () => {
  it('shows my work orders, my team\'s queue, and all within scope', async () => {
    expect(keys(await list(op, 'view=mine'))).toEqual(['order', 'odour']);
    expect(keys(await list(op, 'view=team'))).toEqual(['repair', 'late', 'order', 'odour']);
    expect(keys(await list(mgr, 'view=all'))).toEqual(['repair', 'late', 'order', 'odour']);
    expect(keys(await list(mgr, 'view=mine'))).toEqual([]);
  });

  it('filters by type, status, assignee and date range', async () => {
    expect(keys(await list(mgr, 'type=complaint'))).toEqual(['late', 'odour']);
    expect(keys(await list(mgr, 'type=complaint&status=open'))).toEqual(['late']);
    expect(keys(await list(mgr, 'status=new,open'))).toHaveLength(4);
    const me = (await t.request(op2, 'GET', '/api/v1/me')).body;
    expect(keys(await list(mgr, `assigneeId=${me.id}`))).toEqual(['repair', 'late']);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    expect(keys(await list(mgr, `from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`))).toHaveLength(4);
    expect(keys(await list(mgr, `from=${encodeURIComponent(future)}`))).toEqual([]);
  });

  it('refuses an unknown status with a message listing the valid ones', async () => {
    const res = await t.request(mgr, 'GET', '/api/v1/tickets?status=done');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('new, open, pending, resolved, closed');
  });

  it('finds work orders by Chinese words, batch number, customer name and number', async () => {
    expect(keys(await list(mgr, `q=${encodeURIComponent('异味')}`))).toEqual(['odour']);
    expect(keys(await list(mgr, 'q=B777'))).toEqual(['odour']);
    expect(keys(await list(mgr, `q=${encodeURIComponent('客户late')}`))).toEqual(['late']);
    const number = (await t.request(mgr, 'GET', `/api/v1/tickets/${ids.repair}`)).body.number;
    expect(keys(await list(mgr, `q=${number.toLowerCase()}`))).toEqual(['repair']);
  });

  it('sorts by created or updated, either way', async () => {
    expect(keys(await list(mgr, 'sort=created&order=asc'))).toEqual(['odour', 'order', 'late', 'repair']);
    await t.request(op, 'POST', `/api/v1/tickets/${ids.odour}/notes`, { body: '客户来电催促' });
    expect(keys(await list(mgr, 'sort=updated'))[0]).toBe('odour');
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: { items: { id: string }[]; nextCursor: string | null } =
        await list(mgr, `limit=3&sort=updated${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(4);
    expect((await t.request(mgr, 'GET', '/api/v1/tickets?cursor=garbage')).status).toBe(400);
  });
});
