// A child process: 1,000 chat visitors (widget API + live WebSockets) and one
// agent's console feed. Each visitor writes every few seconds; the agent's feed
// must get every message, in order, quickly. Reports to the parent over IPC.

import WebSocket from 'ws';

export interface ChatLoadInput { baseUrl: string; agentToken: string; visitors: number; intervalS: number; durationS: number; graceS: number }
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

// 2. the agent's feed and the visitors' live connections
const sentAt = new Map<string, number>();
const latencies: number[] = [];
const lastSeq = new Map<string, number>();
let received = 0;
let reordered = 0;
let duplicates = 0;
const seen = new Set<string>();
const agent = new WebSocket(`${wsBase}/api/v1/realtime`, { headers: { authorization: `Bearer ${input.agentToken}` } });
agent.on('message', (raw) => {
  const m = JSON.parse(String(raw)) as { type: string; conversationId?: string; message?: { clientId: string | null } };
  if (m.type !== 'chat.message' || !m.message?.clientId) return;
  const at = sentAt.get(m.message.clientId);
  if (at === undefined) return;
  if (seen.has(m.message.clientId)) { duplicates++; return; }
  seen.add(m.message.clientId);
  received++;
  latencies.push(performance.now() - at);
  const seq = Number(m.message.clientId.split(':')[1]);
  if (seq <= (lastSeq.get(m.conversationId!) ?? -1)) reordered++;
  lastSeq.set(m.conversationId!, seq);
});
await new Promise((resolve, reject) => { agent.once('open', resolve); agent.once('error', reject); });
const t1 = performance.now();
await pool(visitors, 100, async (v) => {
  v.ws = new WebSocket(`${wsBase}/api/v1/public/chat/live`, { headers: { origin: 'https://shop.example' } });
  await new Promise((resolve, reject) => { v.ws!.once('open', resolve); v.ws!.once('error', reject); });
  const ready = new Promise((resolve) => v.ws!.on('message', (d) => { if (JSON.parse(String(d)).type === 'ready') resolve(null); }));
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
    sentAt.set(clientId, performance.now());
    sentTotal++;
    const r = await post(`/api/v1/public/chat/conversations/${v.id}/messages`, { body: `消息 ${v.sent}`, clientId }, v.token).catch(() => ({ status: 0, json: {} }));
    if (r.status !== 201) failed++;
    await new Promise((res) => setTimeout(res, input.intervalS * 1000 * (0.5 + Math.random())));
  }
}));
// what is still on its way
const graceUntil = performance.now() + input.graceS * 1000;
while (received + failed < sentTotal && performance.now() < graceUntil) await new Promise((r) => setTimeout(r, 50));

latencies.sort((a, b) => a - b);
const q = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10 : null);
for (const v of visitors) v.ws?.close();
agent.close();
await send({
  phase: 'done', sent: sentTotal, stored: sentTotal - failed, failed, received, lost: sentTotal - failed - received, reordered, duplicates,
  latency: { p50: q(0.5), p99: q(0.99), max: q(1) }, messagesPerSecond: Math.round(sentTotal / input.durationS),
});
process.exit(0);
