import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Policies, scripts and quiet hours as data; the rectification branch of the
// loop; periodic questionnaires with sending, reminders and the response rate.

let t: TestApp;
let op: string;
let mgr: string;
const sms: { to: string; text: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  [op, mgr] = await Promise.all([t.login('operator'), t.login('cs_manager')]);
  const channel = t.app.services.channels.sms;
  const send = channel.send.bind(channel);
  channel.send = async (m) => { sms.push({ to: m.to, text: m.text }); return send(m); };
  await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null, windows: [] });
});
afterAll(async () => { await t.close(); });

const branches = {
  satisfied: { closing: '感谢您的支持', followUp: 'close' },
  neutral: { closing: '感谢您的意见', followUp: 'close' },
  unsatisfied: { prompt: '哪方面不满意?', closing: '我们会安排整改', followUp: 'rectify' },
};

describe('callback settings', () => {
  it('validates policies, scripts and quiet hours, and only managers change them', async () => {
    const script = await t.request(mgr, 'POST', '/api/v1/callback-scripts', { name: '维修回访话术', opening: '您好{customerName},我是{company}客服', branches });
    expect(script.status).toBe(201);
    expect((await t.request(op, 'POST', '/api/v1/callback-scripts', { name: 'x', opening: 'x', branches })).status).toBe(403);
    const twoSpans = await t.request(mgr, 'POST', '/api/v1/callback-policies', { name: '坏', callbackType: 'repair',
      steps: [{ label: 'x', dueWithin: { days: 1, hours: 2 } }], channels: ['phone'] });
    expect(twoSpans.status).toBe(400);
    const noCalendar = await t.request(mgr, 'POST', '/api/v1/callback-policies', { name: '坏', callbackType: 'repair',
      steps: [{ label: 'x', dueWithin: { days: 1 } }], calendarId: '00000000-0000-4000-8000-000000000000' });
    expect(noCalendar.status).toBe(422);
    expect(noCalendar.body.error.code).toBe('REFERENCE_NOT_FOUND');
    const wholeDay = await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: 'A', windows: [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }] });
    expect(wholeDay.status).toBe(422);
    const a = await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: 'A', windows: [{ start: '22:00', end: '08:00' }] });
    expect(a.status).toBe(200);
    const list = (await t.request(op, 'GET', '/api/v1/quiet-hours')).body.items;
    expect(list).toContainEqual({ customerClass: 'A', windows: [{ start: '22:00', end: '08:00' }] });
    expect((await t.request(mgr, 'DELETE', '/api/v1/quiet-hours/A')).status).toBe(204);
    expect((await t.request(op, 'GET', '/api/v1/quiet-hours')).body.items.some((r: { customerClass: string }) => r.customerClass === 'A')).toBe(false);
    expect((await t.request(mgr, 'DELETE', '/api/v1/quiet-hours/A')).status).toBe(404);
    await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: 'A', windows: [{ start: '22:00', end: '08:00' }] });
    const policies = (await t.request(op, 'GET', '/api/v1/callback-policies')).body.items;
    expect(policies.map((p: { name: string }) => p.name)).toContain('渗漏水维修回访(试漏后3天内)');
    const used = policies[0].scriptId;
    const inUse = await t.request(mgr, 'DELETE', `/api/v1/callback-scripts/${used}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toBe('回访话术仍在使用中,不能删除');
  });
});

describe('the rectification branch', () => {
  it('gives the responsible person a rectification task, and calls the customer again once it is resolved', async () => {
    const script = (await t.request(mgr, 'POST', '/api/v1/callback-scripts', { name: '整改话术', opening: '您好', branches })).body;
    const policies = (await t.request(mgr, 'GET', '/api/v1/callback-policies')).body.items;
    const other = policies.find((p: { name: string }) => p.name === '其他维修回访(2天内)');
    // this test's own policy stands in for the default one
    expect((await t.request(mgr, 'PATCH', `/api/v1/callback-policies/${other.id}`, { enabled: false })).body.enabled).toBe(false);
    const policy = await t.request(mgr, 'POST', '/api/v1/callback-policies', {
      name: '水电维修回访', callbackType: 'repair', conditions: [{ field: 'type', op: 'eq', value: 'repair' }, { field: 'fields.repairCategory', op: 'eq', value: 'water' }],
      steps: [{ label: '维修回访', dueWithin: { businessDays: 2 } }], scriptId: script.id, assignee: { mode: 'creator' },
    });
    expect(policy.status).toBe(201);

    const repair = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { name: '报修业主', phone: '13866661111' },
      fields: { content: '厨房水管漏水', repairCategory: 'water', preferredTime: '周末上午' } });
    await t.request(op, 'PATCH', `/api/v1/tickets/${repair.body.id}`, { status: 'resolved', resolution: '已更换水管' });
    await t.drain();
    const [task] = (await t.request(op, 'GET', `/api/v1/callbacks?ticketId=${repair.body.id}`)).body.items;
    expect(task).toMatchObject({ policy: '水电维修回访', round: 1 });
    const res = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`, { result: 'reached', satisfaction: 'unsatisfied', reason: '仍然渗水', durationSeconds: 50 });
    expect(res.body.followUp).toBe('rectify');
    expect((await t.request(mgr, 'GET', `/api/v1/tickets/${repair.body.id}`)).body.status).toBe('resolved');
    const tasks = (await t.request(mgr, 'GET', `/api/v1/tickets?view=all&type=task&limit=50`)).body.items.filter((x: { parentId: string }) => x.parentId === repair.body.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigneeName: '王丽' });
    expect(tasks[0].subject).toContain('回访不满意整改');

    await t.request(op, 'PATCH', `/api/v1/tickets/${tasks[0].id}`, { status: 'resolved', resolution: '已重新密封接口' });
    await t.drain();
    const rounds = (await t.request(op, 'GET', `/api/v1/callbacks?ticketId=${repair.body.id}`)).body.items
      .map((x: { round: number; status: string }) => [x.round, x.status]).sort();
    expect(rounds).toEqual([[1, 'done'], [2, 'open']]);
    const tl = (await t.request(mgr, 'GET', `/api/v1/tickets/${repair.body.id}/timeline`)).body.items.map((e: { action: string }) => e.action);
    expect(tl).toContain('rectification_created');
    expect(tl.filter((a: string) => a === 'callback_scheduled')).toHaveLength(2);
  });
});

