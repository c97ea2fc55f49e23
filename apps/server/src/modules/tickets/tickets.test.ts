import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
beforeAll(async () => {
  // the work order itself: routing rules (which now run on save) are tested in routing/
  t = await createTestApp({}, { rules: false });
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

const productComplaint = {
  target: '鲜牛奶 250ml', reason: '打开后有明显异味', validity: 'valid', category: 'product_quality',
  symptom: 'odour', batchNumber: 'B20261126-7', productionDate: '2026-11-20', injury: false,
};
const newCaller = (phone: string) => ({ name: '赵女士', phone, address: '北京市朝阳区幸福路8号' });
const post = (token: string, body: object, headers?: Record<string, string>) => t.request(token, 'POST', '/api/v1/tickets', body, headers);
const count = async (table: string) => {
  const [r] = await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return r.n;
};

describe('creating work orders', () => {
  it('records a product-quality complaint for a new caller, with the stable field keys', async () => {
    const res = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13711112222'), fields: productComplaint });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'complaint', status: 'new', channel: 'phone', fields: productComplaint, assigneeName: '王丽' });
    expect(res.body.number).toMatch(/^GD\d{8}-\d{4,}$/);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.customerId).toBe(res.body.customer.id);
    expect(res.body.subject).toBe('产品质量问题 · 异味 · 鲜牛奶 250ml');
    expect(res.body.allowedTransitions).toEqual(['open', 'pending', 'resolved', 'closed']);
    expect(res.body.interactionId).toMatch(/^[0-9a-f-]{36}$/); // the call itself is logged
  });

  it('records orders, inquiries and repairs on their own forms', async () => {
    const order = await post(op, { type: 'order', channel: 'phone', customer: newCaller('13711113333'),
      fields: { product: '巴氏鲜奶', spec: '250ml 袋装', quantity: 30, deliveryChannel: 'home' } });
    expect(order.status).toBe(201);
    expect(order.body.fields).toEqual({ product: '巴氏鲜奶', spec: '250ml 袋装', quantity: 30, deliveryChannel: 'home' });
    const inquiry = await post(op, { type: 'inquiry', channel: 'phone', customer: { id: order.body.customerId },
      fields: { topics: ['price', 'promotion'], conversation: '问酸奶价格', potentialOrder: true } });
    expect(inquiry.status).toBe(201);
    expect(inquiry.body.customerId).toBe(order.body.customerId);
    const repair = await post(op, { type: 'repair', channel: 'walk_in', customer: { id: order.body.customerId },
      fields: { content: '奶箱锁坏了', preferredTime: '晚上七点后' } });
    expect(repair.status).toBe(201);
    expect(repair.body.interactionId).toBeNull();
  });

  it('gives each work order of a day its own increasing number', async () => {
    const a = await post(op, { type: 'repair', channel: 'web', customer: newCaller('13711114444'), fields: { content: 'a', preferredTime: 'b' } });
    const b = await post(op, { type: 'repair', channel: 'web', customer: { id: a.body.customerId }, fields: { content: 'a', preferredTime: 'b' } });
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(seq(b.body.number)).toBe(seq(a.body.number) + 1);
  });

  it('branches the complaint form on category: service-quality fields are refused on a product complaint', async () => {
    const res = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13711115555'),
      fields: { ...productComplaint, staffId: '1001' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ path: 'fields.staffId', message: '字段「员工工号 (staffId)」在当前选项下不适用' }]);
    const service = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13711115555'), fields: {
      target: '送奶员', reason: '迟到', validity: 'valid', category: 'service_quality', serviceIssue: 'late_delivery', staffId: 'S0312' } });
    expect(service.status).toBe(201);
    expect(service.body.fields.staffId).toBe('S0312');
  });

  it('requires injury details when the injury flag is set', async () => {
    const res = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13711116666'), fields: { ...productComplaint, injury: true } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['fields.injuryDetail']);
  });

  it('says what to fix for unknown fields, wrong types, missing and over-long values, in the user\'s language', async () => {
    const res = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13711117777'), fields: {
      target: 'x'.repeat(101), validity: 'valid', category: 'product_quality', symptom: 'odour', injury: 'yes', colour: 'red' } },
    { 'accept-language': 'en-US' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath).toEqual({
      'fields.colour': 'Unknown field "colour"',
      'fields.reason': '"Complaint reason (reason)" is required',
      'fields.target': '"Complaint target (target)" must be at most 100 characters',
      'fields.injury': '"Injury or hospitalisation (injury)" has the wrong type; expected boolean',
    });
  });

  it('refuses unknown top-level keys, an unknown type and an unknown customer', async () => {
    const extra = await post(op, { type: 'repair', channel: 'phone', customer: newCaller('13711118888'), fields: {}, createdBy: 'someone' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('createdBy');
    const type = await post(op, { type: 'refund', channel: 'phone', customer: newCaller('13711118888'), fields: {} });
    expect(type.status).toBe(422);
    expect(type.body.error.code).toBe('UNKNOWN_TICKET_TYPE');
    const cust = await post(op, { type: 'repair', channel: 'phone', customer: { id: '00000000-0000-4000-8000-000000000000' }, fields: { content: 'a', preferredTime: 'b' } });
    expect(cust.status).toBe(404);
  });

  it('writes nothing when the caller\'s phone is invalid', async () => {
    const before = await Promise.all(['tickets', 'customers', 'interactions', 'ticket_events'].map(count));
    const res = await post(op, { type: 'repair', channel: 'phone', customer: { name: '某人', phone: '123' }, fields: { content: 'a', preferredTime: 'b' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_PHONE');
    expect(await Promise.all(['tickets', 'customers', 'interactions', 'ticket_events'].map(count))).toEqual(before);
  });

  it('is forbidden to roles without ticket:create', async () => {
    const res = await post(await t.login('qc_manager'), { type: 'repair', channel: 'phone', customer: newCaller('13711119999'), fields: {} });
    expect(res.status).toBe(403);
  });

  it('links work orders to the call they came from', async () => {
    const call = await t.request(op, 'POST', '/api/v1/interactions', { channel: 'phone', callerNumber: '13722220000' });
    const a = await post(op, { type: 'inquiry', channel: 'phone', customer: newCaller('13722220000'), interactionId: call.body.id,
      fields: { topics: ['price'], conversation: '问价格' } });
    const b = await post(op, { type: 'order', channel: 'phone', customer: { id: a.body.customerId }, interactionId: call.body.id,
      fields: { product: '酸奶', spec: '100g', quantity: 10, deliveryChannel: 'retail' } });
    const ended = await t.request(op, 'PATCH', `/api/v1/interactions/${call.body.id}`, { endedAt: new Date().toISOString(), summary: '咨询后订购' });
    expect(ended.status).toBe(200);
    expect(ended.body.customerId).toBe(a.body.customerId);
    expect(ended.body.ticketIds.sort()).toEqual([a.body.id, b.body.id].sort());
  });
});

describe('changing work orders', () => {
  it('follows the lifecycle; a wrong transition is a 409 naming the allowed ones', async () => {
    const created = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13733330000'), fields: productComplaint });
    const id = created.body.id;
    const open = await t.request(op, 'PATCH', `/api/v1/tickets/${id}`, { status: 'open' });
    expect(open.status).toBe(200);
    expect(open.body.allowedTransitions).toEqual(['pending', 'resolved', 'closed']);
    const back = await t.request(op, 'PATCH', `/api/v1/tickets/${id}`, { status: 'new' });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: 'INVALID_TRANSITION', allowed: ['pending', 'resolved', 'closed'] });
    expect(back.body.error.message).toBe('状态不能从「处理中」变为「新建」,允许的状态:待客户反馈、已解决、已关闭');
    const resolved = await t.request(op, 'PATCH', `/api/v1/tickets/${id}`, { status: 'resolved', resolution: '已上门退换' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '已上门退换' });
  });

  it('keeps an append-only timeline of who changed what, before and after', async () => {
    const created = await post(op, { type: 'complaint', channel: 'phone', customer: newCaller('13733331111'), fields: productComplaint });
    const id = created.body.id;
    const lead = await t.login('lead');
    const dir = (await t.request(lead, 'GET', '/api/v1/directory')).body;
    const qc = dir.users.find((u: { displayName: string }) => u.displayName === '刘强');
    await t.request(op, 'PATCH', `/api/v1/tickets/${id}`, { fields: { batchNumber: 'B-CORRECTED', symptomDetail: '酸味' } });
    const assigned = await t.request(lead, 'PATCH', `/api/v1/tickets/${id}`, { assigneeId: qc.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeName).toBe('刘强');
    await t.request(lead, 'POST', `/api/v1/tickets/${id}/notes`, { body: '已通知品控部' });

    const tl = await t.request(lead, 'GET', `/api/v1/tickets/${id}/timeline`);
    expect(tl.body.items.map((e: { action: string }) => e.action)).toEqual(['created', 'fields_changed', 'assigned', 'note_added']);
    const [created0, fields, assign] = tl.body.items;
    expect(created0.actorName).toBe('王丽');
    expect(created0.changes).toContainEqual({ field: 'fields.batchNumber', from: null, to: 'B20261126-7' });
    expect(fields.changes).toEqual([
      { field: 'fields.batchNumber', from: 'B20261126-7', to: 'B-CORRECTED' },
      { field: 'fields.symptomDetail', from: null, to: '酸味' },
    ]);
    expect(assign).toMatchObject({ actorName: '张敏', changes: [{ field: 'assigneeId', from: created.body.assigneeId, to: qc.id }] });
    const notes = await t.request(lead, 'GET', `/api/v1/tickets/${id}/notes`);
    expect(notes.body.items).toMatchObject([{ body: '已通知品控部', authorName: '张敏' }]);
  });

  it('validates field edits against the form and writes nothing on error', async () => {
    const created = await post(op, { type: 'order', channel: 'phone', customer: newCaller('13733332222'),
      fields: { product: '酸奶', spec: '100g', quantity: 10, deliveryChannel: 'retail' } });
    const bad = await t.request(op, 'PATCH', `/api/v1/tickets/${created.body.id}`, { status: 'open', fields: { quantity: 0 } });
    expect(bad.status).toBe(422);
    const again = await t.request(op, 'GET', `/api/v1/tickets/${created.body.id}`);
    expect(again.body).toMatchObject({ status: 'new', fields: { quantity: 10 } });
    const tl = await t.request(op, 'GET', `/api/v1/tickets/${created.body.id}/timeline`);
    expect(tl.body.items).toHaveLength(1);
  });

  it('needs ticket:assign to reassign', async () => {
    const created = await post(op, { type: 'repair', channel: 'phone', customer: newCaller('13733333333'), fields: { content: 'a', preferredTime: 'b' } });
    const res = await t.request(op, 'PATCH', `/api/v1/tickets/${created.body.id}`, { assigneeId: null });
    expect(res.status).toBe(403);
  });

  it('hides work orders outside the data scope behind a 404', async () => {
    const created = await post(op, { type: 'repair', channel: 'phone', customer: newCaller('13733334444'), fields: { content: 'a', preferredTime: 'b' } });
    const qc = await t.login('qc_manager');
    expect((await t.request(qc, 'GET', `/api/v1/tickets/${created.body.id}`)).status).toBe(404);
    expect((await t.request(qc, 'PATCH', `/api/v1/tickets/${created.body.id}`, { status: 'open' })).status).toBe(404);
    expect((await t.request(qc, 'GET', '/api/v1/tickets?view=all')).body.items
      .some((i: { id: string }) => i.id === created.body.id)).toBe(false);
    expect((await t.request(op, 'GET', '/api/v1/tickets/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('masks the customer\'s phone inside work orders for roles without customer:view_pii', async () => {
    const created = await post(op, { type: 'repair', channel: 'phone', customer: newCaller('13733335555'), fields: { content: 'a', preferredTime: 'b' } });
    const mgr = await t.login('cs_manager');
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${created.body.id}`)).body.customer.phone).toBe('13733335555');
    // move it into the marketing department, whose manager lacks the permission
    const dir = (await t.request(mgr, 'GET', '/api/v1/directory')).body;
    const mk = dir.users.find((u: { displayName: string }) => u.displayName === '孙伟');
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${created.body.id}`, { assigneeId: mk.id });
    const mkToken = await t.login('marketing');
    const seen = await t.request(mkToken, 'GET', `/api/v1/tickets/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.customer.phone).toBe('137****5555');
    const listed = await t.request(mkToken, 'GET', '/api/v1/tickets?view=mine');
    expect(listed.body.items[0].customer.phone).toBe('137****5555');
  });
});
