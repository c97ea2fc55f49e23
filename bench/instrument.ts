// Timing of the app's background work, on one Services instance only: each
// job handler, each outbox dispatch and each runner batch (claim → handlers →
// commit → after-commit pushes) is wrapped and timed; stop() puts the
// originals back. Nothing in the app is changed.

import pg from 'pg';
import type { Db } from '../apps/server/src/db/client.ts';
import type { Services } from '../apps/server/src/services.ts';
import type { JobHandler } from '../apps/server/src/platform/jobs/job-runner.ts';

export interface KindStats { jobs: number; totalMs: number; msPerJob: number; p50: number; p99: number; max: number }

export interface Instrumented {
  byKind: Record<string, KindStats>;
  /** outbox → jobs */
  dispatch: { calls: number; events: number; totalMs: number };
  /** runner batches that ran at least one job: each commits once, then pushes its notifications */
  batches: { count: number; jobs: number; totalMs: number; p50: number; p99: number; max: number };
  /** time inside job handlers, all kinds */
  handlersMs: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
const r2 = (x: number) => Math.round(x * 100) / 100;

export function handlersOf(services: Services): Map<string, JobHandler> {
  return (services.runner as unknown as { handlers: Map<string, JobHandler> }).handlers;
}

export function instrument(services: Services): { stop(): Instrumented } {
  const handlers = handlersOf(services);
  const originals = new Map(handlers);
  const times = new Map<string, number[]>();
  for (const [kind, h] of originals) {
    const list: number[] = [];
    times.set(kind, list);
    handlers.set(kind, async (tx, payload, job) => {
      const t = performance.now();
      try {
        await h(tx, payload, job);
      } finally {
        list.push(performance.now() - t);
      }
    });
  }
  const dispatcher = services.dispatcher;
  const runner = services.runner;
  const hadOwnDispatch = Object.prototype.hasOwnProperty.call(dispatcher, 'dispatch');
  const hadOwnRunDue = Object.prototype.hasOwnProperty.call(runner, 'runDue');
  const dispatchOriginal = dispatcher.dispatch;
  const runDueOriginal = runner.runDue;
  const dispatch = { calls: 0, events: 0, totalMs: 0 };
  dispatcher.dispatch = async (db: Db) => {
    const t = performance.now();
    const n = await dispatchOriginal.call(dispatcher, db);
    dispatch.calls++;
    dispatch.totalMs += performance.now() - t;
    dispatch.events += n;
    return n;
  };
  const batchMs: number[] = [];
  let batchJobs = 0;
  runner.runDue = async () => {
    const t = performance.now();
    const n = await runDueOriginal.call(runner);
    if (n) {
      batchMs.push(performance.now() - t);
      batchJobs += n;
    }
    return n;
  };
  return {
    stop() {
      for (const [kind, h] of originals) handlers.set(kind, h);
      if (hadOwnDispatch) dispatcher.dispatch = dispatchOriginal;
      else delete (dispatcher as { dispatch?: unknown }).dispatch;
      if (hadOwnRunDue) runner.runDue = runDueOriginal;
      else delete (runner as { runDue?: unknown }).runDue;
      const byKind: Record<string, KindStats> = {};
      let handlersMs = 0;
      for (const [kind, list] of times) {
        if (!list.length) continue;
        const s = [...list].sort((a, b) => a - b);
        const total = s.reduce((a, b) => a + b, 0);
        handlersMs += total;
        byKind[kind] = { jobs: s.length, totalMs: Math.round(total), msPerJob: r2(total / s.length), p50: r2(percentile(s, 50)), p99: r2(percentile(s, 99)), max: r2(s[s.length - 1]) };
      }
      const b = [...batchMs].sort((x, y) => x - y);
      return {
        byKind,
        dispatch: { calls: dispatch.calls, events: dispatch.events, totalMs: Math.round(dispatch.totalMs) },
        batches: { count: b.length, jobs: batchJobs, totalMs: Math.round(b.reduce((x, y) => x + y, 0)), p50: r2(percentile(b, 50)), p99: r2(percentile(b, 99)), max: r2(b[b.length - 1] ?? NaN) },
        handlersMs: Math.round(handlersMs),
      };
    },
  };
}

/**
 * Counts the statements node-postgres sends, by first keyword (select, insert,
 * begin, savepoint …), from every client of this process: use it while only
 * the background work runs. PGlite is not counted (null).
 */
export function countStatements(kind: 'postgres' | 'pglite'): { stop(): Record<string, number> | null } {
  if (kind !== 'postgres') return { stop: () => null };
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const counts: Record<string, number> = {};
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0];
    const text = typeof q === 'string' ? q : (q as { text?: string } | null)?.text ?? '';
    const word = (/^\s*(\w+)/.exec(text)?.[1] ?? '?').toLowerCase();
    counts[word] = (counts[word] ?? 0) + 1;
    return original.apply(this, a);
  };
  return {
    stop() {
      proto.query = original;
      return counts;
    },
  };
}
