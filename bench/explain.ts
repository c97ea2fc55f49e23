// EXPLAIN ANALYZE of the exact SQL the app runs for each read: the app's own
// query functions run on a drizzle instance that records the statement, which
// is then explained with its parameters on the same database.

import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { ticketQuery } from '@kefu/shared/api';
import type { Database, Db } from '../apps/server/src/db/client.ts';
import * as schema from '../apps/server/src/db/schema/index.ts';
import { listTickets } from '../apps/server/src/modules/tickets/list-tickets.ts';
import { findCustomers } from '../apps/server/src/modules/customers/find-customers.ts';
import { loadPrincipal } from '../apps/server/src/platform/auth/sessions.ts';
import type { Org } from './org.ts';
import { Rng } from './random.ts';
import { readRequest, type ReadKind } from './measure.ts';

export interface Explained { sql: string; params: unknown[]; plan: string; ms: number }

type Client = { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

export function recording(database: Database): { db: Db; take(): { sql: string; params: unknown[] }[]; client: Client } {
  let seen: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (q: string, params: unknown[]) => void seen.push({ sql: q, params }) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db = (database.kind === 'postgres'
    ? drizzlePg(client as pg.Pool, { schema, logger })
    : drizzlePglite(client as PGlite, { schema, logger })) as unknown as Db;
  return { db, client: client as Client, take: () => { const s = seen; seen = []; return s; } };
}

export async function explainReads(database: Database, org: Org, phones: string[]): Promise<Record<ReadKind, Explained>> {
  const rec = recording(database);
  const rng = new Rng(7);
  const principals: Record<string, Awaited<ReturnType<typeof loadPrincipal>>> = {};
  const principal = async (user: string) => (principals[user] ??= await loadPrincipal(database.db, org.users[user].id, 'bench'))!;
  const out = {} as Record<ReadKind, Explained>;

  const explain = async (kind: ReadKind, run: () => Promise<unknown>) => {
    rec.take();
    await run();
    const [q] = rec.take(); // the main statement (customer lookups then check duplicates)
    const t = performance.now();
    const r = await rec.client.query(`explain (analyze, buffers) ${q.sql}`, q.params);
    const ms = performance.now() - t;
    out[kind] = { sql: q.sql, params: q.params, plan: r.rows.map((x) => String(Object.values(x)[0])).join('\n'), ms };
  };

  for (const kind of ['queue', 'filtered', 'phone', 'last4', 'text'] as const) {
    const req = readRequest(kind, rng, phones);
    const url = new URL(req.path, 'http://x');
    const params = Object.fromEntries(url.searchParams);
    const viewer = await principal(req.user);
    if (kind === 'phone' || kind === 'last4') {
      await explain(kind, () => findCustomers(rec.db, params.q, 20, undefined, true));
    } else {
      const query = ticketQuery.parse(params);
      await explain(kind, () => listTickets(rec.db, viewer, query));
      if (kind === 'filtered') {
        const first = await listTickets(database.db, viewer, query);
        if (first.nextCursor) await explain('filteredPage2', () => listTickets(rec.db, viewer, { ...query, cursor: first.nextCursor! }));
      }
    }
  }
  return out;
}
