// Created → in-app notification while the intake load runs: the app's
// outbox consumer and job runner on (as main.ts runs it), the creation load of
// create-load.ts, and a separate client (notify-probe-worker.ts) that sends a
// product-quality complaint every ~100 ms and times the notification the
// dairy template's QC rule pushes to qc_manager over the WebSocket. First the
// same probes for a few seconds without the load: the floor of the design.

import { fork } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../apps/server/src/db/client.ts';
import type { RunningServer } from './server.ts';
import { runCreateLoad, type CreateResult } from './create-load.ts';
import type { ProbeInput, ProbeOutput } from './notify-probe-worker.ts';
import { instrument, type Instrumented } from './instrument.ts';

export const NOTIFY_TARGET_MS = 1000;

/** s since the load started; unhandled outbox events and the age of the oldest (s), due jobs, jobs done so far */
export interface Backlog { t: number; outbox: number; oldestS: number; jobs: number; done: number }

export interface ProbeSummary {
  seconds: number;
  intervalMs: number;
  probesSent: number;
  /** probes answered 201 */
  probesCreated: number;
  /** probes still unanswered when the wait ended */
  probesUnanswered: number;
  /** how many probes got their notification on the socket (within the wait after the load) */
  probesNotified: number;
  /** notification received − POST sent, ms, over the notified probes */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** over all probes sent, a missing notification (no 201, or no notice in time) counted as infinitely late: what the target is checked on */
  p99WithMissing: number;
  /** POST sent → 201 of the probes */
  post: { p50: number; p99: number; max: number };
  /** 201 received → notification received */
  after201: { p50: number; p99: number; max: number };
  /** by the second the probes were sent: [second, p50, max, probes sent] */
  bySecond: [number, number, number, number][];
  /** notifications of any work order the watcher got meanwhile */
  notificationsSeen: number;
  waitedMs: number;
  socketErrors: string[];
  probeFailures: { status: number; body: string }[];
}

export interface NotifyResult extends ProbeSummary {
  watcher: string;
  /** the load's cap in requests/s, null: as fast as the server answers */
  loadRate: number | null;
  /** the same probes alone, before the load (--notify-idle s; null with 0) */
  idle: ProbeSummary | null;
  /** the creation load that ran meanwhile, with the consumer and runner on */
  create: CreateResult;
  /** due outbox events and due jobs, sampled once a second from the load's start */
  backlog: Backlog[];
  backlogMax: { outbox: number; jobs: number; oldestS: number };
  /** just after the load stopped: unhandled events and the age of the oldest (s) — what "keeping up" means */
  atLoadEnd: Omit<Backlog, 't'>;
  /** the consumer's handlers and batches and the job handlers, from the load's start to the end of the wait */
  timings: Instrumented;
  /** event-loop delay of the app process (HTTP and runner share it) during the load and the wait, ms; idle: during the probes alone */
  eventLoopDelay: { load: LoopDelay; idle: LoopDelay | null };
  loadAverage: { before: number; after: number };
}

