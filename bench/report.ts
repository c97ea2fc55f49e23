// The results table, with the targets, and the JSON file of a run.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateResult } from './create-load.ts';
import type { Explained } from './explain.ts';
import type { LoadResult } from './load-data.ts';
import type { ReadKind, Stats } from './measure.ts';
import type { EvalResult, InstalledRules } from './rules.ts';
import type { DrainResult } from './drain.ts';
import type { BareResult } from './bare-insert.ts';
import type { PostStatements } from './post-statements.ts';
import { NOTIFY_TARGET_MS, type NotifyResult } from './notify-latency.ts';
import { CALLBACK_READS, describeLoad, type CallbackReadKind, type CallbackResult } from './callbacks.ts';

/** the background phases: rules, their evaluation, the drain of the creation backlog, notification latency under load */
export interface BackgroundResult {
  rules: InstalledRules;
  evaluation: EvalResult;
  drain: DrainResult;
  notify: NotifyResult;
}

export interface DbResult {
  db: 'postgres' | 'pglite';
  size: number;
  location: string;
  serverVersion: string;
  /** 1-minute load average of the machine: other processes compete for the cores */
  loadAverage: { beforeCreate: number; afterReads: number };
  /** which index definitions were in place */
  indexes: string;
  load: Omit<LoadResult, 'phones'>;
  /** the same load against a bare one-row INSERT route (Fastify + the same pool), same run */
  bare: BareResult;
  create: CreateResult;
  /** the SQL statements (round trips) of one real POST /api/v1/tickets, counted at the driver */
  statementsPerCreate: PostStatements;
  reads: Record<ReadKind, Stats>;
  explain: Partial<Record<ReadKind, Explained>>;
  background: BackgroundResult | null;
  /** the callback phase: generated callbacks and surveys, list / report latencies, their plans (null with --skip-callbacks) */
  callbacks: CallbackResult | null;
  checks: Check[];
}

export interface Check { name: string; target: string; value: string; pass: boolean; appliesAtThisSize: boolean }

export const TARGET_SIZE = 1_000_000;
export const READ_TARGET_MS = 50;
export const CREATE_TARGET_PER_S = 2000;
/** creation throughput as a share of the bare one-row INSERT of the same run */
export const CREATE_TARGET_RATIO = 0.45;
export const CREATE_P99_TARGET_MS = 100;
/** reads with a latency target */
export const TARGETED_READS: ReadKind[] = ['queue', 'filtered', 'phone'];
/** p99 targets of the callback reads at TARGET_SIZE: the lists like the other reads; the reports aggregate tens of thousands of callbacks */
export const CALLBACK_TARGET_MS: Record<CallbackReadKind, number> = {
  cbMine: READ_TARGET_MS, cbOverdue: READ_TARGET_MS, cbReportAgent: 500, cbReportPolicy: 500, cbTrend: 500,
};

export function checksFor(r: Omit<DbResult, 'checks'>): Check[] {
  const checks: Check[] = [];
  const ratio = r.create.createdPerSecond / (r.bare.insertedPerSecond || 1);
  if (r.db === 'postgres') {
    checks.push({
      name: 'create', target: `≥ ${CREATE_TARGET_PER_S.toLocaleString('en-US')}/s`, value: `${Math.round(r.create.createdPerSecond)}/s`,
      pass: r.create.createdPerSecond >= CREATE_TARGET_PER_S, appliesAtThisSize: true,
    });
    checks.push({
      name: 'create p99', target: `< ${CREATE_P99_TARGET_MS} ms`, value: `${r.create.latency.p99} ms`,
      pass: r.create.latency.p99 < CREATE_P99_TARGET_MS, appliesAtThisSize: true,
    });
  }
  checks.push({
    name: 'create / bare', target: `≥ ${Math.round(CREATE_TARGET_RATIO * 100)} %`, value: `${(ratio * 100).toFixed(1)} %`,
    pass: ratio >= CREATE_TARGET_RATIO, appliesAtThisSize: true,
  });
  checks.push({
    name: 'create timeouts', target: '0 timeouts, 0 errors', value: `${r.create.timeouts} timeouts, ${r.create.errors} errors`,
    pass: r.create.timeouts === 0 && r.create.errors === 0 && r.create.non2xx === 0, appliesAtThisSize: true,
  });
  for (const k of TARGETED_READS) {
    checks.push({
      name: `${k} p99`, target: `< ${READ_TARGET_MS} ms at ${TARGET_SIZE.toLocaleString('en-US')}`, value: `${r.reads[k].p99} ms`,
      pass: r.reads[k].p99 < READ_TARGET_MS, appliesAtThisSize: r.size >= TARGET_SIZE,
    });
  }
  if (r.callbacks) {
    for (const k of CALLBACK_READS) {
      const v = r.callbacks.reads[k];
      checks.push({
        name: `${k} p99`, target: `< ${CALLBACK_TARGET_MS[k]} ms at ${TARGET_SIZE.toLocaleString('en-US')}`, value: `${v.p99} ms`,
        pass: v.p99 < CALLBACK_TARGET_MS[k] && v.errors === 0, appliesAtThisSize: r.size >= TARGET_SIZE,
      });
    }
  }
  if (r.background) {
    const n = r.background.notify;
    checks.push({
      name: 'notify p99', target: `< ${NOTIFY_TARGET_MS.toLocaleString('en-US')} ms, all notified`,
      value: `${n.p99WithMissing} ms, ${n.probesNotified}/${n.probesSent} notified`,
      pass: n.p99WithMissing < NOTIFY_TARGET_MS && n.probesNotified === n.probesSent && n.probesSent > 0, appliesAtThisSize: true,
    });
  }
  return checks;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toString()) : '—');

