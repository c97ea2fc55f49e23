import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { nextPhone, resolvedComplaint as complaintResolved } from '../../../test/complaints.ts';

// The closed loop after a complaint (CBK-06, CMP-19, CMP-21, SAT-06): the
// callback policy schedules a callback when the work order is resolved, the
// survey link goes out, quiet hours hold the agent back, an unsatisfied
// customer reopens the work, and only a satisfied one (or a manager with a
// reason) closes it. Campaigns and the overdue escalation too; the report is
// in callback-report.test.ts.

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

const resolvedComplaint = (name?: string) => complaintResolved(t, op, qc, name);
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
      type: 'complaint', channel: 'phone', customer: { name: '国庆客户', phone: nextPhone() },
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
