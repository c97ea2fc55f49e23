import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Real Kefu processes for durability tests: started as `npm start` would
// (main.ts), killed with real signals.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess { url: string; child: ChildProcess; stderr: () => string }

/** Every process started here, to kill what a failed test left running. */
export const started: ChildProcess[] = [];

/** Starts a server process and answers at once; `ready` resolves when it serves HTTP. */
export async function launchServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess & { ready: Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', KEFU_SEED: 'demo', KEFU_JOB_POLL_MS: '100', KEFU_LOG_LEVEL: 'warn', KEFU_CONSOLE_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => { err = (err + String(d)).slice(-4000); });
  started.push(child);
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    // wait for the condition (up), not for a time: a busy machine starts slowly
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}: ${err}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  ready.catch(() => {}); // a caller that kills it first does not wait for it
  return { url, child, stderr: () => err, ready };
}

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const p = await launchServerProcess(databaseUrl, env);
  await p.ready;
  return p;
}

export async function killAll(): Promise<void> {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(started.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
}

/** Kills with SIGKILL and waits until the process is gone. */
export async function kill(p: ServerProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const gone = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGKILL');
  await gone;
}

export async function api(url: string, token: string | null, method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${p}`, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function login(url: string, username: string): Promise<string> {
  const r = await api(url, null, 'POST', '/api/v1/auth/login', { username, password: 'kefu-demo' });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return r.body.token as string;
}
