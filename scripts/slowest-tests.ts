// npm run test:slowest [-- N]: runs the unit and API suite with vitest's JSON
// reporter and prints the N (default 10) slowest tests, so they can be watched.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const n = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(path.join(os.tmpdir(), 'kefu-slowest-'));
const out = path.join(dir, 'report.json');
try {
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', `--outputFile=${out}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    testResults: { name: string; assertionResults: { fullName: string; duration?: number; status: string }[] }[];
  };
  const tests = report.testResults.flatMap((f) => f.assertionResults.map((a) => ({
    file: path.relative(process.cwd(), f.name), name: a.fullName, ms: a.duration ?? 0, status: a.status,
  })));
  tests.sort((a, b) => b.ms - a.ms);
  console.log(`slowest ${n} of ${tests.length} tests:`);
  for (const t of tests.slice(0, n)) console.log(`${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}  ${t.name}${t.status === 'passed' ? '' : `  (${t.status})`}`);
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
