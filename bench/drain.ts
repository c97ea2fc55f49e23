// The end-to-end cost of the background work per work order: the work orders
// of the creation phase were written with the consumer stopped, so their
// events wait in the outbox; this runs the app's own consumer (batches of
// hundreds: routing, SLA, callbacks, one write per table) and job runner
// (deliveries) until nothing is due, and divides. Handlers and batches are
// wrapped on this instance only to split the time; the rule log (rule_runs)
// says how many rules fired.

import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../apps/server/src/db/client.ts';
import type { Services } from '../apps/server/src/services.ts';
import { countStatements, instrument, totalOf, type Instrumented } from './instrument.ts';

export interface DrainResult {
  /** ticket.created events drained: the first --drain-max work orders of the creation phase */
  workOrders: number;
  /** the creation phase's other work orders, whose events were marked processed unrun (to keep the run short) */
  skipped: number;
  /** outbox events handled, including those the rules' own changes raised */
  outboxEvents: number;
  seconds: number;
  workOrdersPerSecond: number;
  msPerWorkOrder: number;
  /** handler and batch timings */
  timings: Instrumented;
  /** the rest: claiming events and jobs, the unit of work's writes, marking done, commits */
  runnerOverheadMs: number;
  /** the routing handler over the drain: per event, and per batch */
  routing: { events: number; eventsPerSecond: number; msPerEvent: number; batchP50: number; batchP99: number; shareOfDrain: number };
  rulesFired: number;
  loopsPrevented: number;
  notifications: number;
  /** statements sent to PostgreSQL during the drain (consumer and jobs), by first keyword (null on PGlite) */
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
export async function profiled<T>(file: string | null, fn: () => Promise<T>): Promise<T> {
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
  let counted: ReturnType<ReturnType<typeof countStatements>['stop']>;
  try {
    // services.drain() stops after 100 rounds: call it until nothing is due
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
    counted = counting.stop();
    statements = counted?.counts ?? null;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const after = await counts(database);
  const routing = timings.byHandler.routing;
  const workOrders = before.created;
  return {
    workOrders,
    skipped,
    outboxEvents: timings.batches.events,
    seconds: r2(seconds),
    workOrdersPerSecond: Math.round(workOrders / seconds),
    msPerWorkOrder: r2((seconds * 1000) / (workOrders || 1)),
    timings,
    runnerOverheadMs: Math.round(seconds * 1000 - timings.handlersMs),
    routing: routing
      ? { events: routing.items, eventsPerSecond: Math.round(routing.items / (routing.totalMs / 1000)), msPerEvent: routing.msPerItem, batchP50: routing.p50, batchP99: routing.p99, shareOfDrain: r2(routing.totalMs / (seconds * 1000)) }
      : { events: 0, eventsPerSecond: 0, msPerEvent: NaN, batchP50: NaN, batchP99: NaN, shareOfDrain: 0 },
    rulesFired: after.fired - before.fired,
    loopsPrevented: after.loops - before.loops,
    notifications: after.notifications - before.notifications,
    statements,
    statementsPerWorkOrder: statements ? r2(totalOf(statements) / (workOrders || 1)) : null,
    nodeCpuMsPerWorkOrder: r2((cpu.user + cpu.system) / 1000 / (workOrders || 1)),
    profile: opts.profileFile ?? null,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
  };
}
