import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres } from '../../../test/test-app.ts';
import { api, kill, killAll, launchServerProcess, login, startServerProcess } from '../../../test/server-process.ts';
import { complaint, connect, expectSameAsReference, footprint, reference, waitFor } from '../../../test/footprint.ts';

// Nothing acknowledged is lost and nothing is done twice when a process dies:
// the intake statement commits the work order with its created entry and its
// outbox event, or nothing; the consumer's batch commits its routing,
// notifications and SLA clocks together with "handled", or nothing. Real
// processes on PostgreSQL, real SIGKILLs.

const base = process.env.DATABASE_URL;
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  await killAll();
  for (const d of drops) await d();
});

describe.runIf(!!base)('intake and the outbox consumer survive SIGKILL', () => {
  it('keeps every acknowledged work order exactly once, routed, notified and clocked, when the server dies under a creation load', async () => {
    const fresh = await freshPostgres(base!);
    drops.push(fresh.drop);
    const a = await startServerProcess(fresh.url);
    const db = await connect(fresh.url);
    try {
      const token = await login(a.url, 'operator');
      const ref = await reference(a, db, token);

      // 12 clients create work orders as fast as the server answers; the server dies after 200 answers
      const acknowledged: string[] = [];
      let phone = 13710000000;
      let killed = false;
      const client = async () => {
        while (!killed) {
          try {
            const r = await api(a.url, token, 'POST', '/api/v1/tickets', complaint(String(phone++)));
            if (r.status !== 201) throw new Error(`POST answered ${r.status}: ${JSON.stringify(r.body)}`);
            acknowledged.push(r.body.id);
          } catch (err) {
            if (killed) return; // the connection died with the server: not acknowledged
            throw err;
          }
        }
      };
      const clients = Array.from({ length: 12 }, client);
      await waitFor('200 acknowledged', async () => acknowledged.length >= 200, a);
      killed = true;
      await kill(a);
      await Promise.all(clients);
      const acked = [...acknowledged];

      const b = await startServerProcess(fresh.url);
      await waitFor('backlog handled after the restart', async () => (await db.query(`select 1 from outbox_events where processed_at is null`)).rowCount === 0, b);
      expectSameAsReference(await footprint(db, acked), ref);
      // and nothing besides: every work order of the load (acknowledged or cut off) appears once per caller
      const { rows } = await db.query<{ n: number; dups: number }>(`select count(*)::int as n, count(*) filter (where c > 1)::int as dups from (
        select count(*) as c from tickets t join customers c on c.id = t.customer_id where c.phone like '1371%' group by t.customer_id) d`);
      expect(rows[0].dups).toBe(0);
      expect(rows[0].n).toBeGreaterThanOrEqual(acked.length);
      await kill(b);
    } finally {
      await db.end();
    }
  }, 300_000);

  it('handles every event once when the consumer dies in the middle of a batch', async () => {
    const fresh = await freshPostgres(base!);
    drops.push(fresh.drop);
    // an HTTP-only process takes the calls: the events wait for a consumer
    const web = await startServerProcess(fresh.url, { KEFU_BACKGROUND: 'off', KEFU_INTAKE_MAX_LAG_MS: '0' });
    const db = await connect(fresh.url);
    try {
      const token = await login(web.url, 'operator');
      let phone = 13720000000;
      const ids: string[] = [];
      const total = 3000;
      const client = async () => {
        while (ids.length < total) {
          const r = await api(web.url, token, 'POST', '/api/v1/tickets', complaint(String(phone++)));
          expect(r.status).toBe(201);
          ids.push(r.body.id);
        }
      };
      await Promise.all(Array.from({ length: 16 }, client));
      expect((await db.query(`select 1 from outbox_events where processed_at is null and aggregate_id = any($1::uuid[])`, [ids])).rowCount).toBe(ids.length);

      // a worker starts consuming; kill it while it holds the consumer's lock (a batch is open) after a first batch committed
      // (watched from its launch: it starts consuming before it answers HTTP)
      const worker = await launchServerProcess(fresh.url);
      const caught = await waitFor('a batch in progress after one committed', async () => {
        const { rows } = await db.query<{ done: number; open: boolean }>(`select
          (select count(*)::int from outbox_events where processed_at is not null and aggregate_id = any($1::uuid[])) as done,
          exists (select 1 from pg_locks where locktype = 'advisory' and objid = 7440021 and granted) as open`, [ids]);
        const r = rows[0];
        if (r.done >= ids.length) throw new Error('the consumer finished before it could be killed mid-batch');
        return r.done > 0 && r.open ? r : null;
      }, worker);
      await kill(worker);
      const { rows: [left] } = await db.query<{ n: number }>(`select count(*)::int as n from outbox_events where processed_at is null`);
      expect(left.n).toBeGreaterThan(0);
      expect(caught.done).toBeGreaterThan(0);

      const again = await startServerProcess(fresh.url);
      await waitFor('backlog handled after the restart', async () => (await db.query(`select 1 from outbox_events where processed_at is null`)).rowCount === 0, again);
      const ref = await reference(again, db, token);
      expectSameAsReference(await footprint(db, ids), ref);
      await kill(again);
    } finally {
      await db.end();
      await kill(web);
    }
  }, 300_000);
});
