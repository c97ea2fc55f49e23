// The end-to-end cost of the background work per work order, routing.evaluate
// in particular: the work orders of the creation phase were written with the
// runner stopped, so their events wait in the outbox; this runs the app's
// services.drain() until nothing is due and divides. The handlers of the
// runner and the dispatcher are wrapped (on this instance only) to split the
// time by job kind; the rule log (rule_runs) says how many rules fired.

import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../apps/server/src/db/client.ts';
import * as schema from '../apps/server/src/db/schema/index.ts';
import type { Services } from '../apps/server/src/services.ts';
import type { JobRow } from '../apps/server/src/platform/jobs/job-runner.ts';
import { EVALUATE_JOB } from '../apps/server/src/modules/routing/routing.listener.ts';
import { loadPrincipal } from '../apps/server/src/platform/auth/sessions.ts';
import { createTicket } from '../apps/server/src/modules/tickets/create-ticket.ts';
import type { Org } from './org.ts';
import { Rng } from './random.ts';
import { address, personName, ticketFields } from './ticket-content.ts';
import { countStatements, handlersOf, instrument, type Instrumented } from './instrument.ts';

export interface DrainResult {
  /** ticket.created events drained: the first --drain-max work orders of the creation phase */
  workOrders: number;
  /** the creation phase's other work orders, whose events were marked processed unrun (to keep the run short) */
  skipped: number;
  /** outbox events dispatched, including those the rules' own changes raised */
  outboxEvents: number;
  seconds: number;
  workOrdersPerSecond: number;
  msPerWorkOrder: number;
  /** handler, dispatch and batch timings */
  timings: Instrumented;
  /** the rest: claiming jobs, marking them done, savepoints, commits */
  runnerOverheadMs: number;
  routing: { jobs: number; eventsPerSecond: number; msPerEvent: number; p50: number; p99: number; shareOfDrain: number };
  rulesFired: number;
  loopsPrevented: number;
  notifications: number;
  /** statements sent to PostgreSQL during the drain, by first keyword (null on PGlite) */
  statements: Record<string, number> | null;
  statementsPerWorkOrder: number | null;
  /** CPU time of this process (the app: query building, result parsing, rules) per work order; the rest of the wall time is the database and waiting */
  nodeCpuMsPerWorkOrder: number;
  /** a V8 CPU profile of the drain (--profile-drain), file name */
  profile: string | null;
  loadAverage: { before: number; after: number };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

async function counts(database: Database) {
  const [r] = await queryRows<{ created: string; fired: string; loops: string; notifications: string }>(database.db, sql`select
    (select count(*) from outbox_events where processed_at is null and type = 'ticket.created') as created,
    (select count(*) from rule_runs where outcome = 'fired') as fired,
    (select count(*) from rule_runs where outcome = 'loop_prevented') as loops,
    (select count(*) from notifications) as notifications`);
  return { created: Number(r.created), fired: Number(r.fired), loops: Number(r.loops), notifications: Number(r.notifications) };
}

/** A V8 CPU profile of fn (this process: the app's JavaScript, not the database's time). */
async function profiled<T>(file: string | null, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export async function measureDrain(database: Database, services: Services, log: (s: string) => void, opts: { profileFile?: string | null; max?: number } = {}): Promise<DrainResult> {
  let skipped = 0;
  if (opts.max !== undefined) {
    // the loaded work orders have no outbox events: everything pending comes from the creation phase
    const rows = await queryRows<{ n: string }>(database.db, sql`with skip as (
        update outbox_events set processed_at = now() where processed_at is null and id > (
          select coalesce(max(id), 0) from (select id from outbox_events where processed_at is null order by id limit ${opts.max}) f)
        returning type)
      select count(*) filter (where type = 'ticket.created') as n from skip`);
    skipped = Number(rows[0].n);
  }
  const before = await counts(database);
  const loadBefore = os.loadavg()[0];
  log(`  draining ${before.created.toLocaleString('en-US')} work orders' events${skipped ? ` (${skipped.toLocaleString('en-US')} more skipped: --drain-max)` : ''} (1-min load average: ${loadBefore.toFixed(2)})`);
  const probe = instrument(services);
  const counting = countStatements(database.kind);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let lastLog = t0;
  let timings: Instrumented;
  let statements: Record<string, number> | null;
  try {
    // services.drain() stops after 100 rounds of one batch each: call it until nothing is due
    await profiled(opts.profileFile ?? null, async () => {
      let jobs = 0;
      for (let n = await services.drain(); n > 0; n = await services.drain()) {
        jobs += n;
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          log(`  … ${jobs.toLocaleString('en-US')} events and jobs after ${((lastLog - t0) / 1000).toFixed(0)} s`);
        }
      }
    });
  } finally {
    timings = probe.stop();
    statements = counting.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const after = await counts(database);
  const routing = timings.byKind[EVALUATE_JOB];
  const workOrders = before.created;
  return {
    workOrders,
    skipped,
    outboxEvents: timings.dispatch.events,
    seconds: r2(seconds),
    workOrdersPerSecond: Math.round(workOrders / seconds),
    msPerWorkOrder: r2((seconds * 1000) / (workOrders || 1)),
    timings,
    runnerOverheadMs: Math.round(seconds * 1000 - timings.handlersMs - timings.dispatch.totalMs),
    routing: routing
      ? { jobs: routing.jobs, eventsPerSecond: Math.round(routing.jobs / (routing.totalMs / 1000)), msPerEvent: routing.msPerJob, p50: routing.p50, p99: routing.p99, shareOfDrain: r2(routing.totalMs / (seconds * 1000)) }
      : { jobs: 0, eventsPerSecond: 0, msPerEvent: NaN, p50: NaN, p99: NaN, shareOfDrain: 0 },
    rulesFired: after.fired - before.fired,
    loopsPrevented: after.loops - before.loops,
    notifications: after.notifications - before.notifications,
    statements,
    statementsPerWorkOrder: statements ? r2(Object.values(statements).reduce((a, b) => a + b, 0) / (workOrders || 1)) : null,
    nodeCpuMsPerWorkOrder: r2((cpu.user + cpu.system) / 1000 / (workOrders || 1)),
    profile: opts.profileFile ?? null,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
  };
}

/**
 * The statements (round trips) the listeners of ticket.created issue for one
 * work order, with the rules now enabled: routing.evaluate for an inquiry no
 * template rule matches, a home-delivery order (assigned to the least loaded
 * station clerk) and a valid product-quality complaint (assigned to QC,
 * watchers, three notifications), and sla.start for that complaint. Run on a
 * recording drizzle instance inside one transaction, as the runner does.
 */
export interface ListenerStatements {
  /** statement texts (shortened) by "job kind: work order" */
  statements: Record<string, string[]>;
  /** the slowest selects among them by EXPLAIN ANALYZE, with their plans */
  slowest: { job: string; sql: string; params: unknown[]; ms: number; plan: string }[];
}

export async function listenerStatements(database: Database, services: Services, org: Org): Promise<ListenerStatements> {
  let seen: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (q: string, params: unknown[]) => void seen.push({ sql: q, params }) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const rec = (database.kind === 'postgres'
    ? drizzlePg(client as pg.Pool, { schema, logger })
    : drizzlePglite(client as PGlite, { schema, logger })) as unknown as Db;
  const handlers = handlersOf(services);
  const viewer = (await loadPrincipal(database.db, org.users.operator2.id, 'bench'))!;
  const rng = new Rng(5);
  const out: Record<string, string[]> = {};
  const selects: { job: string; sql: string; params: unknown[] }[] = [];
  const find = (type: 'inquiry' | 'order' | 'complaint', ok: (f: Record<string, unknown>) => boolean) => {
    let f: Record<string, unknown>;
    do f = ticketFields(type, rng, Date.now()); while (!ok(f));
    return { type, fields: f };
  };
  const cases: [string, () => { type: 'inquiry' | 'order' | 'complaint'; fields: Record<string, unknown> }, string[]][] = [
    ['inquiry', () => find('inquiry', (f) => !f.potentialOrder), [EVALUATE_JOB]],
    ['home order', () => find('order', (f) => f.deliveryChannel === 'home' && !f.outOfArea), [EVALUATE_JOB]],
    ['quality complaint', () => find('complaint', (f) => f.category === 'product_quality' && f.validity === 'valid' && !f.injury), [EVALUATE_JOB, 'sla.start']],
  ];
  let n = 0;
  for (const [name, make, kinds] of cases) {
    const { type, fields } = make();
    const row = await createTicket(database.db, viewer, {
      type, channel: 'phone', priority: 'normal', fields,
      customer: { name: personName(rng), phone: `1960000${String(n++).padStart(4, '0')}`, address: address(rng) },
    } as Parameters<typeof createTicket>[2], 'zh-CN', 'Asia/Shanghai');
    const [e] = await queryRows<{ id: string; type: string; payload: Record<string, unknown> }>(database.db,
      sql`select id, type, payload from outbox_events where aggregate_id = ${row.id} and type = 'ticket.created'`);
    // handled here, not by the runner
    await database.db.execute(sql`update outbox_events set processed_at = now() where id = ${e.id}`);
    for (const kind of kinds) {
      const handler = handlers.get(kind);
      if (!handler) continue;
      const job: JobRow = { id: 0, kind, payload: null, attempts: 0, max_attempts: 1, dedupe_key: null };
      seen = [];
      await rec.transaction(async (tx) => handler(tx, { id: Number(e.id), type: e.type, aggregateId: row.id, payload: e.payload }, job));
      const list = seen.filter((q) => !/^\s*(begin|commit)/i.test(q.sql));
      out[`${kind}: ${name}`] = list.map((q) => q.sql.replace(/\s+/g, ' ').slice(0, 160));
      for (const q of list) if (/^\s*select/i.test(q.sql)) selects.push({ job: `${kind}: ${name}`, ...q });
    }
  }
  // what the rules' changes raised is not run here
  await database.db.execute(sql`update outbox_events set processed_at = now() where processed_at is null`);
  const runner = client as { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
  const explained: ListenerStatements['slowest'] = [];
  const done = new Set<string>();
  for (const q of selects) {
    if (done.has(q.sql)) continue;
    done.add(q.sql);
    const r = await runner.query(`explain (analyze, buffers) ${q.sql}`, q.params);
    const plan = r.rows.map((x) => String(Object.values(x)[0])).join('\n');
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    explained.push({ ...q, ms, plan });
  }
  explained.sort((a, b) => b.ms - a.ms);
  return { statements: out, slowest: explained.slice(0, 3) };
}
