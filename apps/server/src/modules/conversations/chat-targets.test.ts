import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { calendarSpec } from '@kefu/shared/calendar-spec';
import { queryRows } from '../../db/client.ts';
import { addBusinessMinutes } from '../../platform/time/business-time.ts';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.ts';

// First-response and resolution targets of conversations, counted on the
// business calendar from the business clock — here a clock the test holds:
// the afternoon before the National Day holiday (国庆节, 1–7 October 2026).
// A missed target tells the team lead once.

const beforeHoliday = new Date('2026-09-30T17:28:00+08:00'); // Wednesday, two working minutes left
const clock = movableClock(beforeHoliday);
let t: TestApp;
let op: string;
let lead: string;
let opId: string;
let spec: ReturnType<typeof calendarSpec.parse>;

beforeAll(async () => {
  t = await createTestApp({}, { rules: false, clock });
  [op, lead] = await Promise.all([t.login('operator'), t.login('lead')]);
  opId = (await t.request(op, 'GET', '/api/v1/me')).body.id;
  const calendars = (await t.request(lead, 'GET', '/api/v1/calendars')).body.items as { spec: unknown; isDefault: boolean }[];
  spec = calendarSpec.parse(calendars.find((c) => c.isDefault)!.spec);
});
afterAll(async () => { await t.close(); });

async function start(channel: string, message: string) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/public/chat/conversations', headers: { origin: 'https://shop.example' },
    payload: { channel, name: '钱经理', phone: '13766660009', message },
  });
  expect(res.statusCode).toBe(201);
  const { conversationId } = JSON.parse(res.body) as { conversationId: string };
  return (await t.request(op, 'GET', `/api/v1/conversations/${conversationId}`)).body;
}

/** as if `ms` had passed: the business clock and the timers waiting on it */
async function pass(ms: number) {
  clock.advance(ms);
  await t.advance(ms);
  await t.drain();
}

const breachNotices = async (conversationId: string) => queryRows<{ user_id: string; title: string; data: { link?: string } }>(t.database.db, sql`
  select user_id, title, data from notifications where kind = 'chat.sla_breached' and data->>'link' like ${`%${conversationId}`}`);

