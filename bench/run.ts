// npm run bench -- [--size N] [--db pglite|postgres|both] [--duration S] [--concurrency C] [--samples K]
//                  [--explain] [--keep] [--candidate-indexes]
//                  [--rules R] [--drain-max K] [--probe-interval MS] [--notify-idle S] [--notify-wait S] [--notify-rate R]
//                  [--profile-drain] [--profile-create] [--skip-background] [--skip-callbacks]
//
// Per database: a throw-away database, the app's migrations and demo org, N
// work orders bulk-loaded, R routing rules, the floor (a bare one-row INSERT
// route under the same load), the real app on a free port, creation
// throughput with autocannon and its share of the floor, statements of one
// POST, read latencies, callback lists and reports over ~N/3 generated
// callbacks, then the background work: the consumer's drain of the creation
// backlog and created → in-app notification latency under the creation load,
// with the age of the oldest unhandled event. Prints a table and writes
// bench/results/<timestamp>.json.

import os from 'node:os';
import { intakeBatcher } from '../apps/server/src/modules/intake/intake-statement.ts';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../apps/server/src/db/client.ts';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { createBenchDatabase, type BenchDatabase, type DbKind } from './databases.ts';
import { loadOrg } from './org.ts';
import { loadData } from './load-data.ts';
import { login, startServer, type RunningServer } from './server.ts';
import { runCreateLoad } from './create-load.ts';
import { measureReads, READ_LABELS, type ReadKind } from './measure.ts';
import { explainReads } from './explain.ts';
import { postStatements } from './post-statements.ts';
import { runBareInsert } from './bare-insert.ts';
import { applyCandidateIndexes } from './candidate-indexes.ts';
import { checksFor, formatTable, resultFile, TARGETED_READS, writeResults, type BackgroundResult, type DbResult } from './report.ts';
import { installBenchRules, measureEvaluation, type EvalResult, type InstalledRules } from './rules.ts';
import { measureDrain, profiled } from './drain.ts';
import { runNotifyLatency } from './notify-latency.ts';
import { CALLBACK_LABELS, CALLBACK_READS, explainCallbacks, generateCallbacks, measureCallbacks, type CallbackLoad, type CallbackResult } from './callbacks.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    samples: { type: 'string', default: '200' },
    explain: { type: 'boolean', default: false },
    /** leave the database behind for investigation (its URL or directory is printed) */
    keep: { type: 'boolean', default: false },
    /** apply bench/candidate-indexes.sql (the proposed index migration) after loading */
    'candidate-indexes': { type: 'boolean', default: false },
    /** routing rules added to the dairy-hotline template's before the app starts */
    rules: { type: 'string', default: '200' },
    /** ms between two probe complaints of the notification measurement */
    'probe-interval': { type: 'string', default: '100' },
    /** s of probes without the load before it (the floor of the design; 0: none) */
    'notify-idle': { type: 'string', default: '5' },
    /** s to wait for missing notifications after the load */
    'notify-wait': { type: 'string', default: '10' },
    /** work orders of the creation phase whose background work is drained and timed (the others' is skipped) */
    'drain-max': { type: 'string', default: '10000' },
    /** cap the creation load of the notification phase at this many requests/s (default: saturating, like the creation phase) */
    'notify-rate': { type: 'string', default: '0' },
    /** write a V8 CPU profile of the drain to bench/results/ (open in Chrome DevTools) */
    'profile-drain': { type: 'boolean', default: false },
    /** write a V8 CPU profile of the app process during the creation phase to bench/results/ */
    'profile-create': { type: 'boolean', default: false },
    /** only the original phases: no rules, no drain, no notification measurement */
    'skip-background': { type: 'boolean', default: false },
    /** no callback phase: no callbacks generated, no callback reads */
    'skip-callbacks': { type: 'boolean', default: false },
  },
});

