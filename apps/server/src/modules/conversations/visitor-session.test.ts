import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { waitFor } from '../../../test/footprint.ts';

// The visitor's side of a chat's life: a start retried after a lost answer,
// ending the chat, the rating on the satisfaction surveys' scale, and the
// live connection's heartbeat (driven with a chosen clock, no sleeping).

let t: TestApp;
let op: string;
let lead: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [op, lead] = await Promise.all([t.login('operator'), t.login('lead')]);
});
afterAll(async () => { await t.close(); });

const visitor = (token: string | null, method: string, url: string, body?: unknown) =>
  t.app.inject({ method: method as 'GET', url, payload: body as object, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), origin: 'https://shop.example' } })
    .then((r) => ({ status: r.statusCode, body: r.body ? JSON.parse(r.body) : null }));
const startBody = (clientId?: string) => ({ channel: 'website', name: '访客小吴', message: '请问今天能送到吗?', ...(clientId ? { clientId } : {}) });

describe('starting a chat again after a lost answer', () => {
  it('answers the same conversation and token for the same clientId, and stores the first message once', async () => {
    const clientId = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const first = await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody(clientId));
    const retry = await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody(clientId));
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toEqual(first.body);
    const seen = await visitor(retry.body.visitorToken, 'GET', `/api/v1/public/chat/conversations/${first.body.conversationId}`);
    expect(seen.body.messages.filter((m: { author: string }) => m.author === 'visitor')).toHaveLength(1);

    // another clientId, or none, is another conversation; a short clientId is refused (it stands for the token)
    const other = await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody('another-random-id-0123456789'));
    expect(other.body.conversationId).not.toBe(first.body.conversationId);
    const plain = await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody());
    expect(plain.status).toBe(201);
    expect((await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody('m-1'))).status).toBe(400);
  });

  it('opens one conversation when the same start arrives twice at once', async () => {
    const clientId = 'race0000race0000race0000race0000';
    const [a, b] = await Promise.all([0, 1].map(() => visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody(clientId))));
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.conversationId).toBe(b.body.conversationId);
  });
});

describe('the visitor ends the chat', () => {
  it('resolves it, tells the agent, and rates on the channel\'s survey scale', async () => {
    const c = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody())).body;
    const me = (await t.request(op, 'GET', '/api/v1/me')).body;
    await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.id });
    // the website channel rates on 3 points (不满意 / 一般 / 满意), like a 3-point survey
    const channels = (await t.request(lead, 'GET', '/api/v1/chat-channels')).body.items;
    const website = channels.find((ch: { key: string }) => ch.key === 'website');
    expect((await t.request(lead, 'PATCH', `/api/v1/chat-channels/${website.id}`, { settings: { ...website.settings, ratingScale: 3 } })).status).toBe(200);
    expect((await visitor(null, 'GET', '/api/v1/public/chat/channels/website')).body.settings.ratingScale).toBe(3);

    const end = await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/end`);
    expect(end.status).toBe(204);
    const detail = (await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body;
    expect(detail.status).toBe('resolved');
    expect(detail.visitorEndedAt).not.toBeNull();
    expect(detail.messages.at(-1)).toMatchObject({ author: 'system', body: '访客已结束会话', internal: false });
    // again: nothing more
    expect((await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/end`)).status).toBe(204);
    expect((await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body.messages).toHaveLength(detail.messages.length);
    // someone else's token ends nothing
    const other = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody())).body;
    expect((await visitor(other.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/end`)).status).toBe(404);

    const tooHigh = await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/rating`, { rating: 5 });
    expect(tooHigh.status).toBe(422);
    expect((await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/rating`, { rating: 2, comment: '还行' })).status).toBe(204);
    const rated = (await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body;
    expect(rated).toMatchObject({ rating: 2, ratingScale: 3, ratingScore: 0.5, ratingComment: '还行' });
    await t.request(lead, 'PATCH', `/api/v1/chat-channels/${website.id}`, { settings: website.settings });
  });
});

describe('the widget connection\'s heartbeat', () => {
  it('pings live connections, keeps those that answer, and drops the silent ones', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const c = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', startBody())).body;
    const open = async (answer: boolean) => {
      const feed: { type: string; pingMs?: number }[] = [];
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/public/chat/live`);
      let closed = false;
      ws.on('close', () => { closed = true; });
      ws.on('message', (d) => {
        const m = JSON.parse(String(d));
        feed.push(m);
        if (m.type === 'ping' && answer) ws.send(JSON.stringify({ type: 'pong' }));
      });
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'auth', conversationId: c.conversationId, token: c.visitorToken }));
      await waitFor('ready', async () => feed.some((m) => m.type === 'ready'));
      return { feed, isClosed: () => closed, pings: () => feed.filter((m) => m.type === 'ping').length };
    };
    const visitors = t.app.chat.visitors;
    let now = Date.now();
    visitors.clock = () => now;
    const lively = await open(true);
    const silent = await open(false);
    expect(lively.feed.find((m) => m.type === 'ready')!.pingMs).toBe(25_000);

    // 25 s on: both are pinged; the lively one answers
    now += 25_000;
    expect(visitors.beat(25_000)).toBe(0);
    await waitFor('both pinged', async () => lively.pings() === 1 && silent.pings() === 1);
    await waitFor('the pong heard', async () => visitors.heardSince(now) === 1);
    // 51 s after the last word of the silent one (two intervals and more): dropped; the lively one is pinged again
    now += 26_000;
    expect(visitors.beat(25_000)).toBe(1);
    await waitFor('the silent one dropped', async () => silent.isClosed());
    await waitFor('the lively one pinged again', async () => lively.pings() === 2);
    expect(lively.isClosed()).toBe(false);
    visitors.clock = Date.now;
  });
});
