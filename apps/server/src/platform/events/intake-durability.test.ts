import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres } from '../../../test/test-app.ts';
import { api, kill, killAll, launchServerProcess, login, startServerProcess, type ServerProcess } from '../../../test/server-process.ts';

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

// a valid product-quality complaint: the demo's rules route it to QC (刘强), add watchers and notify them
const complaint = (phone: string) => ({
  type: 'complaint', channel: 'phone', customer: { name: '耐久测试', phone },
  fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B1' },
});

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, server?: ServerProcess): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (server && server.child.exitCode !== null) throw new Error(`${what}: server exited: ${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What every work order of the load must have, as counts per work order; one row per ticket id. */
async function footprint(db: pg.Client, ids: string[]) {
  const { rows } = await db.query<{
    id: string; n_tickets: number; assignee: string | null; created: number; assigned: number;
    events_created: number; unhandled: number; notices: number; notice_dups: number; clocks: number; clock_dups: number; fired: number; fired_dups: number;
  }>(`
    select i.id,
      (select count(*)::int from tickets t where t.id = i.id) as n_tickets,
      (select u.username from tickets t join users u on u.id = t.assignee_id where t.id = i.id) as assignee,
      (select count(*)::int from ticket_events e where e.ticket_id = i.id and e.action = 'created') as created,
      (select count(*)::int from ticket_events e where e.ticket_id = i.id and e.action <> 'created') as assigned,
      (select count(*)::int from outbox_events o where o.aggregate_id = i.id and o.type = 'ticket.created') as events_created,
      (select count(*)::int from outbox_events o where o.aggregate_id = i.id and o.processed_at is null) as unhandled,
      (select count(*)::int from notifications n where n.ticket_id = i.id) as notices,
      (select count(*)::int from (select 1 from notifications n where n.ticket_id = i.id group by n.user_id, n.kind having count(*) > 1) d) as notice_dups,
      (select count(*)::int from ticket_slas s where s.ticket_id = i.id) as clocks,
      (select count(*)::int from (select 1 from ticket_slas s where s.ticket_id = i.id group by s.kind having count(*) > 1) d) as clock_dups,
      (select count(*)::int from rule_runs r where r.ticket_id = i.id and r.outcome = 'fired') as fired,
      (select count(*)::int from (select 1 from rule_runs r where r.ticket_id = i.id and r.outcome = 'fired' group by r.rule_id, r.event_id having count(*) > 1) d) as fired_dups
    from unnest($1::uuid[]) as i(id)`, [ids]);
  return rows;
}

/** The reference: one complaint created and handled while nothing is killed. */
async function reference(server: ServerProcess, db: pg.Client, token: string) {
  const r = await api(server.url, token, 'POST', '/api/v1/tickets', complaint('13700000000'));
  expect(r.status).toBe(201);
  await waitFor('reference handled', async () => (await db.query(`select 1 from outbox_events where processed_at is null`)).rowCount === 0, server);
  const [ref] = await footprint(db, [r.body.id]);
  // the rules did their part: routed to QC, notified, an SLA clock started
  expect(ref).toMatchObject({ n_tickets: 1, assignee: 'qc_manager', created: 1, events_created: 1, unhandled: 0 });
  expect(ref.notices).toBeGreaterThan(0);
  expect(ref.clocks).toBeGreaterThan(0);
  expect(ref.fired).toBeGreaterThan(0);
  return ref;
}

function expectSameAsReference(rows: Awaited<ReturnType<typeof footprint>>, ref: Awaited<ReturnType<typeof footprint>>[number]) {
  const { id: _, ...want } = ref;
  const wrong = rows.filter(({ id: __, ...got }) => JSON.stringify(got) !== JSON.stringify(want));
  expect(wrong.slice(0, 3), `${wrong.length} of ${rows.length} work orders differ from the reference ${JSON.stringify(want)}`).toEqual([]);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
}

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

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
    const web = await startServerProcess(fresh.url, { KEFU_BACKGROUND: 'off' });
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
