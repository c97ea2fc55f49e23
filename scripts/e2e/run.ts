import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as workbench from '../../e2e/workbench.e2e.ts';
import * as sla from '../../e2e/sla.e2e.ts';
import * as callbacks from '../../e2e/callbacks.e2e.ts';
import * as layout from '../../e2e/layout.e2e.ts';
import * as forms from '../../e2e/forms.e2e.ts';
import * as widget from '../../e2e/widget.e2e.ts';
import * as inbox from '../../e2e/inbox.e2e.ts';
import * as customerClasses from '../../e2e/customer-classes.e2e.ts';
import * as knowledge from '../../e2e/knowledge.e2e.ts';
import * as channels from '../../e2e/channels.e2e.ts';
import * as renewals from '../../e2e/renewals.e2e.ts';
import * as customerMerge from '../../e2e/customer-merge.e2e.ts';
import * as customerImport from '../../e2e/customer-import.e2e.ts';

// Browser tests against the built console served by a real server on a free
// port with a fresh embedded database. KEFU_E2E_BASE_URL=http://... runs the
// tests against a server that is already up instead.

interface E2eTest {
  name: string;
  run: (opts: { baseURL: string; screenshotDir: string }) => Promise<void>;
}

const ALL_TESTS: E2eTest[] = [workbench, sla, callbacks, layout, forms, widget, inbox, customerClasses, knowledge, channels, renewals, customerMerge, customerImport];
// `npm run test:e2e -- layout` runs the tests whose name starts with one of the words given
const only = process.argv.slice(2);
const TESTS = only.length ? ALL_TESTS.filter((t) => only.some((w) => t.name.startsWith(w))) : ALL_TESTS;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const screenshotDir = path.join(root, 'e2e', 'screenshots');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      // 13: Node's "unsettled top-level await", i.e. boot waited on a promise that never settled
      const hint = server.exitCode === 13 ? ' (a promise never settled during boot)' : '';
      throw new Error(`server exited with code ${server.exitCode}${hint}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

function ensureConsoleBuilt() {
  if (existsSync(path.join(root, 'apps/console/dist/index.html'))) return;
  console.log('building the console (apps/console/dist is missing)...');
  const r = spawnSync('npm', ['run', 'build', '-w', '@kefu/console'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('console build failed');
}

async function startServer(): Promise<{ baseURL: string; stop: () => Promise<void>; logFile: string }> {
  ensureConsoleBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kefu-e2e-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KEFU_DATA_DIR: path.join(dataDir, 'data'), KEFU_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, server, 90_000);
  } catch (e) {
    console.error(readFileSync(logFile, 'utf8'));
    await stop();
    throw e;
  }
  return { baseURL, stop, logFile };
}

async function main(): Promise<number> {
  const external = process.env.KEFU_E2E_BASE_URL;
  const server = external ? null : await startServer();
  const baseURL = external ?? server!.baseURL;
  let passed = 0;
  let failed = 0;
  try {
    for (const t of TESTS) {
      const started = Date.now();
      try {
        await t.run({ baseURL, screenshotDir });
        passed++;
        console.log(`✓ ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`✗ ${t.name}`);
        console.log((e as Error).stack ?? e);
        if (server) console.log(`--- server log ---\n${readFileSync(server.logFile, 'utf8').slice(-4000)}`);
      }
    }
  } finally {
    await server?.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log(`0 passed, ${TESTS.length} failed`);
    process.exit(1);
  },
);
