// Bulk-loads customers, work orders and their 'created' events.
//
// Secondary indexes of the three tables are dropped first and recreated from
// the exact statements of the migration SQL afterwards; foreign-key triggers
// are skipped for the loading sessions (the generator only refers to rows it
// has made), then VACUUM ANALYZE leaves the tables as autovacuum would.
// Rows travel by COPY in text format, 2,500 work orders per batch; on
// PostgreSQL two sessions take turns while the next batch is generated.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDatabase, SqlRunner } from './databases.ts';
import { DataGenerator, type Batch } from './generate.ts';
import { checkSample } from './check-sample.ts';
import type { Org } from './org.ts';

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src/db/migrations');
const LOADED_TABLES = ['customers', 'tickets', 'ticket_events'];

export interface IndexDef { name: string; table: string; sql: string }

/** CREATE INDEX statements of the given tables (default: the loaded ones), verbatim from the migrations. */
export function migrationIndexes(tables: readonly string[] = LOADED_TABLES): IndexDef[] {
  const out = new Map<string, IndexDef>();
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    const text = readFileSync(path.join(MIGRATIONS, file), 'utf8');
    for (const stmt of text.split('--> statement-breakpoint')) {
      const s = stmt.trim().replace(/;\s*$/, '');
      const create = /^CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?"([^"]+)" ON "([^"]+)"/i.exec(s);
      if (create && tables.includes(create[2])) out.set(create[1], { name: create[1], table: create[2], sql: s });
      const drop = /^DROP INDEX (?:IF EXISTS )?"([^"]+)"/i.exec(s);
      if (drop) out.delete(drop[1]);
    }
  }
  return [...out.values()];
}

// ---------- COPY text format ----------

const SPECIAL = /[\\\t\n\r]/;

function field(v: string | number | null): string {
  if (v === null) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  return SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** Rows of the column arrays as COPY text: tab-separated, one line per row. */
function copyText(columns: string[], data: Record<string, readonly (string | number | null)[]>): string {
  const arrays = columns.map((c) => data[c]);
  const n = arrays[0].length;
  const lines = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    let line = field(arrays[0][i]);
    for (let j = 1; j < arrays.length; j++) line += '\t' + field(arrays[j][i]);
    lines[i] = line;
  }
  return lines.join('\n') + '\n';
}

const CUSTOMER_COLUMNS = 'id name phone phone_reversed address customer_class search_vector created_by_id created_at updated_at'.split(' ');
const TICKET_COLUMNS = 'id number type status priority channel subject customer_id fields form_version assignee_id team_id department_id created_by_id resolution search_vector created_at updated_at'.split(' ');
const EVENT_COLUMNS = 'id ticket_id actor_id action changes at'.split(' ');

async function insertBatch(s: SqlRunner, b: Batch): Promise<void> {
  if (b.customers.id.length) await s.copyFrom('customers', CUSTOMER_COLUMNS, copyText(CUSTOMER_COLUMNS, b.customers as never));
  await s.copyFrom('tickets', TICKET_COLUMNS, copyText(TICKET_COLUMNS, b.tickets as never));
  await s.copyFrom('ticket_events', EVENT_COLUMNS, copyText(EVENT_COLUMNS, b.events as never));
}

// ---------- the load ----------

