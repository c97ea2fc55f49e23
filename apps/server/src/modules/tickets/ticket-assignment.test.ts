import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
let lead: string;
let dir: { users: { id: string; displayName: string }[]; teams: { id: string; name: string }[] };
beforeAll(async () => {
  // the work order itself: routing rules (which now run on save) are tested in routing/
  t = await createTestApp({}, { rules: false });
  [op, lead] = await Promise.all([t.login('operator'), t.login('lead')]);
  dir = (await t.request(op, 'GET', '/api/v1/directory')).body;
});
afterAll(async () => { await t.close(); });

const person = (name: string) => dir.users.find((u) => u.displayName === name)!.id;
const team = (name: string) => dir.teams.find((x) => x.name === name)!.id;
const order = (phone: string, extra: object = {}) => t.request(op, 'POST', '/api/v1/tickets', {
  type: 'order', channel: 'phone', customer: { name: '订户', phone },
  fields: { product: '鲜奶', spec: '250ml', quantity: 10, deliveryChannel: 'retail' }, ...extra,
});

describe('assignment', () => {
  it('lets the team lead forward an order to the sales clerk and see the result, though it leaves the team', async () => {
    const created = await order('13744440001');
    const res = await t.request(lead, 'PATCH', `/api/v1/tickets/${created.body.id}`, { assigneeId: person('周芳'), teamId: team('销售内勤组') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assigneeName: '周芳', teamName: '销售内勤组' });
    // afterwards it is outside the lead's team scope
    expect((await t.request(lead, 'GET', `/api/v1/tickets/${created.body.id}`)).status).toBe(404);
    const clerk = await t.login('sales_clerk');
    expect((await t.request(clerk, 'GET', '/api/v1/tickets?view=mine')).body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });

  it('refuses an unknown team or assignee with a 422, on create and on change', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const created = await order('13744440002');
    const bad = await t.request(lead, 'PATCH', `/api/v1/tickets/${created.body.id}`, { teamId: ghost });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'REFERENCE_NOT_FOUND', message: `所选的班组不存在(${ghost})` });
    const badUser = await t.request(lead, 'PATCH', `/api/v1/tickets/${created.body.id}`, { assigneeId: ghost });
    expect(badUser.body.error.code).toBe('REFERENCE_NOT_FOUND');
    const mgr = await t.login('cs_manager');
    const onCreate = await t.request(mgr, 'POST', '/api/v1/tickets', {
      type: 'repair', channel: 'phone', customer: { name: 'x', phone: '13744440003' }, fields: { content: 'a', preferredTime: 'b' }, teamId: ghost });
    expect(onCreate.status).toBe(422);
  });

  it('needs ticket:assign to hand a new work order to someone else at once', async () => {
    const res = await order('13744440004', { assigneeId: person('刘强') });
    expect(res.status).toBe(403);
    const own = await order('13744440004', { assigneeId: person('王丽') });
    expect(own.status).toBe(201);
  });

  it('keeps a system-made title in step with the fields, and a person\'s title as written', async () => {
    const created = await order('13744440005');
    expect(created.body.subject).toBe('鲜奶 · 250ml · 10 · 零售');
    const edited = await t.request(op, 'PATCH', `/api/v1/tickets/${created.body.id}`, { fields: { quantity: 20 } });
    expect(edited.body.subject).toBe('鲜奶 · 250ml · 20 · 零售');
    await t.request(op, 'PATCH', `/api/v1/tickets/${created.body.id}`, { subject: '大客户订单' });
    const again = await t.request(op, 'PATCH', `/api/v1/tickets/${created.body.id}`, { fields: { quantity: 30 } });
    expect(again.body.subject).toBe('大客户订单');
  });

  it('finds a work order by the start of its batch number', async () => {
    await t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: 'y', phone: '13744440006' }, fields: {
      target: '酸奶', reason: '胀袋', validity: 'valid', category: 'product_quality', symptom: 'spoilage', batchNumber: 'B20261125-03' } });
    const found = await t.request(op, 'GET', '/api/v1/tickets?q=B20261125');
    expect(found.body.items.map((i: { fields?: unknown; subject: string }) => i.subject)).toEqual(['产品质量问题 · 腐烂变质 · 酸奶']);
  });

  it('does not let an agent attach work to another agent\'s call', async () => {
    const op2 = await t.login('operator2');
    const call = await t.request(op2, 'POST', '/api/v1/interactions', { channel: 'phone', callerNumber: '13744440007' });
    const res = await order('13744440007', { interactionId: call.body.id });
    expect(res.status).toBe(403);
    const early = await t.request(op2, 'PATCH', `/api/v1/interactions/${call.body.id}`, { endedAt: '2000-01-01T00:00:00Z' });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('INVALID_TIME_RANGE');
  });
});