function mark(r: DbResult, name: string): string {
  const c = r.checks.find((x) => x.name === name);
  if (!c) return '';
  const verdict = c.pass ? 'PASS' : 'FAIL';
  return c.appliesAtThisSize ? `  ${verdict} (${c.target})` : `  ${verdict}* (${c.target})`;
}

export function formatTable(results: DbResult[], opts: { concurrency: number; duration: number; samples: number }): string {
  const rows: [string, ...string[]][] = [];
  const add = (label: string, f: (r: DbResult) => string) => rows.push([label, ...results.map(f)]);
  add('db', (r) => `${r.db} (${r.serverVersion})`);
  add('work orders loaded', (r) => n0(r.size));
  add('indexes', (r) => r.indexes);
  add('load total', (r) => `${r.load.totalSeconds.toFixed(1)} s`);
  add('  insert / indexes / vacuum', (r) => `${r.load.insertSeconds.toFixed(1)} / ${r.load.indexSeconds.toFixed(1)} / ${r.load.vacuumSeconds.toFixed(1)} s`);
  add('  insert rate', (r) => `${n0(r.load.rowsPerSecond)} work orders/s (+ events, customers)`);
  add(`bare one-row INSERT, c=${opts.concurrency}, ${opts.duration} s`, (r) => `${n0(r.bare.insertedPerSecond)}/s, p50 / p99 ${ms(r.bare.latency.p50)} / ${ms(r.bare.latency.p99)} ms${r.bare.verified ? '' : ' NOT VERIFIED'}`);
  add(`create, c=${opts.concurrency}, ${opts.duration} s (201/s)`, (r) => `${n0(r.create.createdPerSecond)}/s${mark(r, 'create')}`);
  add('  create / bare INSERT', (r) => `${((r.create.createdPerSecond / (r.bare.insertedPerSecond || 1)) * 100).toFixed(1)} %${mark(r, 'create / bare')}`);
  add('  create latency p50 / p99', (r) => `${ms(r.create.latency.p50)} / ${ms(r.create.latency.p99)} ms${mark(r, 'create p99')}`);
  add('  non-2xx / errors / timeouts', (r) => `${r.create.non2xx} / ${r.create.errors} / ${r.create.timeouts}${mark(r, 'create timeouts')}`);
  add('  statements per POST (driver)', (r) => (r.statementsPerCreate.total === null ? '— (not counted on PGlite)'
    : `${r.statementsPerCreate.total} (${Object.entries(r.statementsPerCreate.counts!).map(([k, v]) => `${k} ${v}`).join(', ')})`));
  add('  verified in database', (r) => (r.create.verified ? `yes: +${n0(r.create.ticketsAfter - r.create.ticketsBefore)}` : `NO: ${r.create.verification}`));
  const read = (label: string, k: ReadKind) =>
    add(label, (r) => `${ms(r.reads[k].p50)} / ${ms(r.reads[k].p99)} ms${mark(r, `${k} p99`)}`);
  read(`queue view p50 / p99 (n=${opts.samples})`, 'queue');
  read('filtered list p50 / p99', 'filtered');
  read('  filtered page 2 p50 / p99', 'filteredPage2');
  read('phone lookup p50 / p99', 'phone');
  read('last-4 lookup p50 / p99', 'last4');
  read('text search 异味 p50 / p99', 'text');
  add('load avg before create / after reads', (r) => `${r.loadAverage.beforeCreate.toFixed(2)} / ${r.loadAverage.afterReads.toFixed(2)}`);
  add('max of all reads', (r) => `${ms(Math.max(...Object.values(r.reads).map((s) => s.max)))} ms`);
  if (results.some((r) => r.callbacks)) {
    const cb = (f: (c: CallbackResult, r: DbResult) => string) => (r: DbResult) => (r.callbacks ? f(r.callbacks, r) : '—');
    add('callbacks generated', cb((c) => describeLoad(c.load)));
    add('  open per agent', cb((c) => Object.entries(c.load.openByUser).map(([u, n]) => `${u} ${n0(n)}`).join(', ')));
    const cbRead = (label: string, k: CallbackReadKind) => add(label, cb((c, r) => {
      const v = c.reads[k];
      const agg = v.avgAggregated === null ? '' : `, ~${n0(v.avgAggregated)} summed`;
      return `${ms(v.p50)} / ${ms(v.p99)} / ${ms(v.max)} ms (${v.avgItems} rows${agg}${v.errors ? `, ${v.errors} errors` : ''})${mark(r, `${k} p99`)}`;
    }));
    cbRead(`my callbacks, open p50 / p99 / max (n=${opts.samples})`, 'cbMine');
    cbRead('all overdue callbacks p50 / p99 / max', 'cbOverdue');
    cbRead('callback report 30 d by agent', 'cbReportAgent');
    cbRead('callback report 90 d by policy', 'cbReportPolicy');
    cbRead('satisfaction trend 90 d by week', 'cbTrend');
  }
  if (results.some((r) => r.background)) {
    const bg = (f: (b: BackgroundResult, r: DbResult) => string) => (r: DbResult) => (r.background ? f(r.background, r) : '—');
    const us = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toString());
    add('rules enabled (template + bench)', bg((b) => `${b.rules.active} (${b.rules.templateRules} + ${b.rules.added})`));
    add('  evaluateRules, pure, p50 / p99', bg((b) => `${us(b.evaluation.us.p50)} / ${us(b.evaluation.us.p99)} µs per event (${n0(b.evaluation.eventsPerSecond)} events/s, 1 core)`));
    add('  rules firing per event', bg((b) => `created ${b.evaluation.firedPerEvent.created} / updated ${b.evaluation.firedPerEvent.updated} (of ${b.evaluation.activeRules}; ${n0(b.evaluation.events)} synthetic events)`));
    add('consumer drain of the creation backlog', bg((b) => `${n0(b.drain.workOrders)} work orders (${n0(b.drain.outboxEvents)} events) in ${b.drain.seconds.toFixed(1)} s: ${n0(b.drain.workOrdersPerSecond)}/s, ${ms(b.drain.msPerWorkOrder)} ms each${b.drain.skipped ? ` (${n0(b.drain.skipped)} more skipped)` : ''}`));
    add('  of which CPU of the app process', bg((b, r) => `${ms(b.drain.nodeCpuMsPerWorkOrder)} ms per work order${r.db === 'pglite' ? ' (PGlite included: it runs inside)' : ' (the rest: PostgreSQL and waiting)'}`));
    add('  consumer batches p50 / p99', bg((b) => `${ms(b.drain.timings.batches.p50)} / ${ms(b.drain.timings.batches.p99)} ms (${n0(b.drain.timings.batches.count)} batches, ${Math.round(b.drain.timings.batches.events / (b.drain.timings.batches.count || 1))} events each)`));
    add('  per event: routing / sla / callbacks', bg((b) => ['routing', 'sla', 'callbacks'].map((h) => { const v = b.drain.timings.byHandler[h]; return v ? `${h} ${v.msPerItem < 1 ? v.msPerItem.toFixed(2) : ms(v.msPerItem)}` : `${h} —`; }).join(', ') + ' ms'));
    add('  jobs (deliveries, timers)', bg((b) => `${Object.entries(b.drain.timings.byJob).map(([k, v]) => `${k} ${n0(v.calls)} × ${ms(v.msPerItem)} ms`).join(', ') || '—'}; claim/write/commit ${n0(b.drain.runnerOverheadMs)} ms in all`));
    add('  rules fired / notifications', bg((b) => `${n0(b.drain.rulesFired)} / ${n0(b.drain.notifications)} (${(b.drain.rulesFired / (b.drain.workOrders || 1)).toFixed(1)} rules per work order)`));
    add('  statements per work order (consumer + jobs)', bg((b) => (b.drain.statementsPerWorkOrder === null ? '— (not counted on PGlite)'
      : `${b.drain.statementsPerWorkOrder.toFixed(2)} (${Object.entries(b.drain.statements!).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${(v / (b.drain.workOrders || 1)).toFixed(2)}`).join(', ')})`)));
    add(`created → notification, c=${opts.concurrency} load${results.some((r) => r.background?.notify.loadRate) ? ' (capped)' : ''}`, bg((b, r) => {
      const n = b.notify;
      const missing = n.probesSent - n.probesNotified;
      return `p50 / p99 / max ${ms(n.latency.p50)} / ${ms(n.latency.p99)} / ${ms(n.latency.max)} ms${missing ? ` of the notified; p99 of all ${Number.isFinite(n.p99WithMissing) ? `${ms(n.p99WithMissing)} ms` : '∞ (missing)'}` : ''}${mark(r, 'notify p99')}`;
    }));
    add('  probes notified / sent', bg((b) => {
      const n = b.notify;
      const lost = [n.probesUnanswered ? `${n.probesUnanswered} POSTs unanswered` : '', n.probesSent - n.probesCreated - n.probesUnanswered ? `${n.probesSent - n.probesCreated - n.probesUnanswered} not 201` : ''].filter(Boolean).join(', ');
      return `${n.probesNotified} / ${n.probesSent}${lost ? ` (${lost})` : ''}; one every ${n.intervalMs} ms to ${n.watcher}, waited ${(n.waitedMs / 1000).toFixed(1)} s after the load`;
    }));
    add('  same probes without load, p50 / p99', bg((b) => (b.notify.idle
      ? `${ms(b.notify.idle.latency.p50)} / ${ms(b.notify.idle.latency.p99)} ms (${b.notify.idle.probesNotified} / ${b.notify.idle.probesSent} notified in ${b.notify.idle.seconds} s)` : '—')));
    add('  probe POST → 201 / 201 → notice p99', bg((b) => `${ms(b.notify.post.p99)} / ${ms(b.notify.after201.p99)} ms`));
    add('  create meanwhile, consumer and intake gate on (201/s)', bg((b) => `${n0(b.notify.create.createdPerSecond)}/s${b.notify.loadRate ? ` (capped at ${b.notify.loadRate} requests/s)` : ''}, p50 / p99 ${ms(b.notify.create.latency.p50)} / ${ms(b.notify.create.latency.p99)} ms${b.notify.create.verified ? '' : ' NOT VERIFIED'}`));
    add('  unhandled events max / at load end', bg((b) => `${n0(b.notify.backlogMax.outbox)} / ${n0(b.notify.atLoadEnd.outbox)}; due jobs max ${n0(b.notify.backlogMax.jobs)}`));
    add('  oldest unhandled event: max / at load end', bg((b) => `${b.notify.backlogMax.oldestS.toFixed(1)} s / ${b.notify.atLoadEnd.oldestS.toFixed(1)} s`));
    add('  consumer meanwhile: batches p50 / p99', bg((b) => {
      const t = b.notify.timings;
      return `${ms(t.batches.p50)} / ${ms(t.batches.p99)} ms (${n0(t.batches.count)} batches, ${Math.round(t.batches.events / (t.batches.count || 1))} events each)`;
    }));
    add('  event-loop delay p99: alone / under load', bg((b) => `${b.notify.eventLoopDelay.idle ? ms(b.notify.eventLoopDelay.idle.p99) : '—'} / ${ms(b.notify.eventLoopDelay.load.p99)} ms (HTTP and consumer share the app's loop)`));
    add('load avg: drain / notification phase', bg((b) => `${b.drain.loadAverage.before.toFixed(2)} / ${b.notify.loadAverage.before.toFixed(2)} → ${b.notify.loadAverage.after.toFixed(2)}`));
  }

  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => [...row[i]].length + (row[i].match(/[\u4e00-\u9fff]/g)?.length ?? 0))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length - (s.match(/[\u4e00-\u9fff]/g)?.length ?? 0)));
  const lines = rows.map((row) => row.map((cell, i) => pad(cell, widths[i])).join('  │  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('──┼──'));
  const note = results.some((r) => r.checks.some((c) => !c.appliesAtThisSize))
    ? `\n* read targets apply at ${n0(TARGET_SIZE)} work orders; shown for reference at this size`
    : '';
  return lines.join('\n') + note +
    '\nLoad generator (autocannon, a child process) and server share the 2 cores; reads are sequential, measured at the client.';
}

/** bench/results/<run start>-<suffix> */
export function resultFile(suffix: string, startedAt: Date): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${suffix}`);
}

export function writeResults(payload: unknown, startedAt: Date): string {
  const file = resultFile('', startedAt).replace(/-$/, '.json');
  writeFileSync(file, JSON.stringify(payload, null, 2));
  return file;
}
