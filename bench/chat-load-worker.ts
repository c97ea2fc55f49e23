// A child process: 1,000 chat visitors (widget API + live WebSockets), each
// writing every few seconds. Reports when each message was sent (epoch ms) to
// the parent, which matches them with the agent feed's arrivals.

import WebSocket from 'ws';

export interface ChatLoadInput { baseUrl: string; visitors: number; intervalS: number; durationS: number }
interface Visitor { id: string; token: string; ws?: WebSocket; sent: number }

const input = JSON.parse(process.argv[2]) as ChatLoadInput;
const wsBase = input.baseUrl.replace(/^http/, 'ws');
const send = (m: object) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
const nextMessage = () => new Promise<Record<string, unknown>>((resolve) => process.once('message', (m) => resolve(m as Record<string, unknown>)));

async function post(path: string, body: object, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${input.baseUrl}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function pool<T>(items: T[], n: number, fn: (x: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } }));
}

// 1. the conversations
const t0 = performance.now();
const visitors: Visitor[] = [];
await pool(Array.from({ length: input.visitors }, (_, i) => i), 50, async (i) => {
  const r = await post('/api/v1/public/chat/conversations', { channel: 'website', name: `压测访客${i}`, message: `第 ${i} 位访客:你好` });
  if (r.status !== 201) throw new Error(`start ${i}: ${r.status} ${JSON.stringify(r.json)}`);
  visitors.push({ id: r.json.conversationId as string, token: r.json.visitorToken as string, sent: 0 });
});
await send({ phase: 'started', seconds: (performance.now() - t0) / 1000, ids: visitors.map((v) => v.id) });
await nextMessage(); // the parent has given them all to the agent

// 2. the visitors' live connections (the agent's feed is another process: chat-agent-worker.ts)
const sentAt = new Map<string, number>();
const epoch = () => performance.timeOrigin + performance.now();
const t1 = performance.now();
await pool(visitors, 100, async (v) => {
  v.ws = new WebSocket(`${wsBase}/api/v1/public/chat/live`, { headers: { origin: 'https://shop.example' } });
  await new Promise((resolve, reject) => { v.ws!.once('open', resolve); v.ws!.once('error', reject); });
  // as the widget does: answer the heartbeat's pings (a silent connection is dropped after two)
  const ready = new Promise((resolve) => v.ws!.on('message', (d) => {
    const type = JSON.parse(String(d)).type;
    if (type === 'ready') resolve(null);
    else if (type === 'ping') v.ws!.send('{"type":"pong"}');
  }));
  v.ws.send(JSON.stringify({ type: 'auth', conversationId: v.id, token: v.token }));
  await ready;
});
await send({ phase: 'connected', seconds: (performance.now() - t1) / 1000 });

// 3. every visitor writes every interval (± half), for the duration
let failed = 0;
let sentTotal = 0;
const until = performance.now() + input.durationS * 1000;
await Promise.all(visitors.map(async (v) => {
  await new Promise((r) => setTimeout(r, Math.random() * input.intervalS * 1000));
  while (performance.now() < until) {
    const clientId = `${v.id}:${v.sent}`;
    v.sent++;
    sentAt.set(clientId, epoch());
    sentTotal++;
    const r = await post(`/api/v1/public/chat/conversations/${v.id}/messages`, { body: `消息 ${v.sent}`, clientId }, v.token).catch(() => ({ status: 0, json: {} }));
    if (r.status !== 201) failed++;
    await new Promise((res) => setTimeout(res, input.intervalS * 1000 * (0.5 + Math.random())));
  }
}));
for (const v of visitors) v.ws?.close();
await send({
  phase: 'done', sent: sentTotal, stored: sentTotal - failed, failed, messagesPerSecond: Math.round(sentTotal / input.durationS),
  sentAt: [...sentAt.entries()],
});
process.exit(0);
