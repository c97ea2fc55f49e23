// Timing of the app's background work, on one Services instance only: each
// event handler (routing, SLA, callbacks) per batch, each consumer batch
// (claim → handlers → one write per table → commit → pushes), and each job
// handler (deliveries, timers); stop() puts the originals back. Nothing in the
// app is changed.

import pg from 'pg';
import type { Services } from '../apps/server/src/services.ts';
import type { JobHandler } from '../apps/server/src/platform/jobs/job-runner.ts';
import type { EventHandler } from '../apps/server/src/platform/events/event-consumer.ts';

export interface KindStats { calls: number; items: number; totalMs: number; msPerItem: number; p50: number; p99: number; max: number }

export interface Instrumented {
  /** event handlers: calls = batches they took part in, items = events they got */
  byHandler: Record<string, KindStats>;
  /** job handlers by kind: calls = items = jobs */
  byJob: Record<string, KindStats>;
  /** consumer batches that handled at least one event: each commits once, then pushes its notifications */
  batches: { count: number; events: number; totalMs: number; p50: number; p99: number; max: number };
  /** time inside event and job handlers */
  handlersMs: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
const r2 = (x: number) => Math.round(x * 100) / 100;

function stats(list: { ms: number; items: number }[]): KindStats {
  const s = list.map((x) => x.ms).sort((a, b) => a - b);
  const total = s.reduce((a, b) => a + b, 0);
  const items = list.reduce((a, b) => a + b.items, 0);
  return { calls: s.length, items, totalMs: Math.round(total), msPerItem: r2(total / (items || 1)), p50: r2(percentile(s, 50)), p99: r2(percentile(s, 99)), max: r2(s[s.length - 1] ?? NaN) };
}

export function jobHandlersOf(services: Services): Map<string, JobHandler> {
  return (services.runner as unknown as { handlers: Map<string, JobHandler> }).handlers;
}

function eventHandlersOf(services: Services): EventHandler[] {
  return (services.consumer as unknown as { handlers: EventHandler[] }).handlers;
}

export function instrument(services: Services): { stop(): Instrumented } {
  const jobs = jobHandlersOf(services);
  const jobOriginals = new Map(jobs);
  const jobTimes = new Map<string, { ms: number; items: number }[]>();
  for (const [kind, h] of jobOriginals) {
    const list: { ms: number; items: number }[] = [];
    jobTimes.set(kind, list);
    jobs.set(kind, async (tx, payload, job) => {
      const t = performance.now();
      try {
        await h(tx, payload, job);
      } finally {
        list.push({ ms: performance.now() - t, items: 1 });
      }
    });
  }
  const handlers = eventHandlersOf(services);
  const originals = [...handlers];
  const handlerTimes = new Map<string, { ms: number; items: number }[]>();
  handlers.forEach((h, i) => {
    const list: { ms: number; items: number }[] = [];
    handlerTimes.set(h.name, list);
    handlers[i] = {
      name: h.name, types: h.types,
      async handle(work, events) {
        const t = performance.now();
        try {
          await h.handle(work, events);
        } finally {
          list.push({ ms: performance.now() - t, items: events.length });
        }
      },
    };
  });
  const consumer = services.consumer;
  const hadOwnRunOnce = Object.prototype.hasOwnProperty.call(consumer, 'runOnce');
  const runOnceOriginal = consumer.runOnce;
  const batches: { ms: number; items: number }[] = [];
  consumer.runOnce = async () => {
    const t = performance.now();
    const n = await runOnceOriginal.call(consumer);
    if (n > 0) batches.push({ ms: performance.now() - t, items: n });
    return n;
  };
  return {
    stop() {
      for (const [kind, h] of jobOriginals) jobs.set(kind, h);
      originals.forEach((h, i) => (handlers[i] = h));
      if (hadOwnRunOnce) consumer.runOnce = runOnceOriginal;
      else delete (consumer as { runOnce?: unknown }).runOnce;
      const byJob: Record<string, KindStats> = {};
      const byHandler: Record<string, KindStats> = {};
      let handlersMs = 0;
      for (const [kind, list] of jobTimes) if (list.length) handlersMs += (byJob[kind] = stats(list)).totalMs;
      for (const [name, list] of handlerTimes) if (list.length) handlersMs += (byHandler[name] = stats(list)).totalMs;
      const b = stats(batches);
      return {
        byHandler,
        byJob,
        batches: { count: b.calls, events: b.items, totalMs: b.totalMs, p50: b.p50, p99: b.p99, max: b.max },
        handlersMs,
      };
    },
  };
}

/**
 * Counts the statements node-postgres sends, by first keyword (select, insert,
 * begin, commit …), from every client of this process, and keeps their texts:
 * use it while only the work being measured runs. PGlite is not counted (null).
 */
export function countStatements(kind: 'postgres' | 'pglite'): { stop(): { counts: Record<string, number>; texts: string[] } | null } {
  if (kind !== 'postgres') return { stop: () => null };
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const counts: Record<string, number> = {};
  const texts: string[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0];
    const text = typeof q === 'string' ? q : (q as { text?: string } | null)?.text ?? '';
    const word = (/^\s*(\w+)/.exec(text)?.[1] ?? '?').toLowerCase();
    counts[word] = (counts[word] ?? 0) + 1;
    if (texts.length < 10_000) texts.push(text.replace(/\s+/g, ' ').trim().slice(0, 160));
    return original.apply(this, a);
  };
  return {
    stop() {
      proto.query = original;
      return { counts, texts };
    },
  };
}

export const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
