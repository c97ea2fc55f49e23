import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { waitFor } from '../../../test/footprint.ts';

// Two agents on one chat see each other; a supervisor watches a chat live,
// whispers to the agent (an internal note the visitor never gets, neither
// over the public API nor over the widget's socket) and takes it over; the
// live-chat view shows who serves whom, the queues and the seats.

let t: TestApp;
let op: string;
let op2: string;
let lead: string;
let qc: string;
let port: number;
const ids: Record<string, string> = {};

type Push = { type: string; conversationId?: string; viewer?: { id: string; name: string }; left?: boolean; message?: { body: string; internal?: boolean; author: string } };

beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [op, op2, lead, qc] = await Promise.all(['operator', 'operator2', 'lead', 'qc_manager'].map((u) => t.login(u)));
  for (const [name, token] of Object.entries({ op, op2, lead })) ids[name] = (await t.request(token, 'GET', '/api/v1/me')).body.id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => { await t.close(); });

const visitor = (token: string | null, method: string, url: string, body?: unknown) =>
  t.app.inject({ method: method as 'GET', url, payload: body as object, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), origin: 'https://shop.example' } })
    .then((r) => ({ status: r.statusCode, body: r.body ? JSON.parse(r.body) : null }));

async function start(message: string) {
  const res = await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: '访客小周', phone: '13766660001', message });
  expect(res.status).toBe(201);
  return res.body as { conversationId: string; visitorToken: string };
}

/** an agent's console socket, collecting what it is sent */
async function agentFeed(token: string) {
  const feed: Push[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { authorization: `Bearer ${token}` } });
  ws.on('message', (d) => feed.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  await waitFor('agent feed open', async () => feed.some((m) => m.type === 'hello'));
  return { feed, close: () => ws.close() };
}

