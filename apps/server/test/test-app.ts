import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { buildApp } from '../src/app.ts';
import type { App } from '../src/platform/http/types.ts';
import type { Clock } from '../src/platform/time/clock.ts';

// Builds the real app on a real database: an in-memory PGlite by default, or a
// fresh throw-away database on the server named by DATABASE_URL (CI runs both).

export interface TestApp {
  app: App;
  database: Database;
  login(username: string, password?: string): Promise<string>;
  request(token: string | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
  /** runs every pending event, rule and job now (the background runner is not started in tests) */
  drain(): Promise<number>;
  /** runs `work` with the automatic drain after changes off (to tamper with what is waiting, as if the queue ran late) */
  withoutDrain<T>(work: () => Promise<T>): Promise<T>;
  /**
   * as if `ms` had passed: running SLA clocks and pending timers move that much
   * into the past (instead of sleeping; a busy machine changes nothing)
   */
  advance(ms: number): Promise<void>;
}

export async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kefu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestAppOptions {
  /** false: switch off the demo's routing rules (tests of the work order itself) */
  rules?: boolean;
  /**
   * After each successful change (a non-GET answered below 400) handle what
   * it raised — routing, SLA clocks, callbacks, notifications — before the
   * next request, as the running server does within a second. false: the test
   * drains when it chooses (t.drain()).
   */
  autoDrain?: boolean;
  /** the app's business clock (deadlines on calendars); see `movableClock` */
  clock?: Clock;
}

/** A clock the test sets and moves (business deadlines), not the machine's. */
export function movableClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    set: (d) => { at = d.getTime(); },
    advance: (ms) => { at += ms; },
  };
}

export async function createTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const base = process.env.DATABASE_URL;
  const pgdb = base ? await freshPostgres(base) : null;
  const database = await openDatabase({ databaseUrl: pgdb?.url, dataDir: 'memory://', poolSize: 5 });
  // uploads go to a directory of the test's own, removed on close
  const uploads = mkdtempSync(path.join(os.tmpdir(), 'kefu-uploads-'));
  const config = loadConfig({ KEFU_LOG_LEVEL: 'silent', KEFU_SEED: 'demo', KEFU_LOGIN_RATE_LIMIT: '1000', KEFU_CHECK_EVENTS: 'true', KEFU_INTAKE_MAX_LAG_MS: '0', KEFU_UPLOAD_DIR: uploads, ...env });
  await prepareDatabase(database, config, { sampleData: false });
  if (opts.rules === false) await database.db.execute(sql`update rules set enabled = false`);
  const app = await buildApp(config, database, { logger: false, clock: opts.clock });
  await app.ready();

  let autoDrain = opts.autoDrain !== false;
  const request: TestApp['request'] = async (token, method, url, body, headers = {}) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      payload: body as object | undefined,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    if (autoDrain && method !== 'GET' && res.statusCode < 400) await app.services.drain();
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };
  const tokens = new Map<string, string>();
  return {
    app,
    database,
    request,
    async login(username, password = 'kefu-demo') {
      const cached = tokens.get(`${username}:${password}`);
      if (cached) return cached;
      const res = await request(null, 'POST', '/api/v1/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(`${username}:${password}`, res.body.token);
      return res.body.token;
    },
    drain: () => app.services.drain(),
    async advance(ms) {
      const by = sql`${ms} * interval '1 millisecond'`;
      await database.db.execute(sql`update ticket_slas set started_at = started_at - ${by}, due_at = due_at - ${by}, warn_at = warn_at - ${by} where state = 'running'`);
      await database.db.execute(sql`update jobs set run_at = run_at - ${by} where status = 'pending'`);
    },
    async withoutDrain(work) {
      const was = autoDrain;
      autoDrain = false;
      try {
        return await work();
      } finally {
        autoDrain = was;
      }
    },
    async close() {
      await app.close();
      await database.close();
      await pgdb?.drop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
