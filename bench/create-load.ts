// Creation throughput: autocannon in a child process (the server keeps this
// one), then a check that the work orders really were written.

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../apps/server/src/db/client.ts';
import type { CreateLoadInput } from './create-load-worker.ts';

export interface CreateResult {
  requestsPerSecond: number;
  /** 201 responses per second over the run */
  createdPerSecond: number;
  created: number;
  sent: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number; max: number; mean: number };
  statusCodeStats: Record<string, { count: number }>;
  failures: { status: number; body: string }[];
  seconds: number;
  ticketsBefore: number;
  ticketsAfter: number;
  customersGrowth: number;
  /** createdPhone numbers the load used: [from, to) */
  phones: { from: number; to: number };
  /** tickets grew by exactly the number of 201s (or by 201s plus requests cut off at the end) */
  verified: boolean;
  verification: string;
}

/** by: count only this user's rows created since then (others, or rules, may create work orders at the same time) */
async function counts(database: Database, by?: { userId: string; since: Date }): Promise<{ t: number; c: number }> {
  const [r] = await queryRows<{ t: string; c: string }>(database.db, by
    ? sql`select
        (select count(*) from tickets where parent_id is null and created_by_id = ${by.userId} and created_at >= ${by.since.toISOString()}) as t,
        (select count(*) from customers where created_by_id = ${by.userId} and created_at >= ${by.since.toISOString()}) as c`
    : sql`select (select count(*) from tickets where parent_id is null) as t, (select count(*) from customers) as c`);
  return { t: Number(r.t), c: Number(r.c) };
}

export interface CreateLoadOptions {
  /** the user id behind the token: verify by this user's work orders of this run only */
  createdBy?: string;
  /** called when autocannon is about to start */
  onStarted?: () => void;
}

/** Runs the autocannon worker in a child process and returns what it measured. */
export async function forkLoad(input: Omit<CreateLoadInput, 'seed'>, onStarted?: () => void): Promise<Record<string, any>> {
  const workerInput: CreateLoadInput = { ...input, seed: Math.floor(Math.random() * 2 ** 31) };
  const child = fork(fileURLToPath(new URL('./create-load-worker.ts', import.meta.url)), [JSON.stringify(workerInput)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<Record<string, any>>((resolve, reject) => {
    let got: Record<string, any> | null = null;
    child.on('message', (m) => {
      if ((m as { started?: boolean }).started) onStarted?.();
      else got = m as Record<string, any>;
    });
    child.once('error', reject);
    child.once('exit', (code) => (got ? resolve(got) : reject(new Error(`load process exited with ${code} and no result`))));
  });
}

export async function runCreateLoad(database: Database, input: Omit<CreateLoadInput, 'seed'>, opts: CreateLoadOptions = {}): Promise<CreateResult> {
  const by = opts.createdBy ? { userId: opts.createdBy, since: new Date(Date.now() - 1000) } : undefined;
  const counts_ = () => counts(database, by);
  const before = await counts_();
  const out = await forkLoad(input, opts.onStarted);
  // requests still in flight when autocannon stopped may commit after it
  let after = await counts_();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const again = await counts_();
    if (again.t === after.t) break;
    after = again;
  }
  const growth = after.t - before.t;
  const cutOff = out.sent - out.created - out.non2xx;
  const verified = growth === out.created || (growth > out.created && growth <= out.created + Math.max(cutOff, 0));
  const verification = growth === out.created
    ? `tickets grew by ${growth}, the number of 201 responses`
    : `tickets grew by ${growth}; 201 responses: ${out.created}; requests cut off at the end: ${cutOff}`;
  return {
    requestsPerSecond: out.requestsPerSecond,
    createdPerSecond: out.created / out.seconds,
    created: out.created,
    sent: out.sent,
    non2xx: out.non2xx,
    errors: out.errors,
    timeouts: out.timeouts,
    latency: out.latency,
    statusCodeStats: out.statusCodeStats,
    failures: out.failures,
    seconds: out.seconds,
    ticketsBefore: before.t,
    ticketsAfter: after.t,
    customersGrowth: after.c - before.c,
    phones: { from: out.phoneBase, to: out.phoneBase + out.sent },
    verified,
    verification,
  };
}