/** the widget's live connection */
async function widgetFeed(c: { conversationId: string; visitorToken: string }) {
  const feed: Push[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/public/chat/live`, { headers: { origin: 'https://shop.example' } });
  ws.on('message', (d) => feed.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  ws.send(JSON.stringify({ type: 'auth', conversationId: c.conversationId, token: c.visitorToken }));
  await waitFor('widget ready', async () => feed.some((m) => m.type === 'ready'));
  return { feed, close: () => ws.close() };
}

describe('two agents on one conversation (collision notice)', () => {
  it('tells each about the other live, and at once when one closes it', async () => {
    const c = await start('在吗?想问下配送');
    const wangLi = await agentFeed(op);
    const url = `/api/v1/conversations/${c.conversationId}/viewing`;
    expect((await t.request(op, 'POST', url)).body.viewers).toEqual([]);
    // 李娜 opens it too: she is told 王丽 is there, and 王丽 is told of her over the socket
    expect((await t.request(op2, 'POST', url)).body.viewers).toEqual([{ id: ids.op, name: '王丽' }]);
    await waitFor('王丽 sees 李娜', async () => wangLi.feed.some((m) => m.type === 'chat.viewers' && m.conversationId === c.conversationId && m.viewer?.name === '李娜' && !m.left));
    // she closes it: 王丽 hears so now, not 30 s later
    expect((await t.request(op2, 'DELETE', url)).status).toBe(204);
    await waitFor('李娜 left', async () => wangLi.feed.some((m) => m.type === 'chat.viewers' && m.viewer?.name === '李娜' && m.left === true));
    expect((await t.request(op, 'POST', url)).body.viewers).toEqual([]);
    // a role without the inbox may not say it looks
    expect((await t.request(qc, 'POST', url)).status).toBe(403);
    wangLi.close();
  });

  it('lets only the assignee reply; a colleague may add notes but not take it over; a supervisor takes it over', async () => {
    const c = await start('订单什么时候发货?');
    const conv = `/api/v1/conversations/${c.conversationId}`;
    expect((await t.request(op, 'PATCH', conv, { assigneeId: ids.op })).status).toBe(200);
    const wangLi = await agentFeed(op);

    const colleague = await t.request(op2, 'POST', `${conv}/messages`, { body: '我来回答' });
    expect(colleague.status).toBe(409);
    expect(colleague.body.error.code).toBe('CHAT_NOT_ASSIGNEE');
    expect(colleague.body.error.message).toContain('王丽');
    expect((await t.request(op2, 'POST', `${conv}/messages`, { body: '客户是老客户', internal: true })).status).toBe(201);
    const grab = await t.request(op2, 'PATCH', conv, { assigneeId: ids.op2 });
    expect([grab.status, grab.body.error.code]).toEqual([409, 'CHAT_TAKEN']);

    const takeOver = await t.request(lead, 'PATCH', conv, { assigneeId: ids.lead });
    expect(takeOver.status).toBe(200);
    expect(takeOver.body.assigneeName).toBe('张敏');
    expect(takeOver.body.messages.at(-1)).toMatchObject({ internal: true, body: '张敏 接管了会话(原由 王丽 接待)' });
    await waitFor('王丽 is told it changed', async () => wangLi.feed.some((m) => m.type === 'chat.updated' && m.conversationId === c.conversationId));
    // now 王丽 is the one who may only add notes
    expect((await t.request(op, 'POST', `${conv}/messages`, { body: '您好' })).body.error.code).toBe('CHAT_NOT_ASSIGNEE');
    expect((await t.request(lead, 'POST', `${conv}/messages`, { body: '您好,我是客服主管张敏,今天下午发货' })).status).toBe(201);
    const seen = await visitor(c.visitorToken, 'GET', `/api/v1/public/chat/conversations/${c.conversationId}`);
    expect(seen.body.agentName).toBe('张敏');
    expect(seen.body.messages.at(-1)).toMatchObject({ author: 'agent', authorName: '张敏' });
    expect(seen.body.messages.map((m: { body: string }) => m.body).join('|')).not.toMatch(/接管|老客户/);
    wangLi.close();
  });

  it('tells the agent a conversation was transferred to them (the desktop notice and sound)', async () => {
    const c = await start('想改地址');
    const liNa = await agentFeed(op2);
    expect((await t.request(lead, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: ids.op2, note: '请跟进' })).status).toBe(200);
    await waitFor('李娜 is offered it', async () => liNa.feed.some((m) => m.type === 'chat.assigned' && m.conversationId === c.conversationId));
    liNa.close();
  });
});

describe('the supervisor watches, whispers and sees the floor', () => {
  it('gets the messages of a chat it watches live; the whisper reaches the agent and never the visitor', async () => {
    const c = await start('你好,酸奶有异味');
    const conv = `/api/v1/conversations/${c.conversationId}`;
    await t.request(op, 'PATCH', conv, { assigneeId: ids.op });
    const [wangLi, zhangMin, widget] = await Promise.all([agentFeed(op), agentFeed(lead), widgetFeed(c)]);

    // watching: the supervisor has it open, so its messages come to her as they come to the agent
    expect((await t.request(lead, 'POST', `${conv}/viewing`)).status).toBe(200);
    await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { body: '是昨天买的' });
    await waitFor('the supervisor sees the visitor write', async () => zhangMin.feed.some((m) => m.type === 'chat.message' && m.message?.body === '是昨天买的'));
    await t.request(op, 'POST', `${conv}/messages`, { body: '请问批次号是多少?' });
    await waitFor('the supervisor sees the agent reply', async () => zhangMin.feed.some((m) => m.type === 'chat.message' && m.message?.body === '请问批次号是多少?'));

    const whisper = await t.request(lead, 'POST', `${conv}/messages`, { body: '先道歉,再登记投诉工单', internal: true });
    expect(whisper.status).toBe(201);
    await waitFor('the agent gets the whisper', async () => wangLi.feed.some((m) => m.type === 'chat.message' && m.message?.body === '先道歉,再登记投诉工单' && m.message.internal === true));
    // the agent's next reply reaches the widget; the whisper before it never did
    await t.request(op, 'POST', `${conv}/messages`, { body: '非常抱歉给您带来不便' });
    await waitFor('the widget gets the reply', async () => widget.feed.some((m) => m.type === 'chat.message' && m.message?.body === '非常抱歉给您带来不便'));
    const overSocket = widget.feed.filter((m) => m.type === 'chat.message').map((m) => m.message!.body);
    expect(overSocket).toEqual(['请问批次号是多少?', '非常抱歉给您带来不便']);
    expect(JSON.stringify(widget.feed)).not.toContain('登记投诉工单');
    const view = await visitor(c.visitorToken, 'GET', `/api/v1/public/chat/conversations/${c.conversationId}`);
    const list = await visitor(c.visitorToken, 'GET', `/api/v1/public/chat/conversations/${c.conversationId}/messages`);
    for (const body of [view.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain('登记投诉工单');
      expect(JSON.stringify(body)).not.toContain('"internal"');
    }
    // the transcript for the customer leaves it out as well; the supervisor's copy keeps it
    const printable = await t.app.inject({ method: 'GET', url: `${conv}/transcript`, headers: { authorization: `Bearer ${lead}` } });
    expect(printable.body).not.toContain('登记投诉工单');
    // closing it: no more of its messages to the supervisor
    await t.request(lead, 'DELETE', `${conv}/viewing`);
    await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { body: '批次 B1201' });
    await waitFor('the agent gets it', async () => wangLi.feed.some((m) => m.message?.body === '批次 B1201'));
    expect(zhangMin.feed.some((m) => m.message?.body === '批次 B1201')).toBe(false);
    for (const f of [wangLi, zhangMin, widget]) f.close();
  });

  it('lists live chats with their wait, the queues with places, the seats with load; only for conversation:manage', async () => {
    const served = await start('在线等,很急');
    await t.request(op, 'PATCH', `/api/v1/conversations/${served.conversationId}`, { assigneeId: ids.op });
    const first = await start('排队一号');
    const second = await start('排队二号');
    await t.request(op, 'PUT', '/api/v1/chat-agents/me', { status: 'busy' });

    const res = await t.request(lead, 'GET', '/api/v1/chat-monitor');
    expect(res.status).toBe(200);
    const chat = res.body.chats.find((x: { id: string }) => x.id === served.conversationId);
    expect(chat).toMatchObject({ assigneeName: '王丽', channelName: '官网在线客服', visitorName: '访客小周', firstResponseAt: null });
    // the visitor wrote last: they wait since that message
    expect(Date.parse(chat.waitingSince)).toBeGreaterThan(0);
    const queue = res.body.queues.find((q: { teamName: string }) => q.teamName === '热线一组');
    const places = Object.fromEntries(queue.items.map((i: { id: string; position: number }) => [i.id, i.position]));
    expect(places[second.conversationId]).toBe(places[first.conversationId] + 1);
    expect(queue.items.map((i: { position: number }) => i.position)).toEqual(queue.items.map((_: unknown, i: number) => i + 1));
    const wangLi = res.body.agents.find((a: { displayName: string }) => a.displayName === '王丽');
    expect(wangLi).toMatchObject({ status: 'busy', maxConcurrent: 5 });
    expect(wangLi.load).toBeGreaterThan(0);
    expect(res.body.summary.waiting).toBe(queue.items.length);
    expect(Date.parse(res.body.summary.oldestWaitingSince)).toBe(Date.parse(queue.items[0].createdAt));

    // answered: nobody waits on that chat any more
    await t.request(op, 'POST', `/api/v1/conversations/${served.conversationId}/messages`, { body: '您好,请讲' });
    const after = (await t.request(lead, 'GET', '/api/v1/chat-monitor')).body.chats.find((x: { id: string }) => x.id === served.conversationId);
    expect(after.waitingSince).toBeNull();
    expect(after.firstResponseAt).not.toBeNull();

    expect((await t.request(op, 'GET', '/api/v1/chat-monitor')).status).toBe(403);
    expect((await t.request(op, 'GET', '/api/v1/chat-monitor/summary')).status).toBe(403);
    expect((await t.request(lead, 'GET', '/api/v1/chat-monitor/summary')).body).toMatchObject({ waiting: queue.items.length });
  });

  it('tells supervisors when an agent changes status', async () => {
    const zhangMin = await agentFeed(lead);
    await t.request(op2, 'PUT', '/api/v1/chat-agents/me', { status: 'away' });
    await waitFor('the live view hears of it', async () => zhangMin.feed.some((m) => m.type === 'chat.seats'));
    zhangMin.close();
  });
});
