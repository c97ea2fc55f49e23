import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Loads the dairy-hotline template (the demo default) and checks the effects
// the 恒康乳业 procedure asks for (CMP-02, CMP-06..08, INQ-02, ORD-01..03).

let t: TestApp;
let op: string;
let mgr: string;
let names: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  [op, mgr] = await Promise.all([t.login('operator'), t.login('cs_manager')]);
  const dir = (await t.request(op, 'GET', '/api/v1/directory')).body;
  names = new Map(dir.users.map((u: { id: string; displayName: string }) => [u.id, u.displayName]));
});
afterAll(async () => { await t.close(); });

let phone = 13855550000;
const record = async (type: string, fields: object) => {
  const res = await t.request(op, 'POST', '/api/v1/tickets', { type, channel: 'phone', customer: { name: '来电客户', phone: String(phone++) }, fields });
  expect(res.status).toBe(201);
  await t.drain();
  return (await t.request(mgr, 'GET', `/api/v1/tickets/${res.body.id}`)).body;
};
const notificationsOf = async (username: string) => (await t.request(await t.login(username), 'GET', '/api/v1/notifications?limit=100')).body;
const timeline = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/tickets/${id}/timeline`)).body.items;
const productComplaint = { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B1' };

describe('dairy hotline template', () => {
  it('sends a product-quality complaint to the QC manager, CS center manager and GM office director at once', async () => {
    const ticket = await record('complaint', productComplaint);
    expect(ticket.assigneeName).toBe('刘强');
    for (const who of ['qc_manager', 'cs_manager', 'gm_office']) {
      const n = (await notificationsOf(who)).items.find((x: { ticketId: string }) => x.ticketId === ticket.id);
      expect(n, who).toBeDefined();
      expect(n.title).toContain(ticket.number);
      expect(Date.parse(n.createdAt)).not.toBeNaN();
    }
    const tl = await timeline(ticket.id);
    const assigned = tl.find((e: { action: string }) => e.action === 'assigned');
    expect(assigned).toMatchObject({ actorName: null, ruleName: '产品质量投诉:同时通知品控、客服中心经理、总经办' });
    const notified = tl.find((e: { action: string }) => e.action === 'notified');
    expect(notified.changes[0].to.map((id: string) => names.get(id)).sort()).toEqual(['刘强', '赵静', '陈刚'].sort());
    // the QC manager now sees it (department scope through the assignment); the operator still does, having recorded it
    expect((await t.request(await t.login('qc_manager'), 'GET', `/api/v1/tickets/${ticket.id}`)).status).toBe(200);
    expect((await t.request(op, 'GET', `/api/v1/tickets/${ticket.id}`)).status).toBe(200);
  });

  it('turns an injury into an urgent joint-visit task for the CS center and GM office, and tells senior management', async () => {
    const ticket = await record('complaint', { ...productComplaint, injury: true, injuryDetail: '孩子腹泻住院' });
    expect(ticket.priority).toBe('urgent');
    const tasks = (await t.request(mgr, 'GET', '/api/v1/tickets?type=task&limit=50')).body.items
      .filter((x: { parentId: string }) => x.parentId === ticket.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ priority: 'urgent', assigneeName: '陈刚', subject: '人身伤害投诉:客服中心与总经办立即联合上门走访' });
    expect(Date.parse(tasks[0].dueAt) - Date.parse(tasks[0].createdAt)).toBe(120 * 60_000);
    const gm = (await notificationsOf('gm_office')).items;
    expect(gm.some((n: { ticketId: string; kind: string }) => n.ticketId === tasks[0].id && n.kind === 'task.created')).toBe(true);
    expect(gm.some((n: { ticketId: string; kind: string; urgent: boolean }) => n.ticketId === ticket.id && n.kind === 'ticket.escalated' && n.urgent)).toBe(true);
  });

  it('does the same when the injury is recorded later', async () => {
    const ticket = await record('complaint', productComplaint);
    await t.request(op, 'PATCH', `/api/v1/tickets/${ticket.id}`, { fields: { injury: true, injuryDetail: '就医' } });
    await t.drain();
    const after = (await t.request(mgr, 'GET', `/api/v1/tickets/${ticket.id}`)).body;
    expect(after.priority).toBe('urgent');
  });

  it('gives a service-quality complaint to the CS center, which forwards it to the marketing director in one action', async () => {
    const ticket = await record('complaint', { target: '送奶员', reason: '迟到', validity: 'valid', category: 'service_quality', serviceIssue: 'late_delivery' });
    expect(ticket.assigneeName).toBe('陈刚');
    const fwd = await t.request(mgr, 'POST', `/api/v1/tickets/${ticket.id}/forward`, { position: 'marketing_director' });
    expect(fwd.status).toBe(200);
    expect(fwd.body.assigneeName).toBe('孙伟');
    await t.drain();
    expect((await notificationsOf('marketing')).items.some((n: { ticketId: string }) => n.ticketId === ticket.id)).toBe(true);
  });

  it('closes an invalid complaint after the explanation, routing it to nobody', async () => {
    const ticket = await record('complaint', { ...productComplaint, validity: 'invalid', explanation: '已说明保质期' });
    expect(ticket.status).toBe('closed');
    expect(ticket.assigneeName).toBe('王丽');
    expect((await notificationsOf('qc_manager')).items.some((n: { ticketId: string }) => n.ticketId === ticket.id)).toBe(false);
  });

  it('passes a potential order from an inquiry to the team lead, who converts it to an order in one click', async () => {
    const ticket = await record('inquiry', { topics: ['price'], conversation: '问价格', potentialOrder: true, interestedProduct: '酸奶', preferredChannel: 'retail' });
    expect(ticket.assigneeName).toBe('张敏');
    const lead = await t.login('lead');
    const res = await t.request(lead, 'POST', `/api/v1/tickets/${ticket.id}/convert`, { type: 'order', fields: { spec: '100g', quantity: 20 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'order', customerId: ticket.customerId, parentId: ticket.id, fields: { product: '酸奶', deliveryChannel: 'retail', spec: '100g', quantity: 20 } });
  });

  it('sends orders to the clerk of their delivery channel', async () => {
    expect((await record('order', { product: '鲜奶', spec: '250ml', quantity: 30, deliveryChannel: 'home' })).assigneeName).toBe('吴磊');
    expect((await record('order', { product: '鲜奶', spec: '250ml', quantity: 30, deliveryChannel: 'mall' })).assigneeName).toBe('周芳');
    expect((await record('order', { product: '鲜奶', spec: '250ml', quantity: 30, deliveryChannel: 'retail' })).assigneeName).toBe('周芳');
  });

  it('closes an out-of-area order with an apology task for the clerk', async () => {
    const ticket = await record('order', { product: '鲜奶', spec: '250ml', quantity: 30, deliveryChannel: 'home', outOfArea: true });
    expect(ticket).toMatchObject({ status: 'closed', resolution: '超出销售范围,已安排致歉' });
    const tasks = (await t.request(mgr, 'GET', '/api/v1/tickets?type=task&limit=50')).body.items.filter((x: { parentId: string }) => x.parentId === ticket.id);
    expect(tasks.map((x: { assigneeName: string }) => x.assigneeName)).toEqual(['周芳']);
    expect(ticket.assigneeName).toBe('王丽'); // the channel rule did not run after this one stopped processing
  });
});
