import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// The closed loop after a complaint (CBK-06, CMP-19, CMP-21, SAT-06): the
// callback policy schedules a callback when the work order is resolved, the
// survey link goes out, quiet hours hold the agent back, an unsatisfied
// customer reopens the work, and only a satisfied one (or a manager with a
// reason) closes it. Campaigns, the overdue escalation and the report too.

let t: TestApp;
let op: string;
let op2: string;
let qc: string;
let mgr: string;
const sms: { to: string; text: string }[] = [];
let hotlineTeam: string;

beforeAll(async () => {
  t = await createTestApp();
  [op, op2, qc, mgr] = await Promise.all(['operator', 'operator2', 'qc_manager', 'cs_manager'].map((u) => t.login(u)));
  const channel = t.app.services.channels.sms;
  const send = channel.send.bind(channel);
  channel.send = async (m) => { sms.push({ to: m.to, text: m.text }); return send(m); };
  const dir = (await t.request(op, 'GET', '/api/v1/directory')).body;
  hotlineTeam = dir.teams.find((x: { name: string }) => x.name === '热线一组').id;
  // no rest window now, unless a test sets one
  await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null, windows: [] });
});
afterAll(async () => { await t.close(); });

let phone = 13877770000;
async function resolvedComplaint(name = '回访客户') {
  const created = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'phone', customer: { name, phone: String(phone++) },
    fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B9' },
  });
  expect(created.status).toBe(201);
  const resolved = await t.request(qc, 'PATCH', `/api/v1/tickets/${created.body.id}`, { status: 'resolved', resolution: '已上门退换' });
  expect(resolved.status).toBe(200);
  await t.drain();
  return created.body as { id: string; number: string; customerId: string };
}
const callbacksOf = async (ticketId: string, token = mgr) => (await t.request(token, 'GET', `/api/v1/callbacks?view=all&ticketId=${ticketId}`)).body.items;
const ticket = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/tickets/${id}`)).body;
const actions = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/tickets/${id}/timeline`)).body.items.map((e: { action: string }) => e.action);
const attempt = (token: string, taskId: string, body: object) => t.request(token, 'POST', `/api/v1/callbacks/${taskId}/attempts`, body);
const shanghaiHm = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