const positive = (name: string, v: string | undefined): number => {
  const n = Number(String(v).replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
};
const size = positive('size', args.size);
const duration = positive('duration', args.duration);
const concurrency = positive('concurrency', args.concurrency);
const samples = positive('samples', args.samples);
const nonNegative = (name: string, v: string | undefined): number => (v === '0' ? 0 : positive(name, v));
const ruleCount = nonNegative('rules', args.rules);
const probeInterval = positive('probe-interval', args['probe-interval']);
const notifyWait = positive('notify-wait', args['notify-wait']);
const notifyIdle = nonNegative('notify-idle', args['notify-idle']);
const drainMax = positive('drain-max', args['drain-max']);
const notifyRate = nonNegative('notify-rate', args['notify-rate']);
const background = !args['skip-background'];
const withCallbacks = !args['skip-callbacks'];
if (!['pglite', 'postgres', 'both'].includes(args.db!)) throw new Error(`--db must be pglite, postgres or both, got ${args.db}`);
const kinds: DbKind[] = args.db === 'both' ? ['postgres', 'pglite'] : [args.db as DbKind];

const startedAt = new Date();
const t0 = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

let current: { bdb: BenchDatabase; server?: RunningServer } | null = null;
async function cleanup(opts: { keep?: boolean } = {}) {
  const c = current;
  current = null;
  if (!c) return;
  await c.server?.close().catch(() => {});
  await c.bdb.destroy(opts).catch((e) => console.error(`cleanup of ${c.bdb.location} failed:`, e));
  if (opts.keep) log(`${c.bdb.kind}: kept ${c.bdb.location}`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the benchmark database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function benchOne(kind: DbKind): Promise<DbResult> {
  log(`${kind}: creating a throw-away database`);
  // the app's own pool size (20), as in production: with more connections, requests queue for one
  const bdb = await createBenchDatabase(kind);
  current = { bdb };
  const { database } = bdb;
  await prepareDatabase(database, { seedDemo: true, KEFU_TIMEZONE: 'Asia/Shanghai' }, { sampleData: false });
  const [version] = await queryRows<{ v: string }>(database.db, sql`select current_setting('server_version') as v`);
  const serverVersion = `${kind === 'pglite' ? 'PGlite, Postgres ' : 'PostgreSQL '}${version.v.split(' ')[0]}`;
  const org = await loadOrg(database.db);

  log(`${kind}: loading ${size.toLocaleString('en-US')} work orders into ${bdb.location}`);
  const { phones, ...load } = await loadData(bdb, org, size, log);
  log(`${kind}: loaded in ${load.totalSeconds.toFixed(1)} s (${load.tickets.toLocaleString('en-US')} work orders, ${load.customers.toLocaleString('en-US')} customers, ${load.events.toLocaleString('en-US')} events)`);

  let callbackLoad: CallbackLoad | null = null;
  if (withCallbacks) {
    log(`${kind}: generating callbacks and surveys from the loaded work orders`);
    callbackLoad = await generateCallbacks(bdb, org, size, log);
  }

  let candidateIndexes: { seconds: number; statements: number } | null = null;
  if (args['candidate-indexes']) {
    candidateIndexes = await applyCandidateIndexes(bdb);
    log(`${kind}: applied bench/candidate-indexes.sql (${candidateIndexes.statements} statements) in ${candidateIndexes.seconds.toFixed(1)} s`);
  }

  let rules: { installed: InstalledRules; evaluation: EvalResult } | null = null;
  if (background) {
    const installed = await installBenchRules(database, ruleCount);
    log(`${kind}: ${installed.active} rules enabled (${installed.templateRules} of the template + ${installed.added}) in ${installed.seconds.toFixed(1)} s; evaluating them in-process`);
    const evaluation = await measureEvaluation(database);
    log(`  evaluateRules: p50 ${evaluation.us.p50} µs, p99 ${evaluation.us.p99} µs per event, ${evaluation.eventsPerSecond.toLocaleString('en-US')} events/s; rules firing per created event ${evaluation.firedPerEvent.created}, per update ${evaluation.firedPerEvent.updated}`);
    rules = { installed, evaluation };
  }

  log(`${kind}: the floor: the same load against a bare one-row INSERT route (Fastify + ${kind === 'postgres' ? 'pg, a pool of 20' : 'the same PGlite'}) for ${duration} s`);
  const bareProfile = args['profile-create'] ? resultFile(`${kind}-bare.cpuprofile`, startedAt) : null;
  const bare = await profiled(bareProfile, () => runBareInsert(database, { url: bdb.url, duration, connections: concurrency }));
  log(`${kind}: bare INSERT ${Math.round(bare.insertedPerSecond)}/s, p50 ${bare.latency.p50} ms, p99 ${bare.latency.p99} ms, non-2xx ${bare.non2xx}, timeouts ${bare.timeouts}`);

  const server = await startServer(database);
  current.server = server;
  const tokens: Record<string, string> = {};
  for (const u of ['operator', 'operator2', 'lead', 'cs_manager', 'qc_manager']) tokens[u] = await login(server.baseUrl, u);

  const loadBeforeCreate = os.loadavg()[0];
  log(`${kind}: creating work orders over HTTP for ${duration} s, ${concurrency} connections (1-min load average before: ${loadBeforeCreate.toFixed(2)})`);
  // intake alone: the consumer is stopped in this phase, so the back-pressure gate (which waits for it) is off
  server.app.services.intakeGate.setMaxLag(0);
  const createProfile = args['profile-create'] ? resultFile(`${kind}-create.cpuprofile`, startedAt) : null;
  const create = await profiled(createProfile, () => runCreateLoad(database, { baseUrl: server.baseUrl, token: tokens.operator, duration, connections: concurrency }));
  if (createProfile) log(`  CPU profile of the creation phase: ${createProfile}`);
  log(`${kind}: ${Math.round(create.createdPerSecond)} created/s, p50 ${create.latency.p50} ms, p99 ${create.latency.p99} ms, non-2xx ${create.non2xx}; ${create.verification}`);
  for (const f of create.failures) log(`  HTTP ${f.status}: ${f.body}`);
  log(`  ${((create.createdPerSecond / (bare.insertedPerSecond || 1)) * 100).toFixed(1)} % of the bare INSERT`);
  const groups = intakeBatcher(database.db).stats;
  log(`  intake statements: ${groups.groups.toLocaleString('en-US')} for ${groups.items.toLocaleString('en-US')} work orders (${(groups.items / (groups.groups || 1)).toFixed(1)} a statement; ${groups.retriedAlone} retried alone; ${(groups.busyMs / (groups.groups || 1)).toFixed(1)} ms each, ${groups.overlapped} sent while another was out)`);
  const statementsPerCreate = await postStatements(kind, server.baseUrl, tokens.operator);
  log(`  one POST /api/v1/tickets: ${statementsPerCreate.total ?? '—'} statements${statementsPerCreate.counts ? ` (${Object.entries(statementsPerCreate.counts).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);

  log(`${kind}: read latencies, ${samples} samples each`);
  const reads = await measureReads({ baseUrl: server.baseUrl, tokens, phones, samples }, log);
  let callbackReads: CallbackResult['reads'] | null = null;
  if (callbackLoad) {
    log(`${kind}: callback lists and reports, ${samples} samples each`);
    callbackReads = await measureCallbacks({ baseUrl: server.baseUrl, tokens, samples }, log);
  }
  const loadAfterReads = os.loadavg()[0];

  let bg: BackgroundResult | null = null;
  if (rules) {
    log(`${kind}: background work of the creation phase, runner stopped until now`);
    const profileFile = args['profile-drain'] ? resultFile(`${kind}-drain.cpuprofile`, startedAt) : null;
    const drain = await measureDrain(database, server.app.services, log, { profileFile, max: drainMax });
    if (profileFile) log(`  CPU profile of the drain: ${profileFile}`);
    log(`  ${drain.workOrders} work orders, ${drain.outboxEvents} events in ${drain.seconds} s: ${drain.workOrdersPerSecond}/s, ${drain.msPerWorkOrder} ms each; routing ${drain.routing.msPerEvent} ms per event; ${drain.rulesFired} rules fired; ${drain.statementsPerWorkOrder ?? '—'} statements per work order`);
    log(`${kind}: created → notification while creating for ${duration} s, ${concurrency} connections, background runner on`);
    server.app.services.intakeGate.setMaxLag(Number(process.env.KEFU_INTAKE_MAX_LAG_MS ?? 300));
    const notify = await runNotifyLatency({
      server, database,
      load: { token: tokens.operator, userId: org.users.operator.id, phoneBase: create.phones.to + 2 },
      probeToken: tokens.operator2, watchToken: tokens.qc_manager, watcher: 'qc_manager',
      duration, connections: concurrency, intervalMs: probeInterval, waitMs: notifyWait * 1000, idleSeconds: notifyIdle, loadRate: notifyRate,
    }, log);
    const gate = server.app.services.intakeGate.stats;
    log(`  intake gate: ${gate.waited} saves waited for the background, ${(gate.waitedMs / 1000).toFixed(1)} s in all`);
    log(`  oldest unhandled event at the load's end ${notify.atLoadEnd.oldestS} s (${notify.atLoadEnd.outbox} waiting; max during the load ${notify.backlogMax.outbox}, ${notify.backlogMax.oldestS} s)`);
    log(`  ${notify.probesNotified}/${notify.probesSent} probes notified (${notify.probesCreated} answered 201): p50 ${notify.latency.p50} ms, p99 ${notify.latency.p99} ms, max ${notify.latency.max} ms; load meanwhile ${Math.round(notify.create.createdPerSecond)} created/s; due backlog max ${notify.backlogMax.outbox} events, ${notify.backlogMax.jobs} jobs`);
    for (const f of notify.probeFailures) log(`  probe HTTP ${f.status}: ${f.body}`);
    for (const e of notify.socketErrors) log(`  socket: ${e}`);
    bg = { rules: rules.installed, evaluation: rules.evaluation, drain, notify };
  }
  await server.close();
  current.server = undefined;

  log(`${kind}: EXPLAIN ANALYZE of the reads`);
  const explain = await explainReads(database, org, phones);
  const callbacks: CallbackResult | null = callbackLoad && callbackReads
    ? { load: callbackLoad, reads: callbackReads, explain: await explainCallbacks(database, org) }
    : null;
  const loadAverage = { beforeCreate: loadBeforeCreate, afterReads: loadAfterReads };
  const partial = { db: kind, size, location: bdb.location, serverVersion, loadAverage, indexes: candidateIndexes ? 'migrations + bench/candidate-indexes.sql' : 'migrations', load, bare, create, statementsPerCreate, reads, explain, background: bg, callbacks };
  const result: DbResult = { ...partial, checks: checksFor(partial) };
  for (const k of Object.keys(explain) as ReadKind[]) {
    const slow = TARGETED_READS.includes(k) && result.checks.some((c) => c.name === `${k} p99` && !c.pass);
    if (args.explain || slow) console.log(`\n--- ${kind}: ${READ_LABELS[k]}${slow ? ' (target missed)' : ''}\n${explain[k]!.sql}\n${JSON.stringify(explain[k]!.params)}\n${explain[k]!.plan}\n`);
  }
  if (callbacks) {
    for (const k of CALLBACK_READS) {
      const slow = result.checks.some((c) => c.name === `${k} p99` && !c.pass);
      if (!args.explain && !slow) continue;
      for (const [i, e] of (callbacks.explain[k] ?? []).entries()) {
        console.log(`\n--- ${kind}: ${CALLBACK_LABELS[k]}${slow ? ' (target missed)' : ''}, statement ${i + 1} (${e.ms.toFixed(1)} ms)\n${e.sql}\n${JSON.stringify(e.params)}\n${e.plan}\n`);
      }
    }
  }
  await cleanup({ keep: args.keep });
  return result;
}

const results: DbResult[] = [];
try {
  for (const kind of kinds) results.push(await benchOne(kind));
} catch (e) {
  await cleanup();
  throw e;
}

const table = formatTable(results, { concurrency, duration, samples });
const file = writeResults({
  startedAt: startedAt.toISOString(),
  options: { size, db: args.db, duration, concurrency, samples, candidateIndexes: args['candidate-indexes'], rules: ruleCount, probeIntervalMs: probeInterval, notifyWaitS: notifyWait, notifyIdleS: notifyIdle, drainMax, notifyRate: notifyRate || null, background, callbacks: withCallbacks },
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
  results,
  table,
}, startedAt);
console.log(`\nKefu benchmark, ${startedAt.toISOString()}, ${os.cpus().length} cores, node ${process.version}\n`);
console.log(table);
console.log(`\nresults: ${file}`);
process.exit(0);
