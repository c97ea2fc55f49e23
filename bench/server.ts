// The real app on a free port of 127.0.0.1, and sign-in over HTTP.

import type { AddressInfo } from 'node:net';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import type { Database } from '../apps/server/src/db/client.ts';
import { DEMO_PASSWORD } from '../apps/server/src/db/seed/demo-org.ts';
import type { App } from '../apps/server/src/platform/http/types.ts';

export interface RunningServer {
  app: App;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startServer(database: Database, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ ...env, KEFU_LOG_LEVEL: 'warn', KEFU_TIMEZONE: 'Asia/Shanghai', KEFU_LOGIN_RATE_LIMIT: '1000', NODE_ENV: 'production', ...(process.env.KEFU_JOB_CONCURRENCY ? { KEFU_JOB_CONCURRENCY: process.env.KEFU_JOB_CONCURRENCY } : {}) });
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Signs in as a demo user; returns the bearer token. */
export async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