describe('conversation targets on the business calendar', () => {
  it('counts working time across the holiday, on the channel\'s own minutes', async () => {
    const chat = await start('website', '你好,想咨询商标注册');
    expect(chat.createdAt).toBe(beforeHoliday.toISOString());
    // 2 minutes on Wednesday, then the holiday, then 3 minutes on Thursday 8 October
    expect(chat.firstResponseDueAt).toBe(new Date('2026-10-08T08:33:00+08:00').toISOString());
    expect(chat.resolveDueAt).toBe(addBusinessMinutes(spec, beforeHoliday, 24 * 60).toISOString());
    // the lead form is answered within two business hours (CHN-11)
    const lead = await start('web-leads', '请回电,咨询代理注册');
    expect(lead.firstResponseDueAt).toBe(new Date('2026-10-08T10:28:00+08:00').toISOString());
  });

  it('tells the team lead once when the first response is late, and not before', async () => {
    clock.set(beforeHoliday);
    const chat = await start('website', '在吗?');
    const due = Date.parse(chat.firstResponseDueAt);
    const inbox = (await t.request(op, 'GET', '/api/v1/conversations/counts')).body;

    await pass(due - clock.now().getTime() - 60_000); // a minute before
    expect(await breachNotices(chat.id)).toEqual([]);
    // the queue ran its timer early (a clock set back, a slow process): the handler waits again
    await t.advance(60_000);
    await t.drain();
    expect(await breachNotices(chat.id)).toEqual([]);

    await pass(60_000);
    const told = await breachNotices(chat.id);
    expect(told).toHaveLength(1);
    const zhangMin = (await t.request(lead, 'GET', '/api/v1/me')).body.id;
    expect(told[0].user_id).toBe(zhangMin);
    expect(told[0].title).toBe('会话超时未首次响应：钱经理（官网在线客服）');
    const mine = (await t.request(lead, 'GET', '/api/v1/notifications')).body.items.find((n: { kind: string; link: string }) => n.kind === 'chat.sla_breached' && n.link.endsWith(chat.id));
    expect(mine).toMatchObject({ ticketId: null, link: `/inbox?queue=all&c=${chat.id}` });
    // counted overdue in the inbox and as a breach of today on the wallboard
    expect((await t.request(op, 'GET', '/api/v1/conversations/counts')).body.overdue).toBeGreaterThan(inbox.overdue);
    expect((await t.request(lead, 'GET', '/api/v1/chat-monitor/summary')).body.firstResponseBreachesToday).toBeGreaterThanOrEqual(1);

    // the same timer again (a retry, a second process): nobody is told twice
    await t.database.db.execute(sql`insert into jobs (kind, payload, run_at) values ('conversations.target-breach', ${JSON.stringify({ conversationId: chat.id, kind: 'first_response' })}::jsonb, now())`);
    await t.drain();
    expect(await breachNotices(chat.id)).toHaveLength(1);
  });

  it('tells nobody when the first answer comes in time; a late resolution is reported', async () => {
    clock.set(new Date('2026-10-08T09:00:00+08:00'));
    const chat = await start('website', '订单查询');
    expect(chat.firstResponseDueAt).toBe(new Date('2026-10-08T09:05:00+08:00').toISOString());
    await t.request(op, 'PATCH', `/api/v1/conversations/${chat.id}`, { assigneeId: opId });
    await pass(3 * 60_000);
    expect((await t.request(op, 'POST', `/api/v1/conversations/${chat.id}/messages`, { body: '您好,请提供订单号' })).status).toBe(201);
    const answered = (await t.request(op, 'GET', `/api/v1/conversations/${chat.id}`)).body;
    expect(answered.firstResponseAt).toBe(new Date('2026-10-08T09:03:00+08:00').toISOString());
    const summaryBefore = (await t.request(lead, 'GET', '/api/v1/chat-monitor/summary')).body.firstResponseBreachesToday;
    await pass(5 * 60_000);
    expect(await breachNotices(chat.id)).toEqual([]);
    expect((await t.request(lead, 'GET', '/api/v1/chat-monitor/summary')).body.firstResponseBreachesToday).toBe(summaryBefore);

    // 24 business hours later it is still open: the resolution target is missed
    const resolveDue = Date.parse(answered.resolveDueAt);
    await pass(resolveDue - clock.now().getTime());
    const told = await breachNotices(chat.id);
    expect(told.map((n) => n.title)).toEqual(['会话超时未解决：钱经理（官网在线客服）']);
  });

  it('tells whoever manages the team\'s conversations when the team has no lead', async () => {
    const admin = await t.login('admin');
    const hotline = (await t.request(admin, 'GET', '/api/v1/teams')).body.items.find((x: { name: string }) => x.name === '热线一组');
    const zhangMin = hotline.leadId;
    expect((await t.request(admin, 'PATCH', `/api/v1/teams/${hotline.id}`, { leadId: null })).status).toBe(200);
    clock.set(new Date('2026-10-09T11:00:00+08:00'));
    const chat = await start('website', '有人吗');
    await pass(Date.parse(chat.firstResponseDueAt) - clock.now().getTime());
    // those who manage conversations of that team (张敏, still a member) or of everyone (陈刚, the administrator)
    const ids = await Promise.all(['lead', 'cs_manager', 'admin'].map(async (u) => (await t.request(await t.login(u), 'GET', '/api/v1/me')).body.id as string));
    expect((await breachNotices(chat.id)).map((n) => n.user_id).sort()).toEqual(ids.sort());
    await t.request(admin, 'PATCH', `/api/v1/teams/${hotline.id}`, { leadId: zhangMin });
  });

  it('reports nothing for a conversation resolved before its target', async () => {
    clock.set(new Date('2026-10-09T10:00:00+08:00'));
    const chat = await start('web-leads', '请回电');
    await t.request(op, 'PATCH', `/api/v1/conversations/${chat.id}`, { assigneeId: opId });
    await t.request(op, 'PATCH', `/api/v1/conversations/${chat.id}`, { status: 'resolved' });
    await pass(Date.parse(chat.resolveDueAt) - clock.now().getTime());
    expect(await breachNotices(chat.id)).toEqual([]);
  });
});
