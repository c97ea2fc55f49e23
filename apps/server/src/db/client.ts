import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, or the database itself: use cases accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DbOptions {
  databaseUrl?: string;
  /** directory for the embedded database; 'memory://' for tests */
  dataDir: string;
  poolSize?: number;
}

export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    // an idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query
    pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  let dataDir = opts.dataDir;
  if (dataDir !== 'memory://') {
    dataDir = path.resolve(dataDir);
    mkdirSync(path.dirname(dataDir), { recursive: true });
  }
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

/** Rows of a raw `db.execute(sql...)`: both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Like queryRows, as a named prepared statement on PostgreSQL: each connection
 * parses and plans the statement once and afterwards only binds parameters —
 * for hot statements whose text is long and whose shape repeats (intake). The
 * name carries a hash of the text, so each shape of a statement built from
 * parts is its own prepared statement. PGlite runs it as a plain query.
 * Only outside a transaction (it takes a pool connection of its own).
 */
export async function queryPrepared<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (!(client instanceof pg.Pool)) return queryRows<T>(db, query);
  const { sql: text, params } = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query);
  const result = await client.query({ name: `${name}_${statementHash(text)}`, text, values: params as unknown[] });
  return result.rows as T[];
}

/**
 * A statement whose text never changes, compiled once: `run(values)` sends
 * only the values — as a named prepared statement on PostgreSQL, as a plain
 * query on PGlite. For the hottest statement (intake), where even building the
 * text per call shows in a profile.
 */
export function compiledStatement<T>(db: Db, name: string, query: SQL): (values: unknown[]) => Promise<T[]> {
  const { sql: text } = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query);
  const client = (db as unknown as { $client: unknown }).$client;
  const named = `${name}_${statementHash(text)}`;
  if (client instanceof pg.Pool) return async (values) => (await client.query({ name: named, text, values })).rows as T[];
  const embedded = client as PGlite;
  return async (values) => (await embedded.query<T>(text, values)).rows;
}

/** PostgreSQL through a pool (several statements at a time), not the embedded engine (one at a time). */
export function usesPool(db: Db): boolean {
  return (db as unknown as { $client: unknown }).$client instanceof pg.Pool;
}

const hashes = new Map<string, string>();
function statementHash(text: string): string {
  let h = hashes.get(text);
  if (!h) {
    h = createHash('sha1').update(text).digest('hex').slice(0, 12);
    if (hashes.size < 1000) hashes.set(text, h);
  }
  return h;
}

/**
 * A JS array as ONE parameter (a PostgreSQL array), for `= any(${pgArray(pgArray(ids))}::uuid[])`:
 * a plain array in a drizzle template expands into a list of parameters instead.
 */
export function pgArray(values: readonly unknown[]): SQL {
  return sql`${sql.param(values)}`;
}
