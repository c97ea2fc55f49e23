import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let mgr: string;
let op: string;
let people: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  [mgr, op] = await Promise.all([t.login('cs_manager'), t.login('operator')]);
  const dir = (await t.request(mgr, 'GET', '/api/v1/directory')).body;
  people = new Map(dir.users.map((u: { id: string; displayName: string }) => [u.displayName, u.id]));
});
afterAll(async () => { await t.close(); });

const bind = (key: string, name: string, holders: string[]) =>
  t.request(mgr, 'PUT', `/api/v1/positions/${key}`, { name, holderIds: holders.map((h) => people.get(h)!) });
let phone = 13811110000;
const record = async (type: string, fields: object) => {
  const r = await t.request(op, 'POST', '/api/v1/tickets', { type, channel: 'walk_in', customer: { name: '业主', phone: String(phone++) }, fields });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await t.drain();
  return (await t.request(mgr, 'GET', `/api/v1/tickets/${r.body.id}`)).body;
};
const notified = async (username: string, ticketId: string) =>
  (await t.request(await t.login(username), 'GET', '/api/v1/notifications?limit=100')).body.items.filter((n: { ticketId: string }) => n.ticketId === ticketId);

describe('property template', () => {
  beforeAll(async () => {
    const loaded = await t.request(mgr, 'POST', '/api/v1/rule-templates/property/load');
    expect(loaded.body).toEqual({ rules: 6, positions: 4 });
    await bind('front_desk', '前台接待员', ['王丽', '李娜']);
    await bind('cs_supervisor', '客服主管', ['张敏']);
    await bind('cs_department_head', '客服部主任', ['陈刚']);
    await bind('property_manager', '物业经理', ['赵静']);
  });

  it('sends an effective complaint to the CS supervisor with a site-visit task', async () => {
    const c = await record('property_complaint', { nature: 'effective', effectiveArea: 'arbitrary_charging', place: '3 栋大堂', course: '多收停车费' });
    expect(c.assigneeName).toBe('张敏');
    expect(c.subtasks.map((s: { subject: string }) => s.subject)).toEqual(['会同责任部门主管到现场了解情况']);
    expect(c.sla.map((s: { kind: string }) => s.kind).sort()).toEqual(['first_response', 'resolution']);
  });

  it('lets the front desk answer a communicative complaint, spreading the load', async () => {
    const a = await record('property_complaint', { nature: 'communicative', communicativeType: 'inquiry', place: '物业前台', course: '询问供暖时间' });
    const b = await record('property_complaint', { nature: 'communicative', communicativeType: 'venting', place: '物业前台', course: '抱怨噪音' });
    expect(['王丽', '李娜']).toContain(a.assigneeName);
    expect(['王丽', '李娜']).toContain(b.assigneeName);
  });

  it('raises a major complaint to the CS department head and tells the property manager; an emotional resident brings the manager', async () => {
    const c = await record('property_complaint', { nature: 'effective', effectiveArea: 'maintenance_negligence', place: '电梯', course: '电梯困人', major: true, emotional: true });
    expect(c).toMatchObject({ assigneeName: '陈刚', priority: 'high' });
    const zhao = await notified('gm_office', c.id);
    // one notice per rule: the major complaint, and the urgent call to receive an emotional resident
    expect(zhao.map((n: { kind: string; urgent: boolean }) => `${n.kind}:${n.urgent}`).sort()).toEqual(['ticket.escalated:false', 'ticket.escalated:true']);
  });
});

describe('network-company template', () => {
  beforeAll(async () => {
    const loaded = await t.request(mgr, 'POST', '/api/v1/rule-templates/network_company/load');
    expect(loaded.status).toBe(200);
    await bind('cs_manager', '客服经理', ['陈刚']);
    await bind('general_manager', '总经理', ['赵静']);
    await bind('meeting_secretary', '经理会议秘书', ['系统管理员']);
  });

  it('sends a complaint about an employee to their manager as a written notice', async () => {
    const c = await record('staff_complaint', { targetLevel: 'employee', staffId: '1002', staffName: '李娜', reason: '接电话态度差' });
    expect(c.assigneeName).toBe('张敏'); // 李娜's team lead
    expect((await notified('lead', c.id)).map((n: { kind: string }) => n.kind)).toEqual(['ticket.routed']);
    expect(c.watchers.map((w: { displayName: string }) => w.displayName)).toEqual(['陈刚']);
  });

  it('reports a complaint about a manager to the superior at once, and can withhold it from the manager', async () => {
    const c = await record('staff_complaint', { targetLevel: 'manager', staffId: '1000', staffName: '张敏', reason: '推诿', withholdFromTarget: true });
    expect(c.assigneeName).toBe('赵静'); // 张敏 leads her team: the general manager is her superior
    expect((await notified('gm_office', c.id)).map((n: { kind: string; urgent: boolean }) => `${n.kind}:${n.urgent}`)).toEqual(['ticket.escalated:true']);
    expect((await t.request(await t.login('lead'), 'GET', `/api/v1/tickets/${c.id}`)).status).toBe(404);
  });

  it('puts a complaint about the general manager on the managers\' meeting agenda, out of the GM\'s sight', async () => {
    const c = await record('staff_complaint', { targetLevel: 'general_manager', reason: '决策失误' });
    expect(c.assigneeName).toBe('陈刚');
    expect(c.subtasks.map((s: { subject: string; assigneeName: string }) => `${s.subject}/${s.assigneeName}`))
      .toEqual(['列入下次经理会议议程:总经理需给出解决结果/系统管理员']);
    expect((await t.request(await t.login('gm_office'), 'GET', `/api/v1/tickets/${c.id}`)).status).toBe(404);
  });
});
