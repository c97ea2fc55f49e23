import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Chat distribution (CHN-09, CHN-18): online seats of the channel's team get
// queued chats, least loaded first, up to their cap; supervisor seats get
// none; an unanswered chat is re-offered to someone else.

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  for (const u of ['operator', 'operator2', 'lead']) {
    tokens[u] = await t.login(u);
    ids[u] = (await t.request(tokens[u], 'GET', '/api/v1/me')).body.id;
  }
});
afterAll(async () => { await t.close(); });

let n = 0;
async function chat(): Promise<{ id: string; token: string }> {
  n++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/chat/conversations', payload: { channel: 'website', name: `访客${n}`, message: `第${n}位访客的问题` } });
  expect(res.statusCode).toBe(201);
  const body = JSON.parse(res.body);
  return { id: body.conversationId, token: body.visitorToken };
}
const assigneeOf = async (id: string) => (await t.request(tokens.lead, 'GET', `/api/v1/conversations/${id}`)).body.assigneeId as string | null;
const visitorView = async (c: { id: string; token: string }) =>
  JSON.parse((await t.app.inject({ method: 'GET', url: `/api/v1/public/chat/conversations/${c.id}`, headers: { authorization: `Bearer ${c.token}` } })).body);
const setStatus = (u: string, status: string) => t.request(tokens[u], 'PUT', '/api/v1/chat-agents/me', { status });

describe('chat distribution', () => {
  it('keeps chats in the queue, with the position shown to the visitor, while nobody is online', async () => {
    const a = await chat();
    const b = await chat();
    expect(await assigneeOf(a.id)).toBeNull();
    expect((await visitorView(a)).queuePosition).toBe(1);
    expect((await visitorView(b)).queuePosition).toBe(2);
    const me = await t.request(tokens.operator, 'GET', '/api/v1/chat-agents/me');
    expect(me.body).toMatchObject({ status: 'offline', maxConcurrent: 5, load: 0 });

    // going online takes the waiting ones, oldest first; a supervisor seat takes none
    await t.request(tokens.lead, 'PATCH', `/api/v1/chat-agents/${ids.lead}`, { supervisorSeat: true });
    await setStatus('lead', 'online');
    expect(await assigneeOf(a.id)).toBeNull();
    const online = await setStatus('operator', 'online');
    expect(online.body).toMatchObject({ status: 'online', load: 2 });
    expect(await assigneeOf(a.id)).toBe(ids.operator);
    expect(await assigneeOf(b.id)).toBe(ids.operator);
    const seen = await visitorView(a);
    expect(seen.queuePosition).toBeNull();
    const detail = await t.request(tokens.operator, 'GET', `/api/v1/conversations/${a.id}`);
    expect(detail.body.messages.at(-1)).toMatchObject({ author: 'system', internal: true, body: '系统分配给 王丽' });
  });

  it('gives a new chat to the least loaded online member, never beyond a cap', async () => {
    await setStatus('operator2', 'online'); // 李娜: 0 chats, 王丽: 2
    const c = await chat();
    expect(await assigneeOf(c.id)).toBe(ids.operator2);
    await t.request(tokens.lead, 'PATCH', `/api/v1/chat-agents/${ids.operator2}`, { maxConcurrent: 1 });
    await t.request(tokens.lead, 'PATCH', `/api/v1/chat-agents/${ids.operator}`, { maxConcurrent: 2 });
    const waiting = await chat();
    expect(await assigneeOf(waiting.id)).toBeNull(); // both full
    expect((await visitorView(waiting)).queuePosition).toBe(1);
    const seats = await t.request(tokens.lead, 'GET', '/api/v1/chat-agents');
    expect(seats.body.items.find((s: { userId: string }) => s.userId === ids.operator2)).toMatchObject({ load: 1, maxConcurrent: 1, status: 'online' });
    expect((await t.request(tokens.operator, 'GET', '/api/v1/chat-agents')).status).toBe(403);

    // resolving one frees a seat: the waiting chat goes there at once
    await t.request(tokens.operator2, 'PATCH', `/api/v1/conversations/${c.id}`, { status: 'resolved' });
    expect(await assigneeOf(waiting.id)).toBe(ids.operator2);
  });

  it('re-offers a chat its agent did not answer in time to someone else', async () => {
    await t.request(tokens.lead, 'PATCH', `/api/v1/chat-agents/${ids.operator}`, { maxConcurrent: 5 });
    await t.request(tokens.lead, 'PATCH', `/api/v1/chat-agents/${ids.operator2}`, { maxConcurrent: 5 });
    const answered = await chat();
    const first = await assigneeOf(answered.id);
    await t.request(tokens[first === ids.operator ? 'operator' : 'operator2'], 'POST', `/api/v1/conversations/${answered.id}/messages`, { body: '您好,请讲' });
    const ignored = await chat();
    const before = await assigneeOf(ignored.id);
    expect(before).not.toBeNull();

    await t.advance(91_000); // the website channel re-offers after 90 s
    await t.drain();
    const after = await assigneeOf(ignored.id);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(await assigneeOf(answered.id)).toBe(first); // answered in time: stays
    const detail = await t.request(tokens.lead, 'GET', `/api/v1/conversations/${ignored.id}`);
    expect(detail.body.messages.map((m: { body: string }) => m.body)).toContain('未及时回复,已重新排队分配');
  });
});