export interface LoadResult {
  tickets: number;
  customers: number;
  events: number;
  insertSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  foreignKeyChecks: 'skipped' | 'enforced';
  /** phones of loaded customers, for lookups */
  phones: string[];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function loadData(bdb: BenchDatabase, org: Org, size: number, log: (s: string) => void): Promise<LoadResult> {
  const t0 = performance.now();
  const parallel = bdb.kind === 'postgres' ? 2 : 1;
  const sessions = await bdb.sessions(parallel);
  const indexes = migrationIndexes();
  const s0 = sessions[0];
  for (const ix of indexes) await s0.query(`drop index if exists "${ix.name}"`);

  let foreignKeyChecks: LoadResult['foreignKeyChecks'] = 'skipped';
  for (const s of sessions) {
    await s.query('set synchronous_commit = off');
    try {
      await s.query('set session_replication_role = replica');
    } catch {
      foreignKeyChecks = 'enforced'; // not a superuser: foreign keys are checked row by row
    }
  }

  const gen = new DataGenerator({ size, org, now: Date.now() });
  const batchSize = 2500;
  const inflight: Promise<void>[] = sessions.map(() => Promise.resolve());
  let failure: unknown = null;
  let k = 0;
  let nextReport = 0.1;
  let first = true;
  let customers = 0;
  while (!gen.done) {
    const b = gen.nextBatch(batchSize);
    if (first) {
      checkSample(b, org);
      first = false;
    }
    customers += b.customers.id.length;
    const slot = k++ % sessions.length;
    await inflight[slot];
    if (failure) throw failure;
    inflight[slot] = insertBatch(sessions[slot], b).catch((e) => {
      failure ??= e;
    });
    const done = Math.min(k * batchSize, size);
    if (done / size >= nextReport - 1e-9) {
      const secs = (performance.now() - t0) / 1000;
      log(`  ${bdb.kind}: ${Math.round((done / size) * 100)}%  ${fmt(done)} work orders  ${fmt(done / secs)} rows/s`);
      while (nextReport <= done / size + 1e-9) nextReport += 0.1;
    }
  }
  await Promise.all(inflight);
  if (failure) throw failure;
  const t1 = performance.now();
  log(`  ${bdb.kind}: inserted ${fmt(size)} work orders, ${fmt(customers)} customers, ${fmt(size)} events in ${((t1 - t0) / 1000).toFixed(1)} s; building ${indexes.length} indexes…`);

  for (const s of sessions) {
    await s.query('set session_replication_role = origin');
    await s.query(`set maintenance_work_mem = '${bdb.kind === 'postgres' ? '1GB' : '256MB'}'`);
    if (parallel > 1) await s.query('set max_parallel_maintenance_workers = 0');
  }
  // largest first, two at a time on PostgreSQL
  const weight = (ix: IndexDef) => (ix.sql.includes('USING gin') ? 3 : ix.table === 'tickets' ? 2 : 1);
  const queue = [...indexes].sort((a, b) => weight(b) - weight(a));
  await Promise.all(sessions.map(async (s) => {
    for (let ix = queue.shift(); ix; ix = queue.shift()) await s.query(ix.sql);
  }));
  const t2 = performance.now();
  log(`  ${bdb.kind}: indexes built in ${((t2 - t1) / 1000).toFixed(1)} s; vacuum analyze…`);

  const tables = ['tickets', 'ticket_events', 'customers'];
  await Promise.all(sessions.map(async (s) => {
    for (let t = tables.shift(); t; t = tables.shift()) await s.query(`vacuum (analyze) "${t}"`);
  }));
  const t3 = performance.now();
  // PGlite has a single session, which the app uses next: leave it as found
  for (const s of sessions) {
    for (const setting of ['synchronous_commit', 'maintenance_work_mem', 'max_parallel_maintenance_workers', 'session_replication_role']) {
      await s.query(`reset ${setting}`);
    }
  }

  const [counts] = (await s0.query<{ t: string; c: string; e: string }>(
    'select (select count(*) from tickets) as t, (select count(*) from customers) as c, (select count(*) from ticket_events) as e',
  )).rows;
  return {
    tickets: Number(counts.t),
    customers: Number(counts.c),
    events: Number(counts.e),
    insertSeconds: (t1 - t0) / 1000,
    indexSeconds: (t2 - t1) / 1000,
    vacuumSeconds: (t3 - t2) / 1000,
    totalSeconds: (t3 - t0) / 1000,
    rowsPerSecond: size / ((t1 - t0) / 1000),
    foreignKeyChecks,
    phones: gen.phones,
  };
}
