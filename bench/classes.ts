// The customer-class workload (issue: customer archive, point 6): at 300,000
// customers with a year of figures, the quarterly recompute (preview, then
// the background apply chunk by chunk) must finish under 60 s, and the
// archive filtered by class must answer with p99 < 50 ms.
//   npm run bench:classes -- [--db postgres|pglite] [--customers 300000] [--samples 200]

import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { pgArray } from '../apps/server/src/db/client.ts';
import { currentClassRules } from '../apps/server/src/modules/customers/class-rules.ts';
import { applyRecomputeChunk, lastCompleteQuarter, localToday, previewRecompute } from '../apps/server/src/modules/customers/class-recompute.ts';
import { createBenchDatabase, type DbKind } from './databases.ts';
import { percentile } from './measure.ts';
import { login, startServer } from './server.ts';

const { values: args } = parseArgs({
  options: { db: { type: 'string', default: 'postgres' }, customers: { type: 'string', default: '300000' }, samples: { type: 'string', default: '200' } },
});
const kind = args.db as DbKind;
const N = Number(args.customers);
const SAMPLES = Number(args.samples);
const TZ = 'Asia/Shanghai';
const CHUNK = 5000;
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const bdb = await createBenchDatabase(kind);
let failed = false;
try {
  await prepareDatabase(bdb.database, { seedDemo: true, KEFU_TIMEZONE: TZ }, { sampleData: false });
  const db = bdb.database.db;
  const today = localToday(TZ);
  const q = lastCompleteQuarter(today);
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(5))];
  // the last four quarters, newest first
  const quarters = Array.from({ length: 4 }, (_, i) => { const k = (y * 4 + n - 1) - i; return `${Math.floor(k / 4)}Q${(k % 4) + 1}`; });
  log(`${kind}: ${N.toLocaleString('en-US')} customers, figures for ${quarters.join(', ')}`);
  let t0 = performance.now();
  // deterministic figures from the row number: a skewed revenue, some payments, a few referrals and tags
  await db.execute(sql`
    insert into customers (name, phone, phone_reversed, customer_since, tags, created_at)
    select '客户' || g, '13' || lpad(g::text, 9, '0'), reverse('13' || lpad(g::text, 9, '0')),
      (${today}::date - (g % 2200)), case when g % 97 = 0 then '{福利单位}'::text[] when g % 389 = 0 then '{知名品牌}'::text[] else '{}'::text[] end,
      now() - ((g % 1000) || ' hours')::interval
    from generate_series(1, ${N}) g`);
  await db.execute(sql`
    insert into customer_measures (customer_id, quarter, revenue, payments, referrals)
    select c.id, q.quarter, (abs(hashtext(c.id::text || q.quarter)) % 1000) * (abs(hashtext(c.phone)) % 9),
      (abs(hashtext(q.quarter || c.id::text)) % 3000) * (abs(hashtext(c.phone)) % 7), (abs(hashtext(c.phone || q.quarter)) % 50 = 0)::int
    from customers c cross join unnest(${pgArray(quarters)}::text[]) as q(quarter)
    where abs(hashtext(c.id::text)) % 3 = 0`);
  await db.execute(sql`vacuum (analyze) customers`);
  await db.execute(sql`vacuum (analyze) customer_measures`);
  log(`  loaded in ${secs(performance.now() - t0)}`);

  const rules = await currentClassRules(db);
  t0 = performance.now();
  const preview = await previewRecompute(db, rules, today, TZ, 200);
  const previewMs = performance.now() - t0;
  log(`  preview: ${secs(previewMs)}, ${preview.total.toLocaleString('en-US')} of ${preview.customers.toLocaleString('en-US')} move: ${preview.flows.map((f) => `${f.from ?? '—'}→${f.to} ${f.count}`).join(', ')}`);

  t0 = performance.now();
  let cursor: string | null = null;
  let looked = 0;
  let moved = 0;
  let slowest = 0;
  for (;;) {
    const c0 = performance.now();
    const r = await db.transaction((tx) => applyRecomputeChunk(tx, rules, today, TZ, { id: '00000000-0000-4000-8000-000000000000', cursor, actorId: null }, CHUNK));
    slowest = Math.max(slowest, performance.now() - c0);
    looked += r.looked;
    moved += r.moved;
    if (r.looked < CHUNK) break;
    cursor = r.last;
  }
  const applyMs = performance.now() - t0;
  const recomputePass = applyMs < 60_000 && moved === preview.total;
  failed ||= !recomputePass;
  log(`  apply: ${secs(applyMs)} for ${looked.toLocaleString('en-US')} customers in ${Math.ceil(looked / CHUNK)} chunks of ${CHUNK} (slowest ${secs(slowest)}), ${moved.toLocaleString('en-US')} moved`);

  const server = await startServer(bdb.database);
  const token = await login(server.baseUrl, 'cs_manager');
  const rows: string[] = [];
  for (const tier of ['A', 'B', 'C']) {
    const times: number[] = [];
    let cursorParam = '';
    for (let i = 0; i < SAMPLES + 10; i++) {
      const s = performance.now();
      const res = await fetch(`${server.baseUrl}/api/v1/customers?tier=${tier}&limit=20${cursorParam}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      if (i >= 10) times.push(performance.now() - s);
      // pages 1..5 in turn: the first page and a few behind it
      cursorParam = body.nextCursor && i % 5 !== 4 ? `&cursor=${encodeURIComponent(body.nextCursor)}` : '';
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    failed ||= p99 >= 50;
    rows.push(`archive filtered by class ${tier}          │ p50 / p99 ${percentile(times, 50).toFixed(1)} / ${p99.toFixed(1)} ms  ${p99 < 50 ? 'PASS' : 'FAIL'} (< 50 ms)`);
  }
  await server.close();
  console.log(`\nCustomer classes, ${kind}, ${N.toLocaleString('en-US')} customers, rules version ${rules.version}\n`);
  console.log(`preview (who moves, and why)         │ ${secs(previewMs)}, ${preview.total.toLocaleString('en-US')} moves`);
  console.log(`apply, ${CHUNK}-customer chunks       │ ${secs(applyMs)} (slowest chunk ${secs(slowest)})  ${recomputePass ? 'PASS' : 'FAIL'} (< 60 s, moves = preview)`);
  for (const r of rows) console.log(r);
} finally {
  await bdb.destroy();
}
process.exit(failed ? 1 : 0);
