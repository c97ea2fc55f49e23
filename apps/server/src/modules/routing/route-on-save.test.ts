import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { ticketNotes } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// A new work order is routed inside the transaction that saves it: the people
// the rules name are told (in-app and over the socket) by the time the save
// answers, however long the job queue is. Later events still go through jobs.

let t: TestApp;
let op: string;
let qcId: string;
beforeAll(async () => {
  t = await createTestApp();
  op = await t.login('operator');
  const dir = (await t.request(op, 'GET', '/api/v1/directory')).body;
  qcId = dir.users.find((u: { displayName: string }) => u.displayName === '刘强').id;
});
afterAll(async () => { await t.close(); });

let phone = 13866660000;
const complaint = () => t.request(op, 'POST', '/api/v1/tickets', {
  type: 'complaint', channel: 'phone', customer: { name: '来电客户', phone: String(phone++) },
  fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B1' },
});

describe('routing on save', () => {
  it('assigns and notifies before the save answers, and the queue does not run the same rules again', async () => {
    const pushed: { type: string; notification?: { ticketId: string } }[] = [];
    const remove = t.app.services.hub.add(qcId, { readyState: 1, send: (d: string) => pushed.push(JSON.parse(d)) });
    try {
      const res = await complaint();
      expect(res.status).toBe(201);
      expect(res.body.assigneeName).toBe('刘强');
      expect(pushed.some((m) => m.type === 'notification' && m.notification?.ticketId === res.body.id)).toBe(true);
      const inbox = (await t.request(await t.login('qc_manager'), 'GET', '/api/v1/notifications?limit=20')).body.items;
      expect(inbox.filter((n: { ticketId: string }) => n.ticketId === res.body.id)).toHaveLength(1);

      await t.drain();
      const runs = await queryRows<{ rule_name: string; n: number }>(t.database.db, sql`
        select rule_name, count(*)::int as n from rule_runs where ticket_id = ${res.body.id} and outcome = 'fired' group by rule_name`);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((r) => r.n === 1)).toBe(true);
      const inboxAfter = (await t.request(await t.login('qc_manager'), 'GET', '/api/v1/notifications?limit=20')).body.items;
      expect(inboxAfter.filter((n: { ticketId: string }) => n.ticketId === res.body.id)).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it('rolls back a failing inline listener and leaves the event to its job, without failing the save', async () => {
    const { dispatcher, runner } = t.app.services;
    let failInline = true;
    const jobRuns: string[] = [];
    const handler = async (tx: Parameters<Parameters<typeof dispatcher.subscribeInline>[2]>[0], e: { aggregateId: string }) => {
      await tx.insert(ticketNotes).values({ ticketId: e.aggregateId, authorId: qcId, body: 'written by the test listener' });
      if (failInline) throw new Error('listener down');
    };
    dispatcher.subscribe('ticket.created', 'test.flaky');
    dispatcher.subscribeInline('ticket.created', 'test.flaky', handler);
    runner.register('test.flaky', async (tx, e) => { jobRuns.push(e.aggregateId); await handler(tx, e); });

    const res = await complaint();
    expect(res.status).toBe(201);
    expect(res.body.assigneeName).toBe('刘强'); // the other inline listener (rules) still ran
    const notes = async () => (await queryRows<{ n: number }>(t.database.db, sql`
      select count(*)::int as n from ticket_notes where ticket_id = ${res.body.id}`))[0].n;
    expect(await notes()).toBe(0);

    failInline = false;
    await t.drain();
    expect(jobRuns).toEqual([res.body.id]);
    expect(await notes()).toBe(1);
  });
});