export interface LoopDelay { p50: number; p99: number; max: number }
function loopDelay(h: IntervalHistogram): LoopDelay {
  h.disable();
  return { p50: r1(h.percentile(50) / 1e6), p99: r1(h.percentile(99) / 1e6), max: r1(h.max / 1e6) };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
function summary(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: r1(percentile(s, 50)), p90: r1(percentile(s, 90)), p99: r1(percentile(s, 99)), max: r1(s[s.length - 1] ?? NaN), mean: r1(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

function summarize(out: ProbeOutput, seconds: number, intervalMs: number): ProbeSummary {
  const created = out.probes.filter((p) => p.status === 201);
  const notified = created.filter((p) => p.notifiedAt !== null);
  const lat = notified.map((p) => p.notifiedAt! - p.sentAt);
  const withMissing = [...lat, ...Array(out.probes.length - notified.length).fill(Infinity)].sort((a, b) => a - b);
  const post = summary(out.probes.filter((p) => p.respondedAt !== null).map((p) => p.respondedAt! - p.sentAt));
  const after = summary(notified.map((p) => p.notifiedAt! - p.respondedAt!));
  const bySecond: [number, number, number, number][] = [];
  for (let s = 0; s < seconds; s++) {
    const xs = notified.filter((p) => Math.floor(p.sentAt / 1000) === s).map((p) => p.notifiedAt! - p.sentAt).sort((a, b) => a - b);
    bySecond.push([s, r1(percentile(xs, 50)), r1(xs[xs.length - 1] ?? NaN), out.probes.filter((p) => Math.floor(p.sentAt / 1000) === s).length]);
  }
  return {
    seconds,
    intervalMs,
    probesSent: out.probes.length,
    probesCreated: created.length,
    probesUnanswered: out.probes.filter((p) => p.respondedAt === null).length,
    probesNotified: notified.length,
    latency: summary(lat),
    p99WithMissing: out.probes.length ? r1(percentile(withMissing, 99)) : NaN,
    post: { p50: post.p50, p99: post.p99, max: post.max },
    after201: { p50: after.p50, p99: after.p99, max: after.max },
    bySecond,
    notificationsSeen: out.notificationsSeen,
    waitedMs: Math.round(out.waitedMs),
    socketErrors: out.socketErrors,
    probeFailures: out.failures,
  };
}

async function backlogNow(database: Database): Promise<Omit<Backlog, 't'>> {
  const [r] = await queryRows<{ o: string; a: string | null; j: string; d: string }>(database.db, sql`select
    (select count(*) from outbox_events where processed_at is null) as o,
    (select extract(epoch from now() - min(created_at)) from outbox_events where processed_at is null) as a,
    (select count(*) from jobs where status = 'pending' and run_at <= now()) as j,
    (select count(*) from jobs where status = 'done') as d`);
  return { outbox: Number(r.o), oldestS: r.a === null ? 0 : Math.round(Number(r.a) * 10) / 10, jobs: Number(r.j), done: Number(r.d) };
}

/** A probe process with its WebSocket open; start() begins the probes, done has the timings. */
async function probeSession(input: Omit<ProbeInput, 'seed'>): Promise<{ start(): void; done: Promise<ProbeOutput> }> {
  const probeInput: ProbeInput = { ...input, seed: Math.floor(Math.random() * 2 ** 31) };
  const child = fork(fileURLToPath(new URL('./notify-probe-worker.ts', import.meta.url)), [JSON.stringify(probeInput)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let ready!: () => void;
  const readyP = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.once('error', reject);
  });
  const done = new Promise<ProbeOutput>((resolve, reject) => {
    child.on('message', (m) => {
      const msg = m as { ready?: boolean; error?: string } & Partial<ProbeOutput>;
      if (msg.ready === true) ready();
      else if (msg.ready === false) reject(new Error(`probe: ${msg.error}`));
      else if (msg.probes) resolve(msg as ProbeOutput);
    });
    child.once('exit', (code) => reject(new Error(`probe process exited with ${code} and no result`)));
  });
  await Promise.race([readyP, done]);
  return { start: () => child.send({ start: true }), done };
}

export interface NotifyInput {
  server: RunningServer;
  database: Database;
  /** the load's token and user id (operator) */
  load: { token: string; userId: string; phoneBase: number };
  /** the probes' author (not the load's user) and the watcher */
  probeToken: string;
  watchToken: string;
  watcher: string;
  duration: number;
  connections: number;
  intervalMs: number;
  waitMs: number;
  /** s of probes without the load first (0: none) */
  idleSeconds: number;
  /** cap of the load's requests per second (0: as fast as the server answers) */
  loadRate: number;
}

export async function runNotifyLatency(i: NotifyInput, log: (s: string) => void): Promise<NotifyResult> {
  await i.server.app.services.start();
  const probeBase = { baseUrl: i.server.baseUrl, token: i.probeToken, watchToken: i.watchToken, intervalMs: i.intervalMs, waitMs: i.waitMs };

  let idle: ProbeSummary | null = null;
  let idleLoop: LoopDelay | null = null;
  if (i.idleSeconds > 0) {
    const s = await probeSession({ ...probeBase, duration: i.idleSeconds });
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    s.start();
    idle = summarize(await s.done, i.idleSeconds, i.intervalMs);
    idleLoop = loopDelay(h);
    log(`  without load: ${idle.probesNotified}/${idle.probesSent} probes notified, p50 ${idle.latency.p50} ms, p99 ${idle.latency.p99} ms (POST p50 ${idle.post.p50} ms)`);
  }

  const session = await probeSession({ ...probeBase, duration: i.duration });
  const backlog: Backlog[] = [];
  let loadStart = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      if (loadStart) {
        const b = await backlogNow(i.database).catch(() => null);
        if (b) backlog.push({ t: Math.round((performance.now() - loadStart) / 100) / 10, ...b });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();

  const loadBefore = os.loadavg()[0];
  log(`  consumer and runner on, ${i.watcher} on the WebSocket; a probe complaint every ${i.intervalMs} ms during the load${i.loadRate ? ` (capped at ${i.loadRate} requests/s)` : ''} (1-min load average: ${loadBefore.toFixed(2)})`);
  let timing: ReturnType<typeof instrument> | null = null;
  const loadLoop = monitorEventLoopDelay({ resolution: 10 });
  const create = await runCreateLoad(i.database, {
    baseUrl: i.server.baseUrl, token: i.load.token, duration: i.duration, connections: i.connections, phoneBase: i.load.phoneBase,
    ...(i.loadRate ? { overallRate: i.loadRate } : {}),
  }, {
    createdBy: i.load.userId,
    onStarted: () => {
      loadStart = performance.now();
      timing = instrument(i.server.app.services);
      loadLoop.enable();
      session.start();
    },
  });
  const atLoadEnd = await backlogNow(i.database);
  const out = await session.done;
  polling = false;
  await poller;
  const timings = (timing as ReturnType<typeof instrument> | null)?.stop() ?? instrument(i.server.app.services).stop();
  return {
    watcher: i.watcher,
    loadRate: i.loadRate || null,
    ...summarize(out, i.duration, i.intervalMs),
    idle,
    create,
    backlog,
    backlogMax: { outbox: Math.max(0, ...backlog.map((b) => b.outbox)), jobs: Math.max(0, ...backlog.map((b) => b.jobs)), oldestS: Math.max(0, ...backlog.map((b) => b.oldestS)) },
    atLoadEnd,
    timings,
    eventLoopDelay: { load: loopDelay(loadLoop), idle: idleLoop },
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
  };
}
