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
  const input: ChatLoadInput = {
    baseUrl: server.baseUrl, agentToken, visitors: Number(args.visitors), intervalS: Number(args.interval), durationS: Number(args.duration), graceS: Number(args.grace),
  };
  log(`${kind}: ${input.visitors} visitors, a message every ${input.intervalS} s (± half) each, for ${input.durationS} s`);
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, process.memoryUsage().rss); }, 250);
  const worker = fork(path.join(here, 'chat-load-worker.ts'), [JSON.stringify(input)], { execArgv: ['--import', 'tsx'] });
  const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code) reject(new Error(`chat load worker exited with ${code}`)); });
    worker.on('message', async (m: Record<string, unknown>) => {
      if (m.phase === 'started') {
        log(`  ${input.visitors} conversations started in ${(m.seconds as number).toFixed(1)} s; all given to the operator`);
        await bdb.database.db.execute(sql`update conversations set assignee_id = (select id from users where username = 'operator'), assigned_at = now()`);
        worker.send({ go: true });
      } else if (m.phase === 'connected') {
        log(`  ${input.visitors} widget connections open and authenticated in ${(m.seconds as number).toFixed(1)} s`);
      } else if (m.phase === 'done') resolve(m);
    });
  });
  clearInterval(sampler);
  const r = result as { sent: number; stored: number; failed: number; received: number; lost: number; reordered: number; duplicates: number; latency: { p50: number; p99: number; max: number }; messagesPerSecond: number };
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  const verdict = r.latency.p99 < 100 && r.lost === 0 && r.reordered === 0 && r.failed === 0 ? 'PASS' : 'FAIL';
  console.log(`
Kefu chat benchmark, ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}, ${kind}
visitors (live widget connections)   ${input.visitors}
messages sent / stored / failed      ${r.sent} / ${r.stored} / ${r.failed}  (${r.messagesPerSecond}/s)
agent feed received                  ${r.received}; lost ${r.lost}, reordered ${r.reordered}, duplicates ${r.duplicates}
visitor send → agent feed p50 / p99  ${r.latency.p50} / ${r.latency.p99} ms (max ${r.latency.max} ms)  ${verdict} (p99 < 100 ms, none lost or reordered)
server RSS before / max              ${mb(rssBefore)} / ${mb(rssMax)}  (server and bench in one process; the load runs in a child)
`);
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', `chat-${new Date().toISOString().replace(/[:.]/g, '-')}-${kind}.json`), JSON.stringify({ input: { ...input, agentToken: undefined }, result: r, rssBefore, rssMax }, null, 2));
  await server.close();
} finally {
  await bdb.destroy();
}
