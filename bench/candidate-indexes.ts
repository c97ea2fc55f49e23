// --candidate-indexes: applies bench/candidate-indexes.sql (the proposed index
// migration) after the bulk load, so its effect is measured through the app.

import { readFileSync } from 'node:fs';
import type { BenchDatabase } from './databases.ts';

/** Statements of the file, grouped so a DROP runs before the CREATE of the same index. */
function units(): string[][] {
  const text = readFileSync(new URL('./candidate-indexes.sql', import.meta.url), 'utf8');
  const statements = text.split('\n').filter((l) => !l.trim().startsWith('--')).join('\n')
    .split(';').map((s) => s.trim()).filter(Boolean);
  const out: string[][] = [];
  for (const s of statements) {
    const prev = out[out.length - 1];
    if (prev && /^DROP INDEX/i.test(prev[prev.length - 1])) prev.push(s);
    else out.push([s]);
  }
  return out;
}

export async function applyCandidateIndexes(bdb: BenchDatabase): Promise<{ seconds: number; statements: number }> {
  const t0 = performance.now();
  const sessions = await bdb.sessions(bdb.kind === 'postgres' ? 2 : 1);
  const queue = units();
  const statements = queue.reduce((a, u) => a + u.length, 0);
  for (const s of sessions) await s.query(`set maintenance_work_mem = '${bdb.kind === 'postgres' ? '1GB' : '256MB'}'`);
  await Promise.all(sessions.map(async (s) => {
    for (let u = queue.shift(); u; u = queue.shift()) for (const st of u) await s.query(st);
  }));
  await sessions[0].query('analyze tickets');
  await sessions[0].query('analyze customers');
  for (const s of sessions) await s.query('reset maintenance_work_mem');
  return { seconds: (performance.now() - t0) / 1000, statements };
}
