// The customer-archive workload (issue: customer archive, point 6): at 300,000
// customers with a year of figures and two work orders each, the quarterly recompute (preview, then
// the background apply chunk by chunk) must finish under 60 s, and the
// archive filtered by class must answer with p99 < 50 ms.
//   npm run bench:classes -- [--db postgres|pglite] [--customers 300000] [--samples 200]

import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { pgArray, queryRows } from '../apps/server/src/db/client.ts';
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
  // a year of work orders: two per customer, spread over the last 365 days (the history the archive lists)
  await db.execute(sql`
    insert into tickets (number, type, status, channel, subject, customer_id, form_version, created_at, updated_at)
    select 'BENCH-' || g, (array['complaint', 'inquiry', 'repair'])[g % 3 + 1], 'closed', 'phone', '历史工单 ' || g, c.id, 1,
      now() - ((g % 365) || ' days')::interval, now() - ((g % 365) || ' days')::interval
    from generate_series(1, ${2 * N}) g join customers c on c.phone = '13' || lpad(((g % ${N}) + 1)::text, 9, '0')`);
  // half the archive has an owner already; one in a thousand is a merged duplicate
  const [{ id: owner }] = await queryRows<{ id: string }>(db, sql`select id from users where username = 'operator'`);
  await db.execute(sql`update customers set owner_id = ${owner}::uuid, owner_assigned_at = created_at where abs(hashtext(phone)) % 2 = 0`);
  await db.execute(sql`update customers d set merged_into_id = (select s.id from customers s where s.phone = '13' || lpad((substr(d.phone, 3)::int + 1)::text, 9, '0'))
    where substr(d.phone, 3)::int % 1000 = 7`);
  for (const table of ['customers', 'customer_measures', 'tickets']) await db.execute(sql.raw(`vacuum (analyze) ${table}`));
  log(`  loaded in ${secs(performance.now() - t0)} (with ${(2 * N).toLocaleString('en-US')} work orders)`);

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
  // the supervisor's archive reads: the daily list, first-contact timers, the assignment preview, a customer's history
  const archiveReads: [string, () => string, number][] = [
    ['daily new/changed list', () => '/api/v1/customer-archive/list?kind=both&limit=50', 50],
    ['first-contact timers', () => '/api/v1/customer-archive/list?kind=any&firstContact=pending&limit=20', 50],
    ['customer history (work orders)', () => `/api/v1/tickets?customerId=${sampleIds[Math.floor(Math.random() * sampleIds.length)]}&limit=20`, 50],
  ];
  const sampleIds = (await queryRows<{ id: string }>(db, sql`select id from customers where merged_into_id is null order by random() limit 200`)).map((r) => r.id);
  for (const [label, url, budget] of archiveReads) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES + 10; i++) {
      const s0 = performance.now();
      const res = await fetch(`${server.baseUrl}${url()}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
      if (i >= 10) times.push(performance.now() - s0);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    failed ||= p99 >= budget;
    rows.push(`${label.padEnd(36)}│ p50 / p99 ${percentile(times, 50).toFixed(1)} / ${p99.toFixed(1)} ms  ${p99 < budget ? 'PASS' : 'FAIL'} (< ${budget} ms)`);
  }
  // the assignment proposal for 500 unassigned customers, and the duplicate groups (a scan of the archive)
  for (const [label, method, url, body] of [
    ['assignment preview, 500 customers', 'POST', '/api/v1/customer-assignments/preview', { limit: 500 }],
    ['duplicate groups by phone', 'GET', '/api/v1/customers/duplicates?by=phone', undefined],
  ] as const) {
    await fetch(`${server.baseUrl}/api/v1/customer-specialists/${owner}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ skill: 3, classes: [], capacity: null, active: true }) });
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const s0 = performance.now();
      const res = await fetch(`${server.baseUrl}${url}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
      if (i >= 2) times.push(performance.now() - s0);
    }
    times.sort((a, b) => a - b);
    rows.push(`${label.padEnd(36)}│ median ${percentile(times, 50).toFixed(0)} ms, slowest ${times[times.length - 1].toFixed(0)} ms (reported)`);
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
