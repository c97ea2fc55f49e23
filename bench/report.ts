// The results table, with the targets, and the JSON file of a run.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateResult } from './create-load.ts';
import type { Explained } from './explain.ts';
import type { LoadResult } from './load-data.ts';
import type { ReadKind, Stats } from './measure.ts';

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
  create: CreateResult;
  /** the SQL statements (round trips) of one work-order creation, as the app issues them */
  statementsPerCreate: string[];
  reads: Record<ReadKind, Stats>;
  explain: Partial<Record<ReadKind, Explained>>;
  checks: Check[];
}

export interface Check { name: string; target: string; value: string; pass: boolean; appliesAtThisSize: boolean }

export const TARGET_SIZE = 1_000_000;
export const READ_TARGET_MS = 50;
export const CREATE_TARGET_PER_S = 2000;
/** reads with a latency target */
export const TARGETED_READS: ReadKind[] = ['queue', 'filtered', 'phone'];

export function checksFor(r: Omit<DbResult, 'checks'>): Check[] {
  const checks: Check[] = [];
  if (r.db === 'postgres') {
    checks.push({
      name: 'create', target: `≥ ${CREATE_TARGET_PER_S.toLocaleString('en-US')}/s`, value: `${Math.round(r.create.createdPerSecond)}/s`,
      pass: r.create.createdPerSecond >= CREATE_TARGET_PER_S, appliesAtThisSize: true,
    });
  }
  for (const k of TARGETED_READS) {
    checks.push({
      name: `${k} p99`, target: `< ${READ_TARGET_MS} ms at ${TARGET_SIZE.toLocaleString('en-US')}`, value: `${r.reads[k].p99} ms`,
      pass: r.reads[k].p99 < READ_TARGET_MS, appliesAtThisSize: r.size >= TARGET_SIZE,
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
  add(`create, c=${opts.concurrency}, ${opts.duration} s (201/s)`, (r) => `${n0(r.create.createdPerSecond)}/s${mark(r, 'create')}`);
  add('  create latency p50 / p99', (r) => `${ms(r.create.latency.p50)} / ${ms(r.create.latency.p99)} ms`);
  add('  non-2xx / errors / timeouts', (r) => `${r.create.non2xx} / ${r.create.errors} / ${r.create.timeouts}`);
  add('  statements per create', (r) => `${r.statementsPerCreate.length} round trips`);
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

export function writeResults(payload: unknown, startedAt: Date): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(payload, null, 2));
  return file;
}
