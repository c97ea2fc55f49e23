// The chat workload (issue: live chat, point 9): 1,000 widget connections on
// one instance, each visitor writing every few seconds; the agent's console
// must get each message within 100 ms (p99), none lost or reordered.
//   npm run bench:chat -- [--db postgres|pglite] [--visitors 1000] [--interval 3] [--duration 30]

import { fork } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { createBenchDatabase, type DbKind } from './databases.ts';
import { login, startServer } from './server.ts';
import type { ChatLoadInput } from './chat-load-worker.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' }, visitors: { type: 'string', default: '1000' },
    interval: { type: 'string', default: '3' }, duration: { type: 'string', default: '30' }, grace: { type: 'string', default: '10' },
  },
});
const kind = args.db as DbKind;
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

const bdb = await createBenchDatabase(kind);
try {
  await prepareDatabase(bdb.database, { seedDemo: true, KEFU_TIMEZONE: 'Asia/Shanghai' }, { sampleData: false });
  const server = await startServer(bdb.database, { KEFU_CHAT_START_LIMIT: '1000000', KEFU_CHAT_MESSAGE_LIMIT: '1000000' });
  const agentToken = await login(server.baseUrl, 'operator');
  const input: ChatLoadInput = { baseUrl: server.baseUrl, visitors: Number(args.visitors), intervalS: Number(args.interval), durationS: Number(args.duration) };
  const graceMs = Number(args.grace) * 1000;
  log(`${kind}: ${input.visitors} visitors, a message every ${input.intervalS} s (± half) each, for ${input.durationS} s`);
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, process.memoryUsage().rss); }, 250);
  const fork1 = (file: string, arg: unknown) => fork(path.join(here, file), [JSON.stringify(arg)], { execArgv: ['--import', 'tsx'] });
  // the agent's feed in a process of its own, as the agent's browser is
  const agent = fork1('chat-agent-worker.ts', { baseUrl: server.baseUrl, token: agentToken });
  await new Promise((resolve) => agent.once('message', resolve));
  const worker = fork1('chat-load-worker.ts', input);
  const sent = await new Promise<{ sent: number; stored: number; failed: number; messagesPerSecond: number; sentAt: [string, number][] }>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code) reject(new Error(`chat load worker exited with ${code}`)); });
    worker.on('message', async (m: Record<string, unknown>) => {
      if (m.phase === 'started') {
        log(`  ${input.visitors} conversations started in ${(m.seconds as number).toFixed(1)} s; all given to the operator`);
        await bdb.database.db.execute(sql`update conversations set assignee_id = (select id from users where username = 'operator'), assigned_at = now()`);
        worker.send({ go: true });
      } else if (m.phase === 'connected') {
        log(`  ${input.visitors} widget connections open and authenticated in ${(m.seconds as number).toFixed(1)} s; the agent's feed is open`);
      } else if (m.phase === 'done') resolve(m as never);
    });
  });
  // what is still on its way: ask the feed until everything stored has arrived, or the grace is over
  const ask = <T>(m: object) => new Promise<T>((resolve) => { agent.once('message', resolve as never); agent.send(m); });
  const graceEnd = Date.now() + graceMs;
  while ((await ask<{ count: number }>({ count: true })).count < sent.stored && Date.now() < graceEnd) await new Promise((r) => setTimeout(r, 100));
  const feed = await ask<{ arrivals: [string, string, number][]; duplicates: number }>({ report: true });
  clearInterval(sampler);
  const sentAt = new Map(sent.sentAt);
  const latencies: number[] = [];
  const lastSeq = new Map<string, number>();
  let reordered = 0;
  for (const [conversationId, clientId, at] of feed.arrivals) {
    const t0 = sentAt.get(clientId);
    if (t0 === undefined) continue;
    latencies.push(at - t0);
    const seq = Number(clientId.split(':')[1]);
    if (seq <= (lastSeq.get(conversationId) ?? -1)) reordered++;
    lastSeq.set(conversationId, seq);
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10 : NaN);
  const r = {
    sent: sent.sent, stored: sent.stored, failed: sent.failed, messagesPerSecond: sent.messagesPerSecond,
    received: latencies.length, lost: sent.stored - latencies.length, reordered, duplicates: feed.duplicates,
    latency: { p50: q(0.5), p99: q(0.99), max: q(1) },
  };
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  const verdict = r.latency.p99 < 100 && r.lost === 0 && r.reordered === 0 && r.failed === 0 ? 'PASS' : 'FAIL';
  console.log(`
Kefu chat benchmark, ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}, ${kind}
visitors (live widget connections)   ${input.visitors}
messages sent / stored / failed      ${r.sent} / ${r.stored} / ${r.failed}  (${r.messagesPerSecond}/s)
agent feed received                  ${r.received}; lost ${r.lost}, reordered ${r.reordered}, duplicates ${r.duplicates}
visitor send → agent feed p50 / p99  ${r.latency.p50} / ${r.latency.p99} ms (max ${r.latency.max} ms)  ${verdict} (p99 < 100 ms, none lost or reordered)
server RSS before / max              ${mb(rssBefore)} / ${mb(rssMax)}  (server and bench in one process; visitors and the agent's feed are two child processes)
`);
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', `chat-${new Date().toISOString().replace(/[:.]/g, '-')}-${kind}.json`), JSON.stringify({ input, result: r, rssBefore, rssMax }, null, 2));
  await server.close();
} finally {
  await bdb.destroy();
}
