// The floor the creation figure is compared with: the same autocannon load
// (same bodies, connections and duration) against a bare Fastify route that
// parses the JSON and INSERTs it as one row — no auth, no schema, no
// validation, no customer, no events — through a pool of the app's size
// (PostgreSQL) or the same embedded PGlite instance. Run in this process, as
// the app's server is, so both share the machine the same way.

import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../apps/server/src/db/client.ts';
import { forkLoad } from './create-load.ts';

export interface BareResult {
  insertedPerSecond: number;
  inserted: number;
  latency: { p50: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** rows in the table afterwards = 201 responses */
  verified: boolean;
}

type Run = (text: string, params: unknown[]) => Promise<unknown>;

export async function runBareInsert(database: Database, opts: { url?: string; poolSize?: number; duration: number; connections: number }): Promise<BareResult> {
  let run: Run;
  let close = async () => {};
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 20 });
    run = (text, params) => pool.query(text, params);
    close = () => pool.end();
  } else {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    run = (text, params) => client.query(text, params);
  }
  await run('create table if not exists bench_bare (id bigserial primary key, phone text, body jsonb not null, created_at timestamptz not null default now())', []);
  await run('truncate bench_bare', []);

  const app = Fastify({ logger: false });
  app.post('/bare', async (req, reply) => {
    const body = req.body as { customer?: { phone?: string } };
    await run('insert into bench_bare (phone, body) values ($1, $2)', [body.customer?.phone ?? null, body]);
    return reply.code(201).send({ ok: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  try {
    const out = await forkLoad({ baseUrl: `http://127.0.0.1:${port}`, token: 'none', duration: opts.duration, connections: opts.connections, path: '/bare' });
    const rows = (await run('select count(*)::int as n from bench_bare', [])) as { rows: { n: number }[] };
    const inserted = out.created as number;
    return {
      insertedPerSecond: inserted / out.seconds,
      inserted,
      latency: out.latency,
      non2xx: out.non2xx,
      errors: out.errors,
      timeouts: out.timeouts,
      verified: rows.rows[0].n >= inserted,
    };
  } finally {
    await app.close();
    await run('drop table if exists bench_bare', []).catch(() => {});
    await close();
  }
}
