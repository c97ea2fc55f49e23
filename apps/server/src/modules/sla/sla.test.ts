import { queryRows } from '../../db/client.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addBusinessDays, addBusinessMinutes } from '../../platform/time/business-time.ts';
import { calendarSpec } from '@kefu/shared/calendar-spec';

let t: TestApp;
let op: string;
let mgr: string;
let calendars: { id: string; name: string; spec: unknown; isDefault: boolean }[];
beforeAll(async () => {
  t = await createTestApp();
  [op, mgr] = await Promise.all([t.login('operator'), t.login('cs_manager')]);
  calendars = (await t.request(mgr, 'GET', '/api/v1/calendars')).body.items;
});
afterAll(async () => { await t.close(); });

let phone = 13888880000;
const record = async (type: string, fields: object) => {
  const r = await t.request(op, 'POST', '/api/v1/tickets', { type, channel: 'phone', customer: { name: '客户', phone: String(phone++) }, fields });
  expect(r.status).toBe(201);
  await t.drain();
  return r.body;
};
const detail = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/tickets/${id}`)).body;
const complaint = { target: '送奶员', reason: '迟到', validity: 'valid', category: 'service_quality', serviceIssue: 'late_delivery' };

describe('SLA clocks on business calendars', () => {
  it('starts the complaint clocks of the dairy template on the default calendar with the public holidays', async () => {
    const def = calendars.find((c) => c.isDefault)!;
    expect(def.name).toContain('法定节假日');
    const created = await record('complaint', complaint);
    const d = await detail(created.id);
    const spec = calendarSpec.parse(def.spec);
    const start = new Date(created.createdAt);
    const byKind = Object.fromEntries(d.sla.map((c: { kind: string }) => [c.kind, c]));
    expect(byKind.first_response).toMatchObject({ state: 'running', policyName: '投诉:即时受理,迅速有结果' });
    // clocks count from the creation, however late the queue starts them
    expect(Date.parse(byKind.first_response.dueAt)).toBe(addBusinessMinutes(spec, start, 30).getTime());
    expect(Date.parse(byKind.resolution.dueAt)).toBe(addBusinessDays(spec, start, 2).getTime());
  });

  it('shows the resolution deadline as the work order\'s dueAt, in its detail and in the list, once its creation is handled', async () => {
    const r = await t.withoutDrain(() => t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '客户', phone: String(phone++) }, fields: complaint }));
    // the answer is the work order as recorded: routing and clocks follow from its event
    expect(r.body).toMatchObject({ dueAt: null, sla: [] });
    await t.drain();
    const d = await detail(r.body.id);
    const resolution = d.sla.find((c: { kind: string }) => c.kind === 'resolution');
    expect(resolution.state).toBe('running');
    expect(d.dueAt).toBe(resolution.dueAt);
    const listed = (await t.request(mgr, 'GET', `/api/v1/tickets?view=all&customerId=${r.body.customerId}`)).body.items;
    expect(listed).toMatchObject([{ id: r.body.id, dueAt: resolution.dueAt }]);
  });

  it('starts the clocks at the creation even when the queue runs late', async () => {
    const r = await t.withoutDrain(() => t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '客户', phone: String(phone++) }, fields: complaint }));
    // as if the background had been busy for an hour
    const hourAgo = new Date(Date.now() - 3_600_000);
    await t.database.db.execute(sql`update tickets set created_at = ${hourAgo.toISOString()}::timestamptz where id = ${r.body.id}`);
    await t.drain();
    const d = await detail(r.body.id);
    const spec = calendarSpec.parse(calendars.find((c) => c.isDefault)!.spec);
    const first = d.sla.find((c: { kind: string }) => c.kind === 'first_response');
    expect(Date.parse(first.dueAt)).toBe(addBusinessMinutes(spec, hourAgo, 30).getTime());
    const [row] = await queryRows<{ started_at: Date }>(t.database.db, sql`select started_at from ticket_slas where ticket_id = ${r.body.id} and kind = 'first_response'`);
    expect(new Date(row.started_at).getTime()).toBe(hourAgo.getTime());
  });

  it('meets first response when work starts, pauses while waiting for the customer, and meets resolution', async () => {
    const created = await record('complaint', complaint);
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${created.id}`, { status: 'open' });
    await t.drain();
    let d = await detail(created.id);
    expect(d.sla.find((c: { kind: string }) => c.kind === 'first_response').state).toBe('met');
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${created.id}`, { status: 'pending' });
    await t.drain();
    d = await detail(created.id);
    expect(d.sla.find((c: { kind: string }) => c.kind === 'resolution').state).toBe('paused');
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${created.id}`, { status: 'open' });
    await t.drain();
    expect((await detail(created.id)).sla.find((c: { kind: string }) => c.kind === 'resolution').state).toBe('running');
    await t.request(mgr, 'PATCH', `/api/v1/tickets/${created.id}`, { status: 'resolved', resolution: '已道歉并调整送奶时间' });
    await t.drain();
    expect((await detail(created.id)).sla.find((c: { kind: string }) => c.kind === 'resolution').state).toBe('met');
  });

  it('fires the escalation rules when a clock is breached, and lists the work order as breached', async () => {
    const always = calendars.find((c) => (c.spec as { alwaysOpen: boolean }).alwaysOpen)!;
    const policy = await t.request(mgr, 'POST', '/api/v1/sla-policies', {
      name: '报修(测试,1 秒)', position: 1, calendarId: always.id,
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }], targets: [{ kind: 'resolution', minutes: 0.02, warnAtPercent: 50 }],
    });
    expect(policy.status).toBe(201);
    const rule = await t.request(mgr, 'POST', '/api/v1/rules', {
      name: '超时升级:交客服中心经理', trigger: 'sla.breached', enabled: true, stopProcessing: false,
      conditions: [{ field: 'sla.kind', op: 'eq', value: 'resolution' }],
      actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'assign', to: { kind: 'position', position: 'cs_center_manager' }, strategy: 'direct' }],
    });
    expect(rule.status).toBe(201);
    const created = await record('repair', { content: '漏水', preferredTime: '上午' });
    await t.advance(1500);
    await t.drain();
    const d = await detail(created.id);
    expect(d.sla).toMatchObject([{ kind: 'resolution', state: 'breached' }]);
    expect(d).toMatchObject({ priority: 'urgent', assigneeName: '陈刚' });
    const tl = (await t.request(mgr, 'GET', `/api/v1/tickets/${created.id}/timeline`)).body.items.map((e: { action: string; ruleName: string | null }) => `${e.action}:${e.ruleName ?? ''}`);
    // (the warning is due too by now; with several job loops (PostgreSQL) the breach may be handled first and the late warning dropped)
    expect(tl).toEqual(expect.arrayContaining(['sla_breached:', 'priority_changed:超时升级:交客服中心经理', 'assigned:超时升级:交客服中心经理']));
    const queue = await t.request(mgr, 'GET', '/api/v1/sla/queue?state=breached');
    expect(queue.body.items.map((i: { ticketId: string }) => i.ticketId)).toContain(created.id);
    const esc = await t.request(mgr, 'GET', '/api/v1/sla/escalations');
    expect(esc.body.items.find((e: { departmentName: string }) => e.departmentName === '客服中心').breached).toBeGreaterThanOrEqual(1);
    expect((await t.request(op, 'GET', '/api/v1/sla/queue')).status).toBe(403);
    const board = (await t.request(mgr, 'GET', '/api/v1/wallboard')).body;
    expect(board.breached).toBeGreaterThanOrEqual(1);
    expect(board.createdToday).toBeGreaterThanOrEqual(3);
    expect(board.openByType.map((x: { type: string }) => x.type)).toContain('repair');
    await t.request(mgr, 'DELETE', `/api/v1/sla-policies/${policy.body.id}`);
    await t.request(mgr, 'DELETE', `/api/v1/rules/${rule.body.id}`);
  });

  it('lets an admin edit a calendar and refuses overlapping hours', async () => {
    const def = calendars.find((c) => c.isDefault)!;
    const spec = structuredClone(def.spec) as { weekly: Record<string, { start: string; end: string }[]> };
    const bad = structuredClone(spec);
    const firstDay = Object.keys(bad.weekly).find((k) => bad.weekly[k].length)!;
    bad.weekly[firstDay] = [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }];
    const res = await t.request(mgr, 'PUT', `/api/v1/calendars/${def.id}`, { name: def.name, spec: bad, isDefault: true });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('overlap');
    const ok = await t.request(mgr, 'PUT', `/api/v1/calendars/${def.id}`, { name: '标准工作时间', spec, isDefault: true });
    expect(ok.status).toBe(200);
    const invalidPolicy = await t.request(mgr, 'POST', '/api/v1/sla-policies', { name: 'x', targets: [{ kind: 'resolution' }] });
    expect(invalidPolicy.status).toBe(400);
  });
});
