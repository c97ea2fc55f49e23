// A throw-away database per run: a dedicated PostgreSQL database (never the
// one DATABASE_URL names) or an embedded PGlite in a fresh temp directory.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../apps/server/src/db/client.ts';
import { copyIn } from './pg-copy.ts';

export type DbKind = 'pglite' | 'postgres';

/** Runs SQL outside the app: node-postgres clients, or the PGlite instance itself. */
export interface SqlRunner {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** COPY rows in text format (tab-separated, \\N for null) into table(columns) */
  copyFrom(table: string, columns: string[], text: string): Promise<void>;
}

export interface BenchDatabase {
  kind: DbKind;
  /** where it lives, for the report */
  location: string;
  /** PostgreSQL: the connection string of the throw-away database */
  url?: string;
  database: Database;
  /** `n` independent sessions for bulk work (PGlite has one: the same instance n times) */
  sessions(n: number): Promise<SqlRunner[]>;
  /** closes the app's connections and deletes the database (or only closes, with keep) */
  destroy(opts?: { keep?: boolean }): Promise<void>;
}

function copySql(table: string, columns: string[], source: string): string {
  return `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from ${source}`;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** poolSize: the app's connection pool; undefined keeps the app's default, as apps/server/src/main.ts does */
export async function createBenchDatabase(kind: DbKind, poolSize?: number): Promise<BenchDatabase> {
  return kind === 'postgres' ? createPostgres(poolSize) : createPglite();
}

async function createPostgres(poolSize?: number): Promise<BenchDatabase> {
  const base = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL;
  const name = `kefu_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize });
  // pool.end() resolves before its sockets are closed; the forced drop may then
  // terminate a closing connection, which the pool reports as an error event
  (database.db as unknown as { $client: pg.Pool }).$client.on('error', () => {});
  const clients: pg.Client[] = [];
  let destroyed = false;
  return {
    kind: 'postgres',
    url,
    location: (() => { const shown = new URL(url); shown.password = ''; return shown.toString(); })(),
    database,
    async sessions(n) {
      const out: SqlRunner[] = [];
      for (let i = 0; i < n; i++) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        clients.push(c);
        out.push({
          query: (sql, params) => c.query(sql, params) as never,
          copyFrom: (table, columns, text) => copyIn(c, copySql(table, columns, 'stdin'), text),
        });
      }
      return out;
    },
    async destroy(opts) {
      if (destroyed) return;
      destroyed = true;
      await Promise.allSettled(clients.map((c) => c.end()));
      await database.close().catch(() => {});
      if (!opts?.keep) await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function createPglite(): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-'));
  const dataDir = path.join(dir, 'pgdata');
  const database = await openDatabase({ dataDir });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  let destroyed = false;
  return {
    kind: 'pglite',
    location: dataDir,
    database,
    async sessions(n) {
      const runner: SqlRunner = {
        query: (sql, params) => client.query(sql, params) as never,
        copyFrom: async (table, columns, text) => {
          await client.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
        },
      };
      return Array.from({ length: n }, () => runner);
    },
    async destroy(opts) {
      if (destroyed) return;
      destroyed = true;
      await database.close().catch(() => {});
      if (!opts?.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
