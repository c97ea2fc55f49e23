import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres } from '../../../test/test-app.ts';
import { api, kill, killAll, login, startServerProcess } from '../../../test/server-process.ts';
import { complaint, connect, expectSameAsReference, footprint, reference, waitFor } from '../../../test/footprint.ts';

// Two Kefu processes on one PostgreSQL with Redis (REDIS_URL): a user
// connected to one is told of what the other did, background work runs once,
// logging out on one ends the session on both at once, and killing one in
// the middle of a load loses nothing. Real processes (CI: PostgreSQL suite
// with Redis on 127.0.0.1:6379).

const base = process.env.DATABASE_URL;
const redis = process.env.REDIS_URL;
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  await killAll();
  for (const d of drops) await d();
});

function watch(url: string, token: string): { ticketIds: Set<string>; ready: Promise<void>; close(): void } {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/v1/realtime`, { headers: { authorization: `Bearer ${token}` } });
  const ticketIds = new Set<string>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; notification?: { ticketId: string | null } };
    if (m.type === 'notification' && m.notification?.ticketId) ticketIds.add(m.notification.ticketId);
  });
  const ready = new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  return { ticketIds, ready, close: () => ws.close() };
}

describe.runIf(!!base && !!redis)('two instances with Redis', () => {
  it('share pushes, sessions and work, and lose nothing when one dies under load', async () => {
    const fresh = await freshPostgres(base!);
    drops.push(fresh.drop);
    const env = { REDIS_URL: redis! };
    // A does the background work; B only answers HTTP, so what reaches a user on B came through Redis
    const a = await startServerProcess(fresh.url, env);
    const b = await startServerProcess(fresh.url, { ...env, KEFU_BACKGROUND: 'off' });
    const db = await connect(fresh.url);
    try {
      const opA = await login(a.url, 'operator');
      const opB = await login(b.url, 'operator2');
      const qc = await login(b.url, 'qc_manager');
      const ref = await reference(a, db, opA);

      // qc_manager is connected to B; work orders saved through A reach them there
      const onB = watch(b.url, qc);
      await onB.ready;
      const first = await api(a.url, opA, 'POST', '/api/v1/tickets', complaint('13730000001'));
      expect(first.status).toBe(201);
      await waitFor('the notification on B', async () => onB.ticketIds.has(first.body.id), b);

      // a logout through A ends the session on B at once (no cache window)
      const spare = await login(a.url, 'operator');
      expect((await api(b.url, spare, 'GET', '/api/v1/me')).status).toBe(200);
      expect((await api(a.url, spare, 'POST', '/api/v1/auth/logout')).status).toBeLessThan(300);
      // B learns of it over Redis, in milliseconds; without the relay it would keep the session
      // for its whole cache window (5 s), so "well within that" is what this checks
      const loggedOut = Date.now();
      await waitFor('B refuses the token', async () => (await api(b.url, spare, 'GET', '/api/v1/me')).status === 401, b);
      expect(Date.now() - loggedOut).toBeLessThan(4000);

      // a second worker, C; a load through A and B; A dies after 150 answers; B carries on, C takes over A's work
      const c = await startServerProcess(fresh.url, env);
      const acknowledged: string[] = [first.body.id];
      let phone = 13731000000;
      let aDead = false;
      const client = (url: string, token: string, isA: boolean) => async () => {
        while (acknowledged.length < 400) {
          if (isA && aDead) return;
          try {
            const r = await api(url, token, 'POST', '/api/v1/tickets', complaint(String(phone++)));
            if (r.status !== 201) throw new Error(`POST answered ${r.status}: ${JSON.stringify(r.body)}`);
            acknowledged.push(r.body.id);
          } catch (err) {
            if (isA && aDead) return; // died with A: not acknowledged
            throw err;
          }
        }
      };
      const clients = [
        ...Array.from({ length: 4 }, client(a.url, opA, true)),
        ...Array.from({ length: 4 }, client(b.url, opB, false)),
      ];
      await waitFor('150 acknowledged', async () => acknowledged.length >= 150, a);
      aDead = true;
      await kill(a);
      await Promise.all(clients);
      expect(acknowledged.length).toBeGreaterThanOrEqual(400);

      // C handles what A left behind: every acknowledged work order once, routed, notified, clocked
      await waitFor('everything handled', async () => (await db.query(`select 1 from outbox_events where processed_at is null`)).rowCount === 0, c);
      expectSameAsReference(await footprint(db, acknowledged), ref);
      // due jobs all ran, none twice (a job row is done once; a failed or still pending one would show here)
      await waitFor('jobs done', async () => (await db.query(`select 1 from jobs where status = 'pending' and run_at <= now()`)).rowCount === 0, c);
      const { rows: [dups] } = await db.query<{ n: number }>(`select count(*)::int as n from (
        select notification_id, channel from notification_deliveries group by notification_id, channel having count(*) > 1) d`);
      expect(dups.n).toBe(0);
      // and qc_manager, on B all along, was told of work orders routed by C after A died
      const late = acknowledged.slice(-20);
      await waitFor('B told of C\'s routing', async () => late.some((id) => onB.ticketIds.has(id)), b);
      onB.close();
      await kill(b);
      await kill(c);
    } finally {
      await db.end();
    }
  }, 300_000);
});
