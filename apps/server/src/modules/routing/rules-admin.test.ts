import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { calendarBook } from '../../platform/time/calendars.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { clearRuleCache } from './rules.repository.ts';

let t: TestApp;
let mgr: string;
let op: string;
beforeAll(async () => {
  t = await createTestApp();
  [mgr, op] = await Promise.all([t.login('cs_manager'), t.login('operator')]);
});
afterAll(async () => { await t.close(); });

let phone = 13866660000;
const repair = async () => {
  const r = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { name: '报修客户', phone: String(phone++) }, fields: { content: '漏水', preferredTime: '上午' } });
  expect(r.status).toBe(201);
  return r.body;
};
const rule = (body: object) => t.request(mgr, 'POST', '/api/v1/rules', { enabled: true, stopProcessing: false, conditions: [], ...body });

describe('rules as data', () => {
  it('looks at business hours when a rule asks, on the team\'s calendar', async () => {
    const inHours = await rule({ name: '工作时间报修', trigger: 'ticket.created', conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'businessHours', op: 'is_true' }], actions: [{ type: 'set_priority', priority: 'high' }] });
    const offHours = await rule({ name: '非工作时间报修', trigger: 'ticket.created', conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'businessHours', op: 'is_false' }], actions: [{ type: 'set_priority', priority: 'low' }] });
    clearRuleCache(t.database.db);
    const created = await repair();
    await t.drain();
    const r = (await t.request(op, 'GET', `/api/v1/tickets/${created.id}`)).body;
    const teamCalendar = (await orgDirectory(t.database.db, {})).teams.get(r.teamId)?.calendarId;
    const working = (await calendarBook(t.database.db, {})).isWorking(teamCalendar, new Date());
    expect(r.priority).toBe(working ? 'high' : 'low');
    for (const x of [inHours, offHours]) await t.request(mgr, 'DELETE', `/api/v1/rules/${x.body.id}`);
  });

  it('is managed only with rule:manage', async () => {
    expect((await t.request(op, 'GET', '/api/v1/rules')).status).toBe(403);
    const list = await t.request(mgr, 'GET', '/api/v1/rules');
    expect(list.body.items.length).toBeGreaterThan(5);
    expect(list.body.items.every((r: { template: string }) => r.template === 'dairy_hotline')).toBe(true);
  });

  it('refuses invalid rules with a reason', async () => {
    const badField = await rule({ name: 'x', trigger: 'ticket.created', conditions: [{ field: 'colour', op: 'eq', value: 'red' }], actions: [{ type: 'set_priority', priority: 'high' }] });
    expect(badField.status).toBe(400);
    expect(badField.body.error.message).toContain('unknown condition field');
    const noValue = await rule({ name: 'x', trigger: 'ticket.created', conditions: [{ field: 'type', op: 'in' }], actions: [{ type: 'set_priority', priority: 'high' }] });
    expect(noValue.status).toBe(400);
    const noActions = await rule({ name: 'x', trigger: 'ticket.created', actions: [] });
    expect(noActions.status).toBe(400);
    const ghost = await rule({ name: 'x', trigger: 'ticket.created', actions: [{ type: 'notify', recipients: [{ kind: 'position', position: 'ghost_role' }] }] });
    expect(ghost.status).toBe(422);
    expect(ghost.body.error).toMatchObject({ code: 'REFERENCE_NOT_FOUND', message: '所选的岗位不存在(ghost_role)' });
  });

  it('keeps a version history, and a disabled rule does not fire', async () => {
    const created = await rule({ name: '报修加急', trigger: 'ticket.created', conditions: [{ field: 'type', op: 'eq', value: 'repair' }], actions: [{ type: 'set_priority', priority: 'high' }] });
    expect(created.status).toBe(201);
    const a = await repair();
    await t.drain();
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${a.id}`)).body.priority).toBe('high');

    const off = await t.request(mgr, 'PATCH', `/api/v1/rules/${created.body.id}`, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, version: 2 });
    const b = await repair();
    await t.drain();
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${b.id}`)).body.priority).toBe('normal');
    const versions = await t.request(mgr, 'GET', `/api/v1/rules/${created.body.id}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[1].snapshot.enabled).toBe(true);
    expect(versions.body.items[0].changedBy).toBe('陈刚');
    await t.request(mgr, 'DELETE', `/api/v1/rules/${created.body.id}`);
  });

  it('previews which rules would fire on a work order, with the people, changing nothing', async () => {
    const res = await t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '预览', phone: String(phone++) },
      fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', injury: true, injuryDetail: '住院' } });
    const before = await t.request(mgr, 'GET', `/api/v1/tickets/${res.body.id}`);
    const preview = await t.request(mgr, 'POST', '/api/v1/rules/preview', { ticketId: res.body.id, trigger: 'ticket.created' });
    expect(preview.status).toBe(200);
    expect(preview.body.rules.map((r: { ruleName: string }) => r.ruleName)).toEqual([
      '产品质量投诉:同时通知品控、客服中心经理、总经办', '人身伤害:联合上门并上报高层',
    ]);
    const notify = preview.body.rules[0].actions.find((a: { action: { type: string } }) => a.action.type === 'notify');
    expect(notify.people.sort()).toEqual(['刘强', '赵静', '陈刚'].sort());
    const after = await t.request(mgr, 'GET', `/api/v1/tickets/${res.body.id}`);
    expect(after.body).toMatchObject({ priority: before.body.priority, assigneeName: before.body.assigneeName, updatedAt: before.body.updatedAt });
  });

  it('stops rules that re-trigger each other and logs why', async () => {
    const a = await rule({ name: '乒', trigger: 'ticket.updated', conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'priority', op: 'eq', value: 'high' }], actions: [{ type: 'set_priority', priority: 'low' }] });
    const b = await rule({ name: '乓', trigger: 'ticket.updated', conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'priority', op: 'eq', value: 'low' }], actions: [{ type: 'set_priority', priority: 'high' }] });
    const ticket = await repair();
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${ticket.id}`, { priority: 'high' });
    await t.drain();
    const runs = (await t.request(mgr, 'GET', `/api/v1/rule-runs?ticketId=${ticket.id}`)).body.items.reverse(); // newest first
    expect(runs.map((r: { ruleName: string; outcome: string }) => `${r.ruleName}:${r.outcome}`)).toEqual(['乒:fired', '乓:fired', '乒:loop_prevented']);
    expect(runs[2].detail.reason).toContain('caused by this rule');
    const tl = (await t.request(mgr, 'GET', `/api/v1/tickets/${ticket.id}/timeline`)).body.items;
    expect(tl.filter((e: { ruleName: string | null }) => e.ruleName).map((e: { ruleName: string }) => e.ruleName)).toEqual(['乒', '乓']);
    await t.request(mgr, 'DELETE', `/api/v1/rules/${a.body.id}`);
    await t.request(mgr, 'DELETE', `/api/v1/rules/${b.body.id}`);
  });

  it('hides a complaint from the manager it is about (AUD-13)', async () => {
    const r = await rule({ name: '投诉经理:对被投诉人保密', trigger: 'ticket.created',
      conditions: [{ field: 'type', op: 'eq', value: 'complaint' }, { field: 'fields.staffId', op: 'exists' }],
      actions: [{ type: 'hide_from', who: { kind: 'job_number_in_field', field: 'staffId' } }] });
    expect(r.status).toBe(201);
    const c = await t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '投诉人', phone: String(phone++) },
      fields: { target: '品控部经理', reason: '态度差', validity: 'valid', category: 'service_quality', serviceIssue: 'attitude', staffId: '0501' } });
    await t.drain();
    const qc = await t.login('qc_manager'); // job number 0501
    expect((await t.request(qc, 'GET', `/api/v1/tickets/${c.body.id}`)).status).toBe(404);
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${c.body.id}`)).status).toBe(200);
    await t.request(mgr, 'DELETE', `/api/v1/rules/${r.body.id}`);
  });

  it('binds positions to people; rules follow the binding', async () => {
    const dir = (await t.request(mgr, 'GET', '/api/v1/directory')).body;
    const lina = dir.users.find((u: { displayName: string }) => u.displayName === '李娜').id;
    const res = await t.request(mgr, 'PUT', '/api/v1/positions/qc_manager', { name: '品控部经理', holderIds: [lina] });
    expect(res.status).toBe(200);
    const c = await t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '换人', phone: String(phone++) },
      fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour' } });
    await t.drain();
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${c.body.id}`)).body.assigneeName).toBe('李娜');
    const liu = dir.users.find((u: { displayName: string }) => u.displayName === '刘强').id;
    await t.request(mgr, 'PUT', '/api/v1/positions/qc_manager', { name: '品控部经理', holderIds: [liu] });
  });
});

