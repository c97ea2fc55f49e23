import pg from 'pg';
import { expect } from 'vitest';
import { api, type ServerProcess } from './server-process.ts';

// What every work order of a load must have after crashes and restarts,
// compared with a reference work order created while nothing was killed.

// a valid product-quality complaint: the demo's rules route it to QC (刘强), add watchers and notify them
export const complaint = (phone: string) => ({
  type: 'complaint', channel: 'phone', customer: { name: '耐久测试', phone },
  fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B1' },
});

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, server?: ServerProcess): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (server && server.child.exitCode !== null) throw new Error(`${what}: server exited: ${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What every work order of the load must have, as counts per work order; one row per ticket id. */
export async function footprint(db: pg.Client, ids: string[]) {
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
export async function reference(server: ServerProcess, db: pg.Client, token: string) {
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

export function expectSameAsReference(rows: Awaited<ReturnType<typeof footprint>>, ref: Awaited<ReturnType<typeof footprint>>[number]) {
  const { id: _, ...want } = ref;
  const wrong = rows.filter(({ id: __, ...got }) => JSON.stringify(got) !== JSON.stringify(want));
  expect(wrong.slice(0, 3), `${wrong.length} of ${rows.length} work orders differ from the reference ${JSON.stringify(want)}`).toEqual([]);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
}

export async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

