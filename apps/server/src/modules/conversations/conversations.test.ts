import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { waitFor } from '../../../test/footprint.ts';

let t: TestApp;
let op: string;
let op2: string;
let lead: string;
let qc: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [op, op2, lead, qc] = await Promise.all(['operator', 'operator2', 'lead', 'qc_manager'].map((u) => t.login(u)));
});
afterAll(async () => { await t.close(); });

const visitor = (token: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: method as 'GET', url, payload: body as object, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), origin: 'https://shop.example', ...headers } })
    .then((r) => ({ status: r.statusCode, body: r.body ? JSON.parse(r.body) : null, headers: r.headers }));

async function start(message = '你好,请问鲜奶可以送到朝阳区吗?', extra: object = {}) {
  const res = await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: '访客小周', phone: '13766660001', topic: 'pre_sales', message, ...extra });
  expect(res.status).toBe(201);
  return res.body as { conversationId: string; visitorToken: string };
}

describe('the public chat API (widget)', () => {
  it('starts a conversation from another site and answers only to its own token', async () => {
    const pre = await visitor(null, 'OPTIONS', '/api/v1/public/chat/conversations', undefined, { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    const channel = await visitor(null, 'GET', '/api/v1/public/chat/channels/website');
    expect(channel.body).toMatchObject({ key: 'website', name: '官网在线客服', online: false, settings: { preChat: { askTopic: true } } });

    const a = await start();
    const b = await start('第二位访客');
    const mine = await visitor(a.visitorToken, 'GET', `/api/v1/public/chat/conversations/${a.conversationId}`);
    expect(mine.status).toBe(200);
    expect(mine.headers['access-control-allow-origin']).toBe('*');
    // nobody of the team is online: the auto-reply (CHN-17) follows the first message
    expect(mine.body.messages.map((m: { author: string }) => m.author)).toEqual(['visitor', 'system']);
    expect(mine.body.messages[1].body).toContain('自动回复');
    const other = await visitor(a.visitorToken, 'GET', `/api/v1/public/chat/conversations/${b.conversationId}`);
    expect(other.status).toBe(404);
    const noToken = await visitor(null, 'POST', `/api/v1/public/chat/conversations/${b.conversationId}/messages`, { body: 'x' });
    expect(noToken.status).toBe(404);
  });

  it('stores a message sent again with the same clientId once, and keeps the order of an offline queue', async () => {
    const c = await start();
    const url = `/api/v1/public/chat/conversations/${c.conversationId}/messages`;
    const first = await visitor(c.visitorToken, 'POST', url, { body: '地址是幸福路8号', clientId: 'm-1' });
    const again = await visitor(c.visitorToken, 'POST', url, { body: '地址是幸福路8号', clientId: 'm-1' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    for (const [i, body] of ['一', '二', '三'].entries()) await visitor(c.visitorToken, 'POST', url, { body, clientId: `q-${i}` });
    const list = await visitor(c.visitorToken, 'GET', url);
    expect(list.body.items.filter((m: { author: string }) => m.author === 'visitor').map((m: { body: string }) => m.body))
      .toEqual(['你好,请问鲜奶可以送到朝阳区吗?', '地址是幸福路8号', '一', '二', '三']);
    const after = await visitor(c.visitorToken, 'GET', `${url}?after=${first.body.id}`);
    expect(after.body.items.map((m: { body: string }) => m.body)).toEqual(['一', '二', '三']);
  });

  it('asks for what the channel requires before the first message', async () => {
    const res = await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'web-complaints', message: '投诉送货太慢' }, { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PRECHAT_REQUIRED');
    expect(res.body.error.message).toBe('请先填写姓名');
    const unknown = await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'nope', message: 'hi' });
    expect(unknown.status).toBe(404);
  });
});

describe('images and files in a conversation', () => {
  // a 1×1 PNG
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  it('keeps a photo the visitor sends, shows it to the agent, and refuses other types and other conversations', async () => {
    const c = await start('牛奶盒鼓包了,我拍了照片');
    const other = await start('别人的会话');
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${c.conversationId}/attachments?name=${encodeURIComponent('鼓包.png')}`,
      headers: { authorization: `Bearer ${c.visitorToken}`, 'content-type': 'image/png', origin: 'https://shop.example' }, payload: png });
    expect(up.statusCode).toBe(201);
    const file = JSON.parse(up.body);
    expect(file).toMatchObject({ fileName: '鼓包.png', contentType: 'image/png', size: png.length });
    const exe = await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${c.conversationId}/attachments?name=x.exe`,
      headers: { authorization: `Bearer ${c.visitorToken}`, 'content-type': 'application/octet-stream' }, payload: Buffer.from('MZ') });
    expect(exe.statusCode).toBe(415);

    // someone else's message cannot carry it
    const stolen = await visitor(other.visitorToken, 'POST', `/api/v1/public/chat/conversations/${other.conversationId}/messages`, { attachmentIds: [file.id] });
    expect(stolen.status).toBe(422);
    const sent = await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { attachmentIds: [file.id] });
    expect(sent.status).toBe(201);
    expect(sent.body.attachments).toEqual([file]);
    const empty = await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { body: '' });
    expect(empty.status).toBe(400);

    const inbox = await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`);
    expect(inbox.body.lastMessagePreview).toBe('[图片]');
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${c.conversationId}/attachments/${file.id}`, headers: { authorization: `Bearer ${op}` } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, png)).toBe(0);
    const foreign = await t.app.inject({ method: 'GET', url: `/api/v1/public/chat/conversations/${other.conversationId}/attachments/${file.id}`, headers: { authorization: `Bearer ${other.visitorToken}` } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('the unified inbox (agents)', () => {
  it('queues a new chat for the team; the one who takes it replies, others may only add notes', async () => {
    const c = await start('牛奶有异味,想投诉');
    const queue = await t.request(op, 'GET', '/api/v1/conversations?assignee=none&status=open');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(c.conversationId);
    const counts = await t.request(op, 'GET', '/api/v1/conversations/counts');
    expect(counts.body.queue).toBeGreaterThan(0);

    const notYet = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '您好' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('CHAT_NOT_ASSIGNEE');
    const me = await t.request(op, 'GET', '/api/v1/me');
    const taken = await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.body.id });
    expect(taken.status).toBe(200);
    expect(taken.body.assigneeName).toBe('王丽');
    // the widget names who serves it from the moment it is taken, before a word is written
    expect((await visitor(c.visitorToken, 'GET', `/api/v1/public/chat/conversations/${c.conversationId}`)).body.agentName).toBe('王丽');
    // "mine" as the counters count it: not resolved (several statuses, comma-separated)
    const mine = await t.request(op, 'GET', '/api/v1/conversations?assignee=me&status=open,pending');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(c.conversationId);
    const resolved = await t.request(op, 'GET', '/api/v1/conversations?assignee=me&status=resolved');
    expect(resolved.body.items.map((i: { id: string }) => i.id)).not.toContain(c.conversationId);
    expect((await t.request(op, 'GET', '/api/v1/conversations?status=open,closed')).status).toBe(400);

    const answer = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '您好,请问是哪一批次的产品?' });
    expect(answer.status).toBe(201);
    const byColleague = await t.request(op2, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '我来回复' });
    expect(byColleague.status).toBe(409);
    const note = await t.request(op2, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '这位客户上周也投诉过', internal: true });
    expect(note.status).toBe(201);
    const takeOver = await t.request(op2, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: (await t.request(op2, 'GET', '/api/v1/me')).body.id });
    expect(takeOver.status).toBe(409); // a colleague has it: taking it over needs conversation:manage
    expect(takeOver.body.error.code).toBe('CHAT_TAKEN');

    const detail = await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`);
    expect(detail.body.firstResponseAt).not.toBeNull();
    expect(detail.body.messages.map((m: { author: string; internal: boolean }) => `${m.author}${m.internal ? '*' : ''}`)).toEqual(['visitor', 'system', 'agent', 'agent*']);
    // the visitor sees the reply, never the note
    const seen = await visitor(c.visitorToken, 'GET', `/api/v1/public/chat/conversations/${c.conversationId}`);
    expect(seen.body.messages.map((m: { body: string }) => m.body)).not.toContain('这位客户上周也投诉过');
    expect(seen.body.messages.at(-1)).toMatchObject({ author: 'agent', authorName: '王丽', body: '您好,请问是哪一批次的产品?' });
    expect(seen.body.agentName).toBe('王丽');
  });

  it('puts what nobody has answered yet first for the morning check (CHN-11), with its targets and the overdue count', async () => {
    const lead = await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'web-leads', name: '钱经理', phone: '13766660009', message: '想咨询商标注册,请回电' });
    expect(lead.status).toBe(201);
    const list = await t.request(op, 'GET', '/api/v1/conversations?unanswered=true&sort=waiting&limit=100');
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(lead.body.conversationId);
    const created = list.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...created].sort()).toEqual(created); // oldest first
    expect(list.body.items.every((i: { firstResponseAt: string | null }) => i.firstResponseAt === null)).toBe(true);
    const item = list.body.items.find((i: { id: string }) => i.id === lead.body.conversationId);
    expect(Date.parse(item.firstResponseDueAt)).toBeGreaterThan(Date.parse(item.createdAt));
    expect(Date.parse(item.resolveDueAt)).toBeGreaterThan(Date.parse(item.firstResponseDueAt));

    const before = (await t.request(op, 'GET', '/api/v1/conversations/counts')).body;
    expect(before.unanswered).toBeGreaterThan(0);
    await t.database.db.execute(sql`update conversations set first_response_due_at = now() - interval '1 minute' where id = ${lead.body.conversationId}::uuid`);
    const after = (await t.request(op, 'GET', '/api/v1/conversations/counts')).body;
    expect(after.overdue).toBe(before.overdue + 1);
  });

  it('gives a queued conversation to one of two agents who take it at the same moment', async () => {
    const c = await start('谁先接?');
    const [a, b] = await Promise.all([op, op2].map(async (tok) => t.request(tok, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: (await t.request(tok, 'GET', '/api/v1/me')).body.id })));
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('CHAT_TAKEN');
  });

  it('tells two agents who open the same conversation about each other (collision notice)', async () => {
    const c = await start('同时打开');
    const first = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/viewing`);
    expect(first.body.viewers).toEqual([]);
    const second = await t.request(op2, 'POST', `/api/v1/conversations/${c.conversationId}/viewing`);
    expect(second.body.viewers).toEqual([{ id: (await t.request(op, 'GET', '/api/v1/me')).body.id, name: '王丽' }]);
    const again = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/viewing`);
    expect(again.body.viewers.map((v: { name: string }) => v.name)).toEqual(['李娜']);
  });

  it('lets a team lead transfer with a note; roles without the inbox are refused', async () => {
    const c = await start('想改送货地址');
    const liNa = (await t.request(op2, 'GET', '/api/v1/me')).body;
    const moved = await t.request(lead, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: liNa.id, note: '老客户,请优先处理' });
    expect(moved.status).toBe(200);
    expect(moved.body.assigneeId).toBe(liNa.id);
    expect(moved.body.messages.at(-1)).toMatchObject({ internal: true, body: '转接给 李娜:老客户,请优先处理' });
    expect((await t.request(qc, 'GET', '/api/v1/conversations')).status).toBe(403);
    expect((await t.request(qc, 'GET', `/api/v1/conversations/${c.conversationId}`)).status).toBe(403);
  });

  it('makes a complaint work order from the chat, linked in both directions, and takes the rating', async () => {
    const c = await start('250ml 鲜牛奶打开后有异味');
    const me = (await t.request(op, 'GET', '/api/v1/me')).body;
    await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.id });
    const ticket = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/tickets`, {
      type: 'complaint',
      fields: { target: '鲜牛奶 250ml', reason: '打开后有明显异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B20261201-2', productionDate: '2026-12-01', injury: false },
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ channel: 'chat', customer: { name: '访客小周' } });
    const detail = await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`);
    expect(detail.body.customer).toMatchObject({ id: ticket.body.customerId });
    expect(detail.body.tickets).toEqual([{ id: ticket.body.id, number: ticket.body.number }]);
    expect(detail.body.messages.at(-1)).toMatchObject({ author: 'system', ticketNumber: ticket.body.number });

    // the chat as evidence (AUD-06): a printable transcript, and a note on the work order
    const html = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${c.conversationId}/transcript`, headers: { authorization: `Bearer ${op}` } });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('250ml 鲜牛奶打开后有异味');
    expect(html.body).toContain(ticket.body.number);
    expect(html.body).not.toContain('内部备注'); // internal notes only with ?internal=true
    const kept = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/evidence`, { ticketId: ticket.body.id });
    expect(kept.status).toBe(201);
    const notes = await t.request(op, 'GET', `/api/v1/tickets/${ticket.body.id}/notes`);
    expect(notes.body.items?.[0]?.body ?? notes.body[0]?.body).toMatch(/^聊天记录 · 官网在线客服 · .*\n\[.*\] 访客 访客小周:250ml 鲜牛奶打开后有异味/s);

    const resolved = await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { status: 'resolved' });
    expect(resolved.body.status).toBe('resolved');
    const rated = await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/rating`, { rating: 5, comment: '回复很快' });
    expect(rated.status).toBe(204);
    const after = await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`);
    expect(after.body).toMatchObject({ rating: 5, ratingComment: '回复很快' });
    // writing again opens it again
    await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { body: '还有一个问题' });
    expect((await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body.status).toBe('open');
  });

  it('delivers live both ways: the agent sees the visitor typing and writing, the widget gets the reply', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const c = await start('在吗?');
    const me = (await t.request(op, 'GET', '/api/v1/me')).body;
    await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.id });

    const agentFeed: { type: string; message?: { body: string } }[] = [];
    const agent = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { authorization: `Bearer ${op}` } });
    agent.on('message', (d) => agentFeed.push(JSON.parse(String(d))));
    const widgetFeed: { type: string; message?: { body: string; author: string } }[] = [];
    const widget = new WebSocket(`ws://127.0.0.1:${port}/api/v1/public/chat/live`, { headers: { origin: 'https://shop.example' } });
    widget.on('message', (d) => widgetFeed.push(JSON.parse(String(d))));
    await Promise.all([agent, widget].map((s) => new Promise((resolve, reject) => { s.once('open', resolve); s.once('error', reject); })));
    widget.send(JSON.stringify({ type: 'auth', conversationId: c.conversationId, token: c.visitorToken }));
    await waitFor('widget ready', async () => widgetFeed.some((m) => m.type === 'ready'));
    await waitFor('agent feed open', async () => agentFeed.some((m) => m.type === 'hello'));

    widget.send(JSON.stringify({ type: 'typing' }));
    await waitFor('agent sees typing', async () => agentFeed.some((m) => m.type === 'chat.typing'));
    await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { body: '我想订一箱酸奶' });
    await waitFor('agent gets the message', async () => agentFeed.some((m) => m.type === 'chat.message' && m.message?.body === '我想订一箱酸奶'));
    await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '好的,马上为您登记' });
    await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/read`);
    await waitFor('widget gets the reply', async () => widgetFeed.some((m) => m.type === 'chat.message' && m.message?.body === '好的,马上为您登记'));
    await waitFor('widget gets the read mark', async () => widgetFeed.some((m) => m.type === 'chat.read'));
    expect(widgetFeed.find((m) => m.type === 'chat.message')!.message).not.toHaveProperty('internal');

    const stranger = new WebSocket(`ws://127.0.0.1:${port}/api/v1/public/chat/live`);
    const closed = new Promise<number>((resolve) => stranger.on('close', (code) => resolve(code)));
    await new Promise((resolve) => stranger.once('open', resolve));
    stranger.send(JSON.stringify({ type: 'auth', conversationId: c.conversationId, token: 'not-the-token' }));
    expect(await closed).toBe(4404);
    agent.close();
    widget.close();
  });
});