describe('escalation chains and rule-started clocks', () => {
  it('starts a clock from a rule, escalates along a chain when it breaches, and cancels it when resolved', async () => {
    const calendars = (await t.request(mgr, 'GET', '/api/v1/calendars')).body.items;
    const always = calendars.find((c: { spec: { alwaysOpen: boolean } }) => c.spec.alwaysOpen);
    const start = await rule({ name: '报修回电时限', trigger: 'ticket.created', conditions: [{ field: 'type', op: 'eq', value: 'repair' }],
      actions: [{ type: 'start_sla', kind: 'callback', minutes: 0.02, calendarId: always.id }] });
    expect(start.status).toBe(201);
    const chain = [{ kind: 'position', position: 'operator_team_lead' }, { kind: 'position', position: 'cs_center_manager' }];
    const esc = await rule({ name: '回电超时逐级升级', trigger: 'sla.breached', conditions: [{ field: 'sla.kind', op: 'eq', value: 'callback' }],
      actions: [{ type: 'escalate', chain }] });
    expect(esc.status).toBe(201);
    const cancel = await rule({ name: '解决后停止回电计时', trigger: 'ticket.status_reached', conditions: [{ field: 'status', op: 'eq', value: 'resolved' }],
      actions: [{ type: 'cancel_sla', kind: 'callback' }] });

    const a = await repair();
    await t.drain(); // the rule starts the clock
    await t.advance(1500);
    await t.drain(); // the breach falls due, the chain escalates
    const d = (await t.request(mgr, 'GET', `/api/v1/tickets/${a.id}`)).body;
    expect(d.assigneeName).toBe('张敏'); // step 1 of the chain: the operator was not on it
    expect(d.sla.find((c: { kind: string }) => c.kind === 'callback').state).toBe('breached');
    const lead = await t.login('lead');
    const n = (await t.request(lead, 'GET', '/api/v1/notifications')).body.items.find((x: { ticketId: string }) => x.ticketId === a.id);
    expect(n).toMatchObject({ kind: 'ticket.escalated', urgent: true });

    const b = await repair();
    await t.drain();
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${b.id}`, { status: 'resolved', resolution: '已修好' });
    await t.drain();
    const bd = (await t.request(mgr, 'GET', `/api/v1/tickets/${b.id}`)).body;
    expect(bd.sla.find((c: { kind: string }) => c.kind === 'callback').state).toBe('cancelled');
    for (const r of [start, esc, cancel]) await t.request(mgr, 'DELETE', `/api/v1/rules/${r.body.id}`);
  });
});

describe('partial updates', () => {
  it('changes only what a PATCH names (rules keep their conditions, users their roles)', async () => {
    const r = await rule({ name: '局部更新', trigger: 'ticket.created', conditions: [{ field: 'type', op: 'eq', value: 'repair' }], actions: [{ type: 'set_priority', priority: 'high' }], stopProcessing: true });
    const off = await t.request(mgr, 'PATCH', `/api/v1/rules/${r.body.id}`, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, stopProcessing: true, conditions: [{ field: 'type', op: 'eq', value: 'repair' }] });
    await t.request(mgr, 'DELETE', `/api/v1/rules/${r.body.id}`);
    const admin = await t.login('admin');
    const users = (await t.request(admin, 'GET', '/api/v1/users')).body.items;
    const op2 = users.find((u: { username: string }) => u.username === 'operator2');
    const renamed = await t.request(admin, 'PATCH', `/api/v1/users/${op2.id}`, { displayName: '李娜娜' });
    expect(renamed.body.roleIds).toEqual(op2.roleIds);
    expect(renamed.body.roleIds.length).toBe(1);
  });
});
