import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { DEMO_CUSTOMERS } from '../../db/seed/demo-data.ts';

let t: TestApp;
let op: string;
beforeAll(async () => {
  t = await createTestApp();
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

const create = (body: object) => t.request(op, 'POST', '/api/v1/customers', body);
const search = (token: string, q: string) => t.request(token, 'GET', `/api/v1/customers?q=${encodeURIComponent(q)}`);

describe('customers', () => {
  it('creates customers with mobile and landline numbers, normalized', async () => {
    const a = await create({ name: '张建国', phone: '138 1234 5678', address: '北京市朝阳区幸福路12号3单元501' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ name: '张建国', phone: '13812345678', masked: false, duplicateOf: [] });
    const b = await create({ name: '王芳', phone: '010 62345678', address: '北京市西城区金融街8号' });
    expect(b.body.phone).toBe('010-62345678');
  });

  it('refuses fields that are not part of a customer', async () => {
    const res = await create({ name: '某人', phone: '13812340000', vip: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('vip');
  });

  it('refuses a bad phone number with a message saying what to enter', async () => {
    const res = await create({ name: '某人', phone: '12345' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_PHONE');
    expect(res.body.error.message).toContain('11 位手机号');
  });

  it('flags a second customer with the same phone as a likely duplicate', async () => {
    const first = await create({ name: '刘洋', phone: '15811112222' });
    const second = await create({ name: '刘阳', phone: '158-1111-2222' });
    expect(second.status).toBe(201);
    expect(second.body.duplicateOf).toEqual([first.body.id]);
    const detail = await t.request(op, 'GET', `/api/v1/customers/${first.body.id}`);
    expect(detail.body.duplicateOf).toEqual([second.body.id]);
  });

  it('finds the caller by full phone, last four digits, name or address fragment', async () => {
    expect((await search(op, '13812345678')).body.items.map((c: { name: string }) => c.name)).toEqual(['张建国']);
    expect((await search(op, '5678')).body.items.map((c: { name: string }) => c.name)).toEqual(['王芳', '张建国']);
    expect((await search(op, '2345678')).body.items.map((c: { name: string }) => c.name)).toEqual(['王芳', '张建国']);
    expect((await search(op, '建国')).body.items.map((c: { name: string }) => c.name)).toEqual(['张建国']);
    expect((await search(op, '幸福路12号')).body.items.map((c: { name: string }) => c.name)).toEqual(['张建国']);
    expect((await search(op, '金融')).body.items.map((c: { name: string }) => c.name)).toEqual(['王芳']);
    expect((await search(op, '不存在的人')).body.items).toEqual([]);
  });

  it('masks phone and address for roles without customer:view_pii, in search and detail', async () => {
    const mk = await t.login('marketing');
    const found = await search(mk, '张建国');
    expect(found.body.items[0]).toMatchObject({ phone: '138****5678', address: '北京市朝阳区****', masked: true });
    const detail = await t.request(mk, 'GET', `/api/v1/customers/${found.body.items[0].id}`);
    expect(detail.body).toMatchObject({ phone: '138****5678', masked: true });
    // a phone search would reveal the masked digits one answer at a time (13 digits in 14 searches): refused, saying why
    for (const q of ['13812345678', '5678', '138-1234-5678']) {
      const res = await search(mk, q);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('PII_SEARCH_FORBIDDEN');
    }
    // the masked part of an address is not searchable either: only names match
    expect((await search(mk, '幸福路')).body.items).toEqual([]);
    expect((await search(mk, '建国')).body.items.map((c: { name: string }) => c.name)).toContain('张建国');
    // with the right to see them, phone and address fragments still find the customer
    expect((await search(op, '5678')).body.items.map((c: { name: string }) => c.name)).toContain('张建国');
  });

  it('pages through customers with a cursor, without repeats', async () => {
    for (let i = 0; i < 5; i++) await create({ name: `翻页客户${i}`, phone: `1390000000${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } =
        await t.request(op, 'GET', `/api/v1/customers?q=${encodeURIComponent('翻页')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const forged = Buffer.from(JSON.stringify(['not-a-date', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect((await t.request(op, 'GET', `/api/v1/customers?cursor=${forged}`)).status).toBe(400);
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    expect((await t.request(op, 'GET', '/api/v1/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.request(op, 'GET', '/api/v1/customers/not-a-uuid')).status).toBe(400);
  });

  it('shows every interaction and work order of a customer, newest first', async () => {
    const c = await create({ name: '历史客户', phone: '13600006666' });
    const call = await t.request(op, 'POST', '/api/v1/interactions', { channel: 'phone', callerNumber: '13600006666', customerId: c.body.id });
    expect(call.status).toBe(201);
    const ticket = await t.request(op, 'POST', '/api/v1/tickets', {
      type: 'repair', channel: 'phone', customer: { id: c.body.id }, interactionId: call.body.id,
      fields: { content: '奶箱损坏', preferredTime: '周末上午' },
    });
    expect(ticket.status).toBe(201);
    const h = await t.request(op, 'GET', `/api/v1/customers/${c.body.id}/history`);
    expect(h.body.items.map((i: { kind: string }) => i.kind)).toEqual(['ticket', 'interaction']);
    expect(h.body.items[0]).toMatchObject({ number: ticket.body.number, status: 'new', agentName: '王丽' });
    const calls = await t.request(op, 'GET', `/api/v1/interactions?customerId=${c.body.id}`);
    expect(calls.body.items[0].ticketIds).toEqual([ticket.body.id]);
  });
});

describe('matching the caller of a new work order to the archive', () => {
  // the README's curl example, as a reader would paste it
  const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
  const example = JSON.parse(/-d '(\{\s*"type"[\s\S]*?\})'/.exec(readme)![1]);
  const byPhone = async (phone: string) => (await search(op, phone)).body.items as { id: string; name: string }[];
  const createdEntry = async (ticketId: string) => (await t.request(op, 'GET', `/api/v1/tickets/${ticketId}/timeline`)).body.items[0];

  it('files the README\'s example under the demo customer it names, not a copy of them', async () => {
    const demo = DEMO_CUSTOMERS.find((c) => c.phone === example.customer.phone)!;
    expect(demo).toMatchObject({ name: example.customer.name });
    // the archive as the demo has it (the first test of this file made him)
    const [archived] = await byPhone(demo.phone);
    expect(archived.name).toBe(demo.name);
    const res = await t.request(op, 'POST', '/api/v1/tickets', example);
    expect(res.status).toBe(201);
    expect(res.body.customer.id).toBe(archived.id);
    expect(await byPhone(demo.phone)).toHaveLength(1);
    expect((await createdEntry(res.body.id)).changes.some((c: { field: string }) => c.field === 'callerName')).toBe(false);
  });

  it('keeps the archive\'s customer when the caller gives another name on a known phone, and notes the name given', async () => {
    const res = await t.request(op, 'POST', '/api/v1/tickets', { ...example, customer: { name: '张先生', phone: '138-1234-5678' } });
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({ name: '张建国', phone: '13812345678' });
    expect(await byPhone('13812345678')).toHaveLength(1);
    expect((await createdEntry(res.body.id)).changes).toContainEqual({ field: 'callerName', from: '张建国', to: '张先生' });
  });

  it('on a household phone takes the customer of the same name, else the first on record; a new phone adds a customer', async () => {
    // 刘洋 and then 刘阳 share 15811112222 (made above)
    const fields = { content: '奶箱锁坏了', preferredTime: '晚上' };
    const same = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { name: '刘阳', phone: '15811112222' }, fields });
    expect(same.body.customer.name).toBe('刘阳');
    const other = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { name: '刘女士', phone: '15811112222' }, fields });
    expect(other.body.customer.name).toBe('刘洋');
    expect((await byPhone('15811112222')).map((c) => c.name).sort()).toEqual(['刘洋', '刘阳']);
    const fresh = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { name: '新来电', phone: '13600007777' }, fields });
    expect(fresh.body.customer.name).toBe('新来电');
    expect(await byPhone('13600007777')).toHaveLength(1);
  });
});