describe('periodic questionnaires', () => {
  it('builds a questionnaire, sends it to the selected customers, reminds those who did not answer, and counts the response rate', async () => {
    for (const [name, phone] of [['业主甲', '13866662221'], ['业主乙', '13866662222'], ['业主丙', '13866662223']]) {
      await t.request(op, 'POST', '/api/v1/customers', { name, phone, customerClass: 'B' });
    }
    const survey = await t.request(mgr, 'POST', '/api/v1/surveys', {
      name: '半年度顾客意见调查', kind: 'periodic', scale: 3, validDays: 14,
      questions: [
        { key: 'q1', text: { zh: '您对物业服务的总体印象', en: 'Overall impression' }, kind: 'choice', options: [{ zh: '好', en: 'Good' }, { zh: '差', en: 'Poor' }] },
        { key: 'q2', text: { zh: '保洁是否满意', en: 'Cleaning' }, kind: 'rating' },
        { key: 'q3', text: { zh: '其他建议', en: 'Suggestions' }, kind: 'text', required: false },
      ],
    });
    expect(survey.status).toBe(201);
    const filter = { customerClasses: ['B'] };
    expect((await t.request(mgr, 'POST', `/api/v1/surveys/${survey.body.id}/preview-recipients`, { filter })).body.count).toBe(3);
    const before = sms.length;
    const sent = await t.request(mgr, 'POST', `/api/v1/surveys/${survey.body.id}/send`, { filter, channel: 'sms' });
    expect(sent.body).toEqual({ invited: 3, withoutAddress: 0 });
    await t.drain();
    const links = sms.slice(before).map((m) => /\/s\/(\S+)/.exec(m.text)![1].replace(/[^A-Za-z0-9_.-].*$/, ''));
    expect(links).toHaveLength(3);
    const page = await t.request(null, 'GET', `/api/v1/public/surveys/${links[0]}`);
    expect(page.body).toMatchObject({ name: '半年度顾客意见调查', scale: 3 });
    expect((await t.request(null, 'POST', `/api/v1/public/surveys/${links[0]}`, { rating: 3, answers: { q1: 5, q2: 2 } })).status).toBe(422);
    expect((await t.request(null, 'POST', `/api/v1/public/surveys/${links[0]}`, { rating: 3, answers: { q1: 0 } })).status).toBe(422);
    expect((await t.request(null, 'POST', `/api/v1/public/surveys/${links[0]}`, { rating: 3, answers: { q1: 0, q2: 2 }, comment: '总体不错' })).status).toBe(201);

    const reminded = await t.request(mgr, 'POST', `/api/v1/surveys/${survey.body.id}/remind`);
    expect(reminded.body.reminded).toBe(2);
    await t.drain();
    expect(sms.slice(before + 3).filter((m) => m.text.startsWith('【提醒】'))).toHaveLength(2);
    expect((await t.request(mgr, 'POST', `/api/v1/surveys/${survey.body.id}/remind`)).body.reminded).toBe(0);

    const listed = (await t.request(mgr, 'GET', '/api/v1/surveys')).body.items.find((s: { id: string }) => s.id === survey.body.id);
    expect(listed).toMatchObject({ sent: 3, answered: 1, responseRatePct: 33.3, scorePct: 100 });
    const responses = (await t.request(mgr, 'GET', `/api/v1/survey-responses?surveyId=${survey.body.id}&answered=true`)).body.items;
    expect(responses).toMatchObject([{ rating: 3, scale: 3, answers: { q1: 0, q2: 2 }, comment: '总体不错' }]);
    expect((await t.request(op, 'GET', '/api/v1/surveys')).status).toBe(403);
  });

  it('schedules a reminder by itself, and sends nothing inside the customer\'s rest time', async () => {
    const shanghai = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
    const now = new Date();
    const end = new Date(now.getTime() + 2 * 3_600_000);
    await t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: 'Q', windows: [{ start: shanghai(new Date(now.getTime() - 3_600_000)), end: shanghai(end) }] });
    await t.request(op, 'POST', '/api/v1/customers', { name: '休息中的业主', phone: '13866664441', customerClass: 'Q' });
    const survey = (await t.request(mgr, 'POST', '/api/v1/surveys', { name: '夜间测试调查', scale: 5, validDays: 10 })).body;
    const before = sms.length;
    expect((await t.request(mgr, 'POST', `/api/v1/surveys/${survey.id}/send`, { filter: { customerClasses: ['Q'] } })).status).toBe(201);
    await t.drain();
    expect(sms.length).toBe(before); // held back until the rest time ends
    const jobs = await queryRows<{ reminder: boolean; run_at: Date }>(t.database.db, sql`
      select coalesce((payload->>'reminder')::boolean, false) as reminder, run_at from jobs j
      where kind = 'surveys.send' and status = 'pending' and payload->>'invitationId' in (select id::text from survey_invitations where survey_id = ${survey.id})
      order by run_at`);
    expect(jobs.map((j) => j.reminder)).toEqual([false, true]);
    expect(shanghai(new Date(jobs[0].run_at))).toBe(shanghai(end));
    expect(new Date(jobs[1].run_at).getTime() - now.getTime()).toBeGreaterThan(4.9 * 86_400_000);
    await t.request(mgr, 'DELETE', '/api/v1/quiet-hours/Q');
  });

  it('sends by e-mail to customers who have an address, and counts those who have none', async () => {
    const mails: { to: string; text: string }[] = [];
    const channel = t.app.services.channels.email;
    const send = channel.send.bind(channel);
    channel.send = async (m) => { mails.push({ to: m.to, text: m.text }); return send(m); };
    const withMail = await t.request(op, 'POST', '/api/v1/customers', { name: '邮件业主', phone: '13866663331', email: 'owner@example.com', customerClass: 'E' });
    expect(withMail.body.email).toBe('owner@example.com');
    await t.request(op, 'POST', '/api/v1/customers', { name: '无邮箱业主', phone: '13866663332', customerClass: 'E' });
    const masked = await t.request(await t.login('qc_manager'), 'GET', `/api/v1/customers/${withMail.body.id}`);
    expect(masked.body.email).toBe('o***@example.com');
    expect((await t.request(op, 'POST', '/api/v1/customers', { name: '坏邮箱', phone: '13866663333', email: 'not-an-address' })).status).toBe(400);

    const survey = (await t.request(mgr, 'POST', '/api/v1/surveys', { name: '业户意见调查', scale: 2 })).body;
    const sent = await t.request(mgr, 'POST', `/api/v1/surveys/${survey.id}/send`, { filter: { customerClasses: ['E'] }, channel: 'email' });
    expect(sent.body).toEqual({ invited: 2, withoutAddress: 1 });
    await t.drain();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe('owner@example.com');
    expect(mails[0].text).toMatch(/\/s\/[0-9a-f-]{36}\./);
    const failed = (await t.request(mgr, 'GET', `/api/v1/survey-responses?surveyId=${survey.id}`)).body.items.find((x: { sendError: string | null }) => x.sendError);
    expect(failed.sendError).toBe('no email address');
  });
});
