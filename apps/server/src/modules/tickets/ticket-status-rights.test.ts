import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// One rule for the API and the console: resolving or closing needs a
// resolution, and once a work order is assigned, only its assignee (or
// someone who may reassign work) moves its status — not the operator who
// recorded it and saw it routed away.

let t: TestApp;
let op: string;
let qc: string;
let mgr: string;
beforeAll(async () => {
  // the dairy template's rules route a product-quality complaint to the QC manager
  t = await createTestApp();
  [op, qc, mgr] = await Promise.all([t.login('operator'), t.login('qc_manager'), t.login('cs_manager')]);
});
afterAll(async () => { await t.close(); });

let phone = 13855550000;
async function routedComplaint() {
  const created = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'phone', customer: { name: '投诉客户', phone: String(phone++) },
    fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B7' },
  });
  expect(created.status).toBe(201);
  const routed = (await t.request(mgr, 'GET', `/api/v1/tickets/${created.body.id}`)).body;
  expect(routed.assigneeName).toBe('刘强');
  return routed as { id: string };
}
const patch = (token: string, id: string, body: object, lang = 'zh-CN') =>
  t.request(token, 'PATCH', `/api/v1/tickets/${id}`, body, { 'accept-language': lang });

describe('who may resolve a work order, and with what', () => {
  it('refuses the creator of a routed work order a status change, with or without a resolution', async () => {
    const { id } = await routedComplaint();
    const bare = await patch(op, id, { status: 'resolved' });
    expect(bare.status).toBe(403);
    expect(bare.body.error).toMatchObject({ code: 'NOT_ASSIGNEE', message: '只有处理人或有分派权限的人可以改变这张工单的状态' });
    expect((await patch(op, id, { status: 'resolved', resolution: '已处理' })).body.error.code).toBe('NOT_ASSIGNEE');
    expect((await patch(op, id, { status: 'closed', resolution: '已处理' }, 'en-US')).body.error.message)
      .toBe('Only the assignee, or someone who may reassign work, can change the status of this work order');
    // the creator is not offered the moves either
    expect((await t.request(op, 'GET', `/api/v1/tickets/${id}`)).body.allowedTransitions).toEqual([]);
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${id}`)).body.status).toBe('new');
  });

  it('makes the assignee describe the resolution before resolving or closing', async () => {
    const { id } = await routedComplaint();
    for (const body of [{ status: 'resolved' }, { status: 'resolved', resolution: '   ' }, { status: 'closed' }]) {
      const res = await patch(qc, id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('RESOLUTION_REQUIRED');
    }
    expect((await patch(qc, id, { status: 'resolved' }, 'en-US')).body.error.message).toBe('Describe the resolution before setting the status to "Resolved"');
    const done = await patch(qc, id, { status: 'resolved', resolution: '已上门退换并致歉' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'resolved', resolution: '已上门退换并致歉' });
  });

  it('lets someone who may reassign work move it, under the same resolution rule', async () => {
    const { id } = await routedComplaint();
    expect((await patch(mgr, id, { status: 'closed' })).body.error.code).toBe('RESOLUTION_REQUIRED');
    expect((await patch(mgr, id, { status: 'closed', resolution: '客户撤回投诉' })).status).toBe(200);
  });
});
