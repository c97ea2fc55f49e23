import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { reachedAttemptGaps, type ScriptQuestionRule } from '@kefu/shared/callbacks';
import { loadConfig } from '../../config.ts';
import { openDatabase, queryRows, type Database } from '../client.ts';
import { prepareDatabase } from '../prepare.ts';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http/types.ts';

// The demo is the first thing a newcomer sees: what it shows must hold
// together as if agents had recorded it through the workspace.

let database: Database;
let app: App;
beforeAll(async () => {
  const config = loadConfig({ KEFU_LOG_LEVEL: 'silent', KEFU_SEED: 'demo' });
  database = await openDatabase({ dataDir: 'memory://' });
  await prepareDatabase(database, config);
  app = await buildApp(config, database, { logger: false });
  await app.ready();
  // the sample work orders resolved by the seed get their callbacks from the background
  await app.services.drain();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo\'s callbacks', () => {
  it('are on their policy\'s script, and count exactly the attempts recorded', async () => {
    const rows = await queryRows<{ id: string; script_id: string | null; policy_script: string | null; attempt_count: number; recorded: number }>(database.db, sql`
      select c.id, c.script_id, p.script_id as policy_script, c.attempt_count,
        (select count(*)::int from callback_attempts a where a.task_id = c.id) as recorded
      from callback_tasks c join callback_policies p on p.id = c.policy_id`);
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) {
      expect(r.policy_script).not.toBeNull();
      expect(r.script_id, r.id).toBe(r.policy_script);
      expect(r.recorded, r.id).toBe(r.attempt_count);
    }
  });

  it('ended by a reached customer have that call on record: its length, the verdict and the script\'s answers', async () => {
    const rows = await queryRows<{ outcome: string; reason: string | null; result: string; satisfaction: string | null; a_reason: string | null;
      duration_seconds: number; channel: string; answers: Record<string, string | boolean>; questions: ScriptQuestionRule[] }>(database.db, sql`
      select c.outcome, c.reason, a.result, a.satisfaction, a.reason as a_reason, a.duration_seconds, a.channel, a.answers, s.questions
      from callback_tasks c
      join lateral (select * from callback_attempts a where a.task_id = c.id order by a.at desc limit 1) a on true
      join callback_scripts s on s.id = c.script_id
      where c.outcome in ('satisfied', 'neutral', 'unsatisfied')`);
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) {
      expect(r).toMatchObject({ result: 'reached', satisfaction: r.outcome, a_reason: r.reason });
      expect(reachedAttemptGaps({ result: 'reached', channel: r.channel, durationSeconds: r.duration_seconds, answers: r.answers }, r.questions)).toEqual([]);
    }
  });

  it('shows the first overdue callback in the workspace with its script and its attempts', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cs_manager', password: 'kefu-demo' } });
    const headers = { authorization: `Bearer ${login.json().token}` };
    const overdue = (await app.inject({ method: 'GET', url: '/api/v1/callbacks?view=all&overdue=true', headers })).json().items;
    expect(overdue.length).toBeGreaterThan(0);
    for (const task of overdue) {
      const ws = (await app.inject({ method: 'GET', url: `/api/v1/callbacks/${task.id}`, headers })).json();
      expect(ws.script?.name).toBe('标准回访话术');
      expect(ws.attempts).toHaveLength(task.attemptCount);
    }
  });
});