describe('callbacks after a complaint', () => {
  it('schedules a callback for the agent who took the call, within 3 working days, and sends the survey link', async () => {
    const before = sms.length;
    const c = await resolvedComplaint();
    const mine = (await t.request(op, 'GET', '/api/v1/callbacks')).body.items.filter((x: { ticketId: string }) => x.ticketId === c.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ policy: '投诉处理后回访(三天内)', callbackType: 'complaint', status: 'open', round: 1, coverageRequired: true,
      ticketNumber: c.number, assigneeName: '王丽', customerName: '回访客户' });
    const hours = (Date.parse(mine[0].dueAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(24);
    expect(hours).toBeLessThan(24 * 8); // three working days, whatever weekday the test runs on
    expect(await actions(c.id)).toContain('callback_scheduled');
    const texts = sms.slice(before).map((m) => m.text);
    expect(texts.some((x) => /\/s\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/.test(x))).toBe(true);
  });

  it('counts the deadline from the resolution on the business calendar: National Day off, its make-up Saturday on', async () => {
    const created = await t.request(op, 'POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'phone', customer: { name: '国庆客户', phone: String(phone++) },
      fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour' },
    });
    await t.withoutDrain(() => t.request(qc, 'PATCH', `/api/v1/tickets/${created.body.id}`, { status: 'resolved', resolution: '已处理' }));
    // as if resolved on 30 September, 10:00 (the queue counts from the change, however late it runs)
    await t.database.db.execute(sql`update outbox_events set payload = jsonb_set(payload, '{at}', '"2026-09-30T02:00:00.000Z"')
      where aggregate_id = ${created.body.id} and processed_at is null and type = 'ticket.updated'`);
    await t.drain();
    const [task] = await callbacksOf(created.body.id);
    // 1–7 Oct are holidays; Thu 8, Fri 9 and the make-up Saturday 10 Oct are the three working days
    expect(task.dueAt).toBe('2026-10-10T09:30:00.000Z');
    expect(task.availableAt).toBe('2026-09-30T02:00:00.000Z');
  });

  it('holds the agent back in the customer\'s quiet hours, unless the customer agreed', async () => {
    const c = await resolvedComplaint();
    const [task] = await callbacksOf(c.id);
    const now = new Date();
    await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null,
      windows: [{ start: shanghaiHm(new Date(now.getTime() - 3_600_000)), end: shanghaiHm(new Date(now.getTime() + 3_600_000)) }] });
    try {
      const list = (await t.request(op, 'GET', '/api/v1/callbacks')).body.items.find((x: { id: string }) => x.id === task.id);
      expect(list.quietNow).toBe(true);
      const refused = await attempt(op, task.id, { result: 'no_answer', durationSeconds: 20 });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('QUIET_HOURS');
      expect(refused.body.error.message).toContain('休息时间');
      const agreed = await attempt(op, task.id, { result: 'no_answer', durationSeconds: 20, quietHoursOverride: true });
      expect(agreed.status).toBe(201);
      const [row] = await queryRows<{ quiet_hours: boolean }>(t.database.db, sql`select quiet_hours from callback_attempts where task_id = ${task.id}`);
      expect(row.quiet_hours).toBe(true);
    } finally {
      await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null, windows: [] });
    }
  });

  it('says until when the customer rests in the centre\'s local time, not in UTC', async () => {
    const c = await resolvedComplaint();
    const [task] = await callbacksOf(c.id);
    const now = new Date();
    const end = shanghaiHm(new Date(now.getTime() + 3_600_000));
    await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null,
      windows: [{ start: shanghaiHm(new Date(now.getTime() - 3_600_000)), end }] });
    try {
      const zh = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`, { result: 'no_answer', durationSeconds: 20 }, { 'accept-language': 'zh-CN' });
      expect(zh.status).toBe(409);
      // "13:30", or "12月8日 00:30" when the rest ends after midnight
      expect(zh.body.error.message).toMatch(new RegExp(`休息时间\\(至 (\\d+月\\d+日 )?${end}\\)`));
      const en = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`, { result: 'no_answer', durationSeconds: 20 }, { 'accept-language': 'en-US' });
      expect(en.body.error.message).toMatch(new RegExp(`rest time \\(until ([A-Z][a-z]{2} \\d+ )?${end}\\)`));
      expect(zh.body.error.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    } finally {
      await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null, windows: [] });
    }
  });

  it('reopens the work order when the customer is unsatisfied, calls again after the next resolution, and closes when satisfied', async () => {
    const c = await resolvedComplaint('不满意客户');
    const [first] = await callbacksOf(c.id);
    const noReason = await attempt(op, first.id, { result: 'reached', satisfaction: 'unsatisfied', durationSeconds: 95 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    const unhappy = await attempt(op, first.id, { result: 'reached', satisfaction: 'unsatisfied', reason: '退换不及时', durationSeconds: 95,
      answers: { resolved: false, attitude: '一般' } });
    expect(unhappy.status).toBe(201);
    expect(unhappy.body).toMatchObject({ followUp: 'reopen', task: { status: 'done', outcome: 'unsatisfied', reason: '退换不及时' } });
    expect((await ticket(c.id)).status).toBe('open');

    // the QC department puts it right and resolves again: a second callback, round 2
    await t.request(qc, 'PATCH', `/api/v1/tickets/${c.id}`, { status: 'resolved', resolution: '已再次上门并补偿' });
    await t.drain();
    const rounds = (await callbacksOf(c.id)).sort((x: { round: number }, y: { round: number }) => x.round - y.round);
    expect(rounds.map((x: { round: number; status: string }) => [x.round, x.status])).toEqual([[1, 'done'], [2, 'open']]);
    const second = rounds[1];
    expect((await attempt(op, second.id, { result: 'busy' })).body.task).toMatchObject({ status: 'open', attemptCount: 1 });
    const later = new Date(Date.now() + 2 * 3_600_000).toISOString();
    expect((await attempt(op, second.id, { result: 'appointment', appointmentAt: later })).body.task).toMatchObject({ status: 'open', appointmentAt: later });
    const happy = await attempt(op, second.id, { result: 'reached', satisfaction: 'satisfied', durationSeconds: 60, answers: { resolved: true, attitude: '满意' } });
    expect(happy.body).toMatchObject({ followUp: 'close', task: { status: 'done', outcome: 'satisfied', attemptCount: 3 } });
    expect((await ticket(c.id)).status).toBe('closed');
    const tl = await actions(c.id);
    for (const a of ['callback_scheduled', 'callback_attempted', 'reopened_after_callback', 'closed_after_callback']) expect(tl).toContain(a);
    expect(tl.filter((a: string) => a === 'callback_scheduled')).toHaveLength(2);
    // a done callback takes no more attempts
    expect((await attempt(op, second.id, { result: 'busy' })).status).toBe(409);
    // the workspace shows the attempts, the filled-in script and the customer
    const ws = await t.request(op, 'GET', `/api/v1/callbacks/${second.id}`);
    expect(ws.body.attempts).toHaveLength(3);
    expect(ws.body.script.opening).toContain('不满意客户');
    expect(ws.body.script.opening).toContain('工号1001');
    expect(ws.body.ticket.number).toBe(c.number);
  });

  it('records a reached customer only with the call\'s length and the script\'s required answers, naming what is missing (422)', async () => {
    const c = await resolvedComplaint('接通客户');
    const [task] = await callbacksOf(c.id);
    const bare = await attempt(op, task.id, { result: 'reached', satisfaction: 'satisfied', durationSeconds: 0 });
    expect(bare.status).toBe(422);
    expect(bare.body.error.code).toBe('VALIDATION_FAILED');
    // the standard script asks whether it is solved and about the attitude; the suggestion is optional
    expect(bare.body.error.details).toEqual([
      { path: 'durationSeconds', message: '客户已接通的电话回访请记录通话时长(大于 0 秒)' },
      { path: 'answers.resolved', message: '请记录客户对话术问题「问题现在是否已经彻底解决?」的回答' },
      { path: 'answers.attitude', message: '请记录客户对话术问题「您对处理人员的服务态度是否满意?」的回答' },
    ]);
    const wrong = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`,
      { result: 'reached', satisfaction: 'satisfied', durationSeconds: 80, answers: { resolved: '是', attitude: '很好' } }, { 'accept-language': 'en-US' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.map((d: { message: string }) => d.message)).toEqual([
      'Answer the script question "问题现在是否已经彻底解决?" with yes or no',
      'Pick the answer to the script question "您对处理人员的服务态度是否满意?" from: 满意, 一般, 不满意',
    ]);
    // not reached: nothing to ask, no length needed
    expect((await attempt(op, task.id, { result: 'no_answer' })).status).toBe(201);
    // by SMS a reply has no call length
    const sms = await attempt(op, task.id, { result: 'reached', channel: 'sms', satisfaction: 'satisfied', answers: { resolved: true, attitude: '满意' } });
    expect(sms.status).toBe(201);
    expect(sms.body.task).toMatchObject({ status: 'done', outcome: 'satisfied', attemptCount: 2 });
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from callback_attempts where task_id = ${task.id}`);
    expect(row.n).toBe(2);
  });

  it('lets only the agent (or a manager) work a callback, and only managers see everyone\'s', async () => {
    const c = await resolvedComplaint();
    const [task] = await callbacksOf(c.id);
    expect((await attempt(op2, task.id, { result: 'busy' })).status).toBe(403);
    // the complaint went to quality control: outside operator2's team scope, so the callback does not exist for them
    expect((await t.request(op2, 'GET', `/api/v1/callbacks/${task.id}`)).status).toBe(404);
    expect((await t.request(op, 'GET', '/api/v1/callbacks?view=all')).status).toBe(403);
    expect((await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/close`, { reason: '客户出国' })).status).toBe(403);
    expect((await t.request(await t.login('sales_clerk'), 'GET', '/api/v1/callbacks')).status).toBe(403);
  });

  it('reminds, then on the deadline marks the callback overdue and escalates through the rules; a manager closes the loop with a reason', async () => {
    const c = await resolvedComplaint('超期客户');
    const [task] = await callbacksOf(c.id);
    await t.database.db.execute(sql`update jobs set run_at = now() where dedupe_key in (${`callback:remind:${task.id}`}, ${`callback:due:${task.id}`})`);
    await t.drain();
    const [overdue] = await callbacksOf(c.id);
    expect(overdue.overdue).toBe(false); // the deadline itself is still ahead; only its timer ran early
    const opInbox = (await t.request(op, 'GET', '/api/v1/notifications?limit=50')).body.items.filter((n: { ticketId: string }) => n.ticketId === c.id);
    expect(opInbox.map((n: { kind: string }) => n.kind).sort()).toEqual(['callback.due_soon', 'callback.overdue']);
    expect(await actions(c.id)).toContain('callback_overdue');
    const escalated = (await t.request(mgr, 'GET', '/api/v1/notifications?limit=50')).body.items
      .find((n: { ticketId: string; kind: string }) => n.ticketId === c.id && n.kind === 'ticket.escalated');
    expect(escalated.body).toContain('回访超期');

    const closed = await t.request(mgr, 'POST', `/api/v1/callbacks/${task.id}/close`, { reason: '客户长期出国,无法联系' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: '客户长期出国,无法联系' });
    expect((await ticket(c.id)).status).toBe('closed');
    expect(await actions(c.id)).toContain('callback_loop_closed');
    expect((await t.request(mgr, 'POST', `/api/v1/callbacks/${task.id}/close`, { reason: '再次' })).status).toBe(409);
  });
});

describe('satisfaction survey links', () => {
  const linkFor = (ticketNumberText: string[]) => {
    const m = /\/s\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{32})/.exec(ticketNumberText.join('\n'));
    return m![1];
  };

  it('opens without login, reveals nothing about the customer, and takes one answer', async () => {
    const before = sms.length;
    const c = await resolvedComplaint('问卷客户');
    const token = linkFor(sms.slice(before).map((m) => m.text));
    const page = await t.request(null, 'GET', `/api/v1/public/surveys/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name: '服务满意度评价', scale: 5 });
    expect(JSON.stringify(page.body)).not.toContain('问卷客户');
    expect(JSON.stringify(page.body)).not.toContain(c.number);
    expect((await t.request(null, 'POST', `/api/v1/public/surveys/${token}`, { rating: 6 })).status).toBe(400);
    const answered = await t.request(null, 'POST', `/api/v1/public/surveys/${token}`, { rating: 4, comment: '上门很及时' });
    expect(answered.status).toBe(201);
    const again = await t.request(null, 'POST', `/api/v1/public/surveys/${token}`, { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SURVEY_LINK_USED');
    expect((await t.request(null, 'GET', `/api/v1/public/surveys/${token}`)).status).toBe(409);
    // the result shows on the work order (and the customer and the agent)
    const results = (await t.request(mgr, 'GET', `/api/v1/survey-responses?ticketId=${c.id}`)).body.items;
    expect(results).toMatchObject([{ rating: 4, scale: 5, scorePct: 75, comment: '上门很及时', ticketNumber: c.number, agentName: '刘强' }]);
    expect((await t.request(mgr, 'GET', `/api/v1/survey-responses?customerId=${c.customerId}`)).body.items).toHaveLength(1);
  });

  it('refuses forged, expired and borrowed links', async () => {
    const b1 = sms.length;
    const a = await resolvedComplaint('客户甲');
    const tokenA = linkFor(sms.slice(b1).map((m) => m.text));
    const b2 = sms.length;
    await resolvedComplaint('客户乙');
    const tokenB = linkFor(sms.slice(b2).map((m) => m.text));
    const [idA, sigA] = tokenA.split('.');
    const [idB] = tokenB.split('.');
    const forged = `${idA}.${sigA.slice(0, -1)}${sigA.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [forged, `${idB}.${sigA}`, `${idA}.x`, 'not-a-token-at-all']) {
      const res = await t.request(null, 'POST', `/api/v1/public/surveys/${encodeURIComponent(bad)}`, { rating: 5 });
      expect([404, 400], bad).toContain(res.status);
    }
    await t.database.db.execute(sql`update survey_invitations set expires_at = now() - interval '1 minute' where ticket_id = ${a.id}`);
    const expired = await t.request(null, 'GET', `/api/v1/public/surveys/${tokenA}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('SURVEY_LINK_EXPIRED');
    // B's own link still works
    expect((await t.request(null, 'GET', `/api/v1/public/surveys/${tokenB}`)).status).toBe(200);
  });
});

describe('campaigns', () => {
  it('previews how many customers a filter selects, then spreads them over the team by load', async () => {
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const openLoad = async () => new Map((await queryRows<{ name: string; n: number }>(t.database.db, sql`
      select u.display_name as name, count(c.id)::int as n from users u left join callback_tasks c on c.assignee_id = u.id and c.status = 'open'
      where u.team_id = ${hotlineTeam} group by u.display_name`)).map((r) => [r.name, r.n]));
    const before = await openLoad();
    const preview = await t.request(mgr, 'POST', '/api/v1/callback-campaigns/preview', { filter: { ticketTypes: ['complaint'], since } });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBeGreaterThanOrEqual(6);
    const started = await t.request(mgr, 'POST', '/api/v1/callback-campaigns', {
      name: '会员回访活动', filter: { ticketTypes: ['complaint'], since }, teamId: hotlineTeam, dueWithin: { businessDays: 3 },
    });
    expect(started.status).toBe(201);
    expect(started.body.customerCount).toBe(preview.body.count);
    const tasks = (await t.request(mgr, 'GET', `/api/v1/callbacks?view=all&campaignId=${started.body.id}&limit=200`)).body.items;
    expect(tasks).toHaveLength(preview.body.count);
    // each customer went to whoever had the fewest open callbacks at that moment: the loads end up level
    // as far as the campaign's size allows, and nobody gained while someone else had fewer
    const after = await openLoad();
    const gained = [...after.entries()].map(([name, n]) => ({ name, n, gain: n - (before.get(name) ?? 0) }));
    expect(gained.reduce((a, g) => a + g.gain, 0)).toBe(preview.body.count);
    const minAfter = Math.min(...gained.map((g) => g.n));
    for (const g of gained) if (g.gain > 0) expect(g.n - minAfter).toBeLessThanOrEqual(1);
    const progress = (await t.request(mgr, 'GET', '/api/v1/callback-campaigns')).body.items.find((x: { id: string }) => x.id === started.body.id);
    expect(progress).toMatchObject({ customerCount: preview.body.count, open: preview.body.count, done: 0, teamName: '热线一组' });
    // ending it early cancels the callbacks not made yet; they no longer count as due
    const [first] = tasks;
    await t.request(mgr, 'POST', `/api/v1/callbacks/${first.id}/attempts`, { result: 'reached', satisfaction: 'satisfied', durationSeconds: 45 });
    const ended = await t.request(mgr, 'POST', `/api/v1/callback-campaigns/${started.body.id}/close`);
    expect(ended.body).toEqual({ cancelled: preview.body.count - 1 });
    const after2 = (await t.request(mgr, 'GET', '/api/v1/callback-campaigns')).body.items.find((x: { id: string }) => x.id === started.body.id);
    expect(after2).toMatchObject({ status: 'closed', open: 0, done: 1, cancelled: preview.body.count - 1 });
    const again = await t.request(mgr, 'POST', `/api/v1/callback-campaigns/${started.body.id}/close`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该回访活动已结束');
    const empty = await t.request(mgr, 'POST', '/api/v1/callback-campaigns', {
      name: '空', filter: { customerClasses: ['Z'] }, teamId: hotlineTeam, dueWithin: { days: 1 },
    });
    expect(empty.status).toBe(422);
  });
});

describe('the callback summary report', () => {
  it('counts due, on time, late, missed, coverage, satisfaction, reasons and reopens on a fixture', async () => {
    const made = await resolvedComplaint('报表客户');
    const c = { id: made.customerId };
    const tk = { id: made.id };
    const [u] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'operator'`);
    const row = (source: string, due: string, status: string, doneAt: string | null, outcome: string | null, reason: string | null = null, ticket = false) => sql`
      (${source}, 'complaint', 'x', ${ticket ? tk.id : null}::uuid, ${c.id}::uuid, ${u.id}::uuid, ${due}::timestamptz, ${due}::timestamptz,
       ${status}, ${doneAt}::timestamptz, ${outcome}, ${reason}, ${source === '甲'})`;
    await t.database.db.execute(sql`insert into callback_tasks
      (source, callback_type, step, ticket_id, customer_id, assignee_id, available_at, due_at, status, done_at, outcome, reason, coverage_required) values
      ${row('甲', '2025-01-10T10:00:00Z', 'done', '2025-01-09T10:00:00Z', 'satisfied')},
      ${row('甲', '2025-01-11T10:00:00Z', 'done', '2025-01-12T10:00:00Z', 'unsatisfied', '态度差', true)},
      ${row('甲', '2025-01-12T10:00:00Z', 'open', null, null)},
      ${row('甲', '2025-01-13T10:00:00Z', 'closed', '2025-01-14T10:00:00Z', null)},
      ${row('乙', '2025-01-20T10:00:00Z', 'done', '2025-01-20T09:00:00Z', 'neutral')},
      ${row('乙', '2025-01-21T10:00:00Z', 'done', '2025-01-21T09:00:00Z', 'satisfied')},
      ${row('乙', '2025-02-01T10:00:00Z', 'done', '2025-02-01T09:00:00Z', 'satisfied')}`);
    const q = 'from=2025-01-01T00:00:00%2B08:00&to=2025-02-01T00:00:00%2B08:00';
    const res = await t.request(mgr, 'GET', `/api/v1/callbacks/report?${q}&groupBy=policy`);
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.rows.map((r: { label: string }) => [r.label, r]));
    expect(by['甲']).toMatchObject({ due: 4, onTime: 1, late: 1, missed: 1, pending: 0, closed: 1, reached: 2, satisfied: 1, unsatisfied: 1,
      coveragePct: 50, satisfactionPct: 50, reopened: 1, coverageRequired: true });
    expect(by['乙']).toMatchObject({ due: 2, onTime: 2, late: 0, missed: 0, reached: 2, satisfied: 1, neutral: 1, coveragePct: 100, satisfactionPct: 50, coverageRequired: false });
    expect(res.body.total).toMatchObject({ due: 6, onTime: 3, late: 1, missed: 1, coveragePct: 66.7, satisfactionPct: 50 });
    expect(res.body.reasons).toEqual([{ reason: '态度差', count: 1 }]);
    // by agent, with the survey answers about their work in the period
    const [svId] = (await queryRows<{ id: string }>(t.database.db, sql`select id from surveys where kind = 'post_resolution' limit 1`)).map((r) => r.id);
    await t.database.db.execute(sql`insert into survey_invitations (survey_id, customer_id, agent_id, channel, token_hash, expires_at, answered_at, rating, score)
      values (${svId}, ${c.id}, ${u.id}, 'sms', 'fixture-1', '2025-02-01T00:00:00Z', '2025-01-15T02:00:00Z', 5, 1),
             (${svId}, ${c.id}, ${u.id}, 'sms', 'fixture-2', '2025-02-01T00:00:00Z', '2025-01-16T02:00:00Z', 3, 0.5)`);
    const byAgent = await t.request(mgr, 'GET', `/api/v1/callbacks/report?${q}&groupBy=agent`);
    expect(byAgent.body.rows).toMatchObject([{ label: '王丽', due: 6, surveysAnswered: 2, surveyScorePct: 75 }]);
    expect(byAgent.body.total).toMatchObject({ surveysAnswered: 2, surveyScorePct: 75 });
    expect((await t.request(mgr, 'GET', `/api/v1/callbacks/report?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z`)).status).toBe(422);
    expect((await t.request(op, 'GET', `/api/v1/callbacks/report?${q}`)).status).toBe(403);

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/callbacks/report.xlsx?${q}&groupBy=policy`, headers: { authorization: `Bearer ${mgr}` } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('回访汇总')!;
    const values = [...ws.getSheetValues()].map((r) => (Array.isArray(r) ? r.slice(1) : []));
    // its survey columns: none answered about 甲's work (no score, an empty cell)
    expect(values.find((r) => r[0] === '甲')).toEqual(['甲', 4, 1, 1, 1, 0, 1, 2, 1, 0, 1, 50, 50, 1, '✓', 0]);
    expect(values.find((r) => r[0] === '合计')?.slice(1, 2)).toEqual([6]);
    expect(values.find((r) => r[0] === '合计')?.slice(-2)).toEqual([2, 75]);
    expect(wb.getWorksheet('不满意原因')!.getRow(2).values).toEqual([undefined, '态度差', 1]);
  });

  it('gives every row the survey answers about its work, by policy, team, agent and type, adding up to the total', async () => {
    const complaint = await resolvedComplaint('问卷报表客户');
    const repair = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { id: complaint.customerId },
      fields: { content: '奶箱锁坏了', repairCategory: 'other', preferredTime: '晚上' } });
    const policies = (await t.request(mgr, 'GET', '/api/v1/callback-policies')).body.items as { id: string; name: string }[];
    const p1 = policies.find((p) => p.name.startsWith('投诉处理后回访'))!;
    const p2 = policies.find((p) => p.name.startsWith('其他维修回访'))!;
    const users = await queryRows<{ id: string; username: string }>(t.database.db, sql`select id, username from users where username in ('operator', 'operator2')`);
    const wangLi = users.find((u) => u.username === 'operator')!.id;
    const liNa = users.find((u) => u.username === 'operator2')!.id;
    const task = (policy: { id: string; name: string }, type: string, ticketId: string, due: string) => sql`
      (${policy.id}::uuid, ${policy.name}, ${type}, 'x', ${ticketId}::uuid, ${complaint.customerId}::uuid, ${wangLi}::uuid, ${hotlineTeam}::uuid,
       ${due}::timestamptz, ${due}::timestamptz, 'done', ${due}::timestamptz, 'satisfied')`;
    await t.database.db.execute(sql`insert into callback_tasks
      (policy_id, source, callback_type, step, ticket_id, customer_id, assignee_id, team_id, available_at, due_at, status, done_at, outcome) values
      ${task(p1, 'complaint', complaint.id, '2024-03-05T02:00:00Z')}, ${task(p2, 'repair', repair.body.id, '2024-03-06T02:00:00Z')}`);
    const [sv] = await queryRows<{ id: string }>(t.database.db, sql`select id from surveys where kind = 'post_resolution' limit 1`);
    const answer = (ticketId: string | null, agentId: string, score: number, n: number) => sql`
      (${sv.id}::uuid, ${complaint.customerId}::uuid, ${ticketId}::uuid, ${agentId}::uuid, 'sms', ${`report-${n}`}, '2024-04-01T00:00:00Z', '2024-03-10T02:00:00Z', 3, ${score})`;
    await t.database.db.execute(sql`insert into survey_invitations (survey_id, customer_id, ticket_id, agent_id, channel, token_hash, expires_at, answered_at, rating, score)
      values ${answer(complaint.id, wangLi, 1, 1)}, ${answer(repair.body.id, liNa, 0.5, 2)}, ${answer(null, liNa, 0, 3)}`);
    const q = 'from=2024-03-01T00:00:00%2B08:00&to=2024-04-01T00:00:00%2B08:00';
    const report = async (groupBy: string) => {
      const res = await t.request(mgr, 'GET', `/api/v1/callbacks/report?${q}&groupBy=${groupBy}`);
      expect(res.status).toBe(200);
      const rows = res.body.rows as { label: string; due: number; surveysAnswered: number | null; surveyScorePct: number | null }[];
      expect(res.body.total).toMatchObject({ surveysAnswered: 3, surveyScorePct: 50 });
      // no row without figures; the rows add up to the total
      expect(rows.reduce((a, r) => a + r.surveysAnswered!, 0)).toBe(3);
      return Object.fromEntries(rows.map((r) => [r.label, { due: r.due, surveys: r.surveysAnswered, score: r.surveyScorePct }]));
    };
    expect(await report('policy')).toEqual({
      [p1.name]: { due: 1, surveys: 1, score: 100 }, [p2.name]: { due: 1, surveys: 1, score: 50 },
      // a periodic survey belongs to no callback
      '—': { due: 0, surveys: 1, score: 0 },
    });
    expect(await report('type')).toEqual({ complaint: { due: 1, surveys: 1, score: 100 }, repair: { due: 1, surveys: 1, score: 50 }, '—': { due: 0, surveys: 1, score: 0 } });
    expect(await report('team')).toEqual({ 热线一组: { due: 2, surveys: 3, score: 50 } });
    expect(await report('agent')).toEqual({ 王丽: { due: 2, surveys: 1, score: 100 }, 李娜: { due: 0, surveys: 2, score: 25 } });
    expect(await report('none')).toEqual({ all: { due: 2, surveys: 3, score: 50 } });
  });
});
