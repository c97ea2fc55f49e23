// A child process of its own for the agent's console feed, as a real agent's
// browser is: the 1,000 visitors' process must not delay the moment a message
// is seen. Reports each chat message's arrival (epoch ms, high resolution) by clientId.

import WebSocket from 'ws';

const { baseUrl, token } = JSON.parse(process.argv[2]) as { baseUrl: string; token: string };
const now = () => performance.timeOrigin + performance.now();
const arrivals: [string, string, number][] = [];
let duplicates = 0;
const seen = new Set<string>();
const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`, { headers: { authorization: `Bearer ${token}` } });
ws.on('message', (raw) => {
  const at = now();
  const m = JSON.parse(String(raw)) as { type: string; conversationId?: string; message?: { clientId: string | null } };
  if (m.type !== 'chat.message' || !m.message?.clientId) return;
  if (seen.has(m.message.clientId)) { duplicates++; return; }
  seen.add(m.message.clientId);
  arrivals.push([m.conversationId!, m.message.clientId, at]);
});
ws.once('open', () => process.send!({ ready: true }));
ws.once('error', (e) => { console.error(e); process.exit(1); });
process.on('message', (m: { report?: boolean; count?: boolean }) => {
  if (m.count) process.send!({ count: arrivals.length });
  if (m.report) process.send!({ arrivals, duplicates }, () => process.exit(0));
});
