import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres } from '../../../test/test-app.ts';
import { api, kill, killAll, startServerProcess as startServer } from '../../../test/server-process.ts';
import { connect, waitFor } from '../../../test/footprint.ts';

// Timers are rows, claimed with SKIP LOCKED inside the transaction that acts
// on them: a process killed with SIGKILL loses nothing, and several processes
// on one PostgreSQL fire each due timer exactly once. Real processes, real kill.

const base = process.env.DATABASE_URL;
let drop: (() => Promise<void>) | null = null;

afterAll(async () => {
  await killAll();
  await drop?.();
});

describe.runIf(!!base)('durable timers', () => {
  it('survives SIGKILL: after a restart the due breach fires once, even with two processes', async () => {
    const db = await freshPostgres(base!);
    drop = db.drop;
    const a = await startServer(db.url);
    const login = async (u: string) => (await api(a.url, null, 'POST', '/api/v1/auth/login', { username: u, password: 'kefu-demo' })).body.token as string;
    const mgr = await login('cs_manager');
    const op = await login('operator');
    const always = (await api(a.url, mgr, 'GET', '/api/v1/calendars')).body.items.find((c: { spec: { alwaysOpen: boolean } }) => c.spec.alwaysOpen);
    expect((await api(a.url, mgr, 'POST', '/api/v1/sla-policies', { name: '报修 3 秒', position: 1, calendarId: always.id,
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }], targets: [{ kind: 'resolution', minutes: 0.05, warnAtPercent: 90 }] })).status).toBe(201);
    expect((await api(a.url, mgr, 'POST', '/api/v1/rules', { name: '超时升级', trigger: 'sla.breached', enabled: true, stopProcessing: false,
      conditions: [], actions: [{ type: 'set_priority', priority: 'urgent' }] })).status).toBe(201);
    const created = await api(a.url, op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { name: '耐久', phone: '13999990001' }, fields: { content: '漏水', preferredTime: '上午' } });
    expect(created.status).toBe(201);
    // let the clock start, then kill the only process before the clock runs out
    await waitFor('the clock started', async () => (await api(a.url, mgr, 'GET', `/api/v1/tickets/${created.body.id}`)).body.sla.length > 0, a);
    await kill(a);
    // the breach falls due while nothing runs: its clock and timer move into the past (no sleeping)
    const sql = await connect(db.url);
    try {
      await sql.query(`update ticket_slas set due_at = now() - interval '1 second', warn_at = now() - interval '2 seconds' where ticket_id = $1`, [created.body.id]);
      await sql.query(`update jobs set run_at = now() - interval '1 second' where status = 'pending' and kind like 'sla.%'`);

      const [b, c] = await Promise.all([startServer(db.url), startServer(db.url)]);
      let detail: { priority: string; sla: { state: string }[] } = { priority: '', sla: [] };
      await waitFor('escalated', async () => {
        detail = (await api(b.url, mgr, 'GET', `/api/v1/tickets/${created.body.id}`)).body;
        return detail.priority === 'urgent';
      }, b);
      // everything due has run, in both processes: a second firing would have happened by now
      await waitFor('nothing due', async () => (await sql.query(`select 1 from jobs where status = 'pending' and run_at <= now()
        union all select 1 from outbox_events where processed_at is null`)).rowCount === 0, c);
      expect(detail.sla.map((s) => s.state)).toEqual(['breached']);
      const tl = (await api(c.url, mgr, 'GET', `/api/v1/tickets/${created.body.id}/timeline`)).body.items.map((e: { action: string }) => e.action);
      expect(tl.filter((x: string) => x === 'sla_breached')).toHaveLength(1);
      expect(tl.filter((x: string) => x === 'priority_changed')).toHaveLength(1);
      const runs = (await api(c.url, mgr, 'GET', `/api/v1/rule-runs?ticketId=${created.body.id}`)).body.items.filter((r: { ruleName: string }) => r.ruleName === '超时升级');
      expect(runs).toHaveLength(1);
    } finally {
      await sql.end();
    }
  }, 60_000);
});
