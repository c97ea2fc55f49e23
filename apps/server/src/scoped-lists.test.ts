import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from './db/client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// Lists beside the work-order list — delivery log, rule runs, survey answers,
// callbacks — show a work order only to those who may see it: within their
// data scope, and never to someone it is hidden from (AUD-13).

let t: TestApp;
let op: string;
let qc: string;
let complaint: { id: string; number: string };
const userId = async (username: string) =>
  (await queryRows<{ id: string }>(t.database.db, sql`select id::text as id from users where username = ${username}`))[0].id;

beforeAll(async () => {
  t = await createTestApp();
  op = await t.login('operator');
  qc = await t.login('qc_manager');
  // a product complaint: the dairy rules tell the QC manager, the CS manager and the GM office at once
  const created = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'phone', customer: { name: '保密客户', phone: '13955550001' },
    fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B1' },
  });
  expect(created.status).toBe(201);
  complaint = created.body;
  expect((await t.request(qc, 'PATCH', `/api/v1/tickets/${complaint.id}`, { status: 'resolved', resolution: '已退换' })).status).toBe(200);
  await t.drain();
});
afterAll(async () => { await t.close(); });

const ticketIdsIn = async (token: string, url: string) => {
  const res = await t.request(token, 'GET', url);
  expect(res.status, url).toBe(200);
  return new Set((res.body.items as { ticketId: string | null }[]).map((i) => i.ticketId));
};

const LISTS = ['/api/v1/notification-log?limit=200', '/api/v1/rule-runs?limit=200', '/api/v1/survey-responses?limit=500', '/api/v1/callbacks?view=all&limit=200'];

describe('lists around work orders', () => {
  it('show the complaint to a manager who sees everything', async () => {
    const mgr = await t.login('cs_manager');
    for (const url of LISTS) expect((await ticketIdsIn(mgr, url)).has(complaint.id), url).toBe(true);
  });

  it('leave it out for a team lead once it belongs to another team and department', async () => {
    await t.database.db.execute(sql`update tickets set team_id = null, department_id = (select department_id from users where username = 'qc_manager'),
      assignee_id = (select id from users where username = 'qc_manager') where id = ${complaint.id}`);
    const lead = await t.login('lead');
    for (const url of LISTS.slice(0, 3)) expect((await ticketIdsIn(lead, url)).has(complaint.id), url).toBe(false);
    // the callback itself is the hotline team's work: its lead still sees it
    expect((await ticketIdsIn(lead, LISTS[3])).has(complaint.id)).toBe(true);
  });

  it('leave it out, everywhere, for the manager it is hidden from', async () => {
    const mgrId = await userId('cs_manager');
    await t.database.db.execute(sql`update tickets set hidden_from = array[${mgrId}]::uuid[] where id = ${complaint.id}`);
    const mgr = await t.login('cs_manager');
    for (const url of LISTS) expect((await ticketIdsIn(mgr, url)).has(complaint.id), url).toBe(false);
    for (const url of [`/api/v1/notification-log?ticketId=${complaint.id}`, `/api/v1/rule-runs?ticketId=${complaint.id}`, `/api/v1/survey-responses?ticketId=${complaint.id}`]) {
      expect((await t.request(mgr, 'GET', url)).body.items, url).toEqual([]);
    }
    const preview = await t.request(mgr, 'POST', '/api/v1/rules/preview', { ticketId: complaint.id });
    expect(preview.status).toBe(404);
    const [task] = (await t.request(await t.login('admin'), 'GET', `/api/v1/callbacks?view=all&ticketId=${complaint.id}`)).body.items;
    expect((await t.request(mgr, 'GET', `/api/v1/callbacks/${task.id}`)).status).toBe(404);
    await t.database.db.execute(sql`update tickets set hidden_from = '{}' where id = ${complaint.id}`);
  });

  it("take the notices about it out of the hidden person's own notifications, and out of the unread count", async () => {
    const mgr = await t.login('cs_manager');
    const mine = async () => (await t.request(mgr, 'GET', '/api/v1/notifications?limit=100')).body as { items: { ticketId: string | null }[]; unread: number };
    const before = await mine();
    const about = before.items.filter((n) => n.ticketId === complaint.id).length;
    expect(about).toBeGreaterThan(0);
    await t.database.db.execute(sql`update tickets set hidden_from = array[${await userId('cs_manager')}]::uuid[] where id = ${complaint.id}`);
    const after = await mine();
    expect(after.items.filter((n) => n.ticketId === complaint.id)).toEqual([]);
    expect(after.unread).toBeLessThanOrEqual(before.unread);
    expect(before.unread - after.unread).toBeLessThanOrEqual(about);
    await t.database.db.execute(sql`update tickets set hidden_from = '{}' where id = ${complaint.id}`);
  });
});

describe('callbacks about a work order hidden from their agent', () => {
  it('cannot be recorded by them (404, nothing written)', async () => {
    const admin = await t.login('admin');
    const [task] = (await t.request(admin, 'GET', `/api/v1/callbacks?view=all&ticketId=${complaint.id}`)).body.items as { id: string; assigneeId: string }[];
    const agent = (await queryRows<{ username: string }>(t.database.db, sql`select username from users where id = ${task.assigneeId}`))[0].username;
    await t.database.db.execute(sql`update tickets set hidden_from = array[${task.assigneeId}]::uuid[] where id = ${complaint.id}`);
    const attempts = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from callback_attempts where task_id = ${task.id}`))[0].n;
    const before = await attempts();
    const res = await t.request(await t.login(agent), 'POST', `/api/v1/callbacks/${task.id}/attempts`, { result: 'no_answer', durationSeconds: 20, quietHoursOverride: true });
    expect(res.status).toBe(404);
    expect(await attempts()).toBe(before);
    await t.database.db.execute(sql`update tickets set hidden_from = '{}' where id = ${complaint.id}`);
  });
});

describe('customers created by someone who may not see phones', () => {
  it('do not say which archived customers share the phone typed', async () => {
    const admin = await t.login('admin');
    const first = await t.request(admin, 'POST', '/api/v1/customers', { name: '同号甲', phone: '13955550099' });
    expect(first.status).toBe(201);
    const withPii = await t.request(admin, 'POST', '/api/v1/customers', { name: '同号乙', phone: '13955550099' });
    expect(withPii.body.duplicateOf).toContain(first.body.id);
    const dept = await t.login('gm_office');
    const masked = await t.request(dept, 'POST', '/api/v1/customers', { name: '同号丙', phone: '13955550099' });
    if (masked.status === 201) expect(masked.body.duplicateOf).toEqual([]);
    else expect(masked.status).toBe(403);
  });
});
