import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, pgArray } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// A new work order is saved in one statement; the outbox consumer routes it
// after commit, in a batch with the others, exactly once.

let t: TestApp;
let op: string;
let qcId: string;
beforeAll(async () => {
  t = await createTestApp({}, { autoDrain: false });
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
const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, q))[0].n;

describe('routing after save', () => {
  it('routes a batch of new work orders once each, tells the people concerned over the socket, and does nothing on a second run', async () => {
    const pushed: { type: string; notification?: { ticketId: string } }[] = [];
    const remove = t.app.services.hub.add(qcId, { readyState: 1, send: (d: string) => pushed.push(JSON.parse(d)) });
    try {
      const saved = await Promise.all([complaint(), complaint(), complaint()]);
      expect(saved.map((r) => r.status)).toEqual([201, 201, 201]);
      // the answer is the work order as recorded: the operator's, until the rules route it
      expect(saved[0].body.assigneeName).toBe('王丽');
      expect(await t.drain()).toBeGreaterThan(0);
      for (const r of saved) {
        const now = (await t.request(op, 'GET', `/api/v1/tickets/${r.body.id}`)).body;
        expect(now.assigneeName).toBe('刘强');
        expect(pushed.filter((m) => m.type === 'notification' && m.notification?.ticketId === r.body.id)).toHaveLength(1);
      }
      const ids = saved.map((r) => r.body.id);
      const runs = async () => queryRows<{ rule_name: string; n: number }>(t.database.db, sql`
        select rule_name, count(*)::int as n from rule_runs where ticket_id = any(${pgArray(ids)}::uuid[]) and outcome = 'fired' group by rule_name, ticket_id`);
      expect((await runs()).every((r) => r.n === 1)).toBe(true);
      const notices = await count(sql`select count(*)::int as n from notifications where ticket_id = any(${pgArray(ids)}::uuid[])`);
      expect(await count(sql`select count(*)::int as n from outbox_events where processed_at is null`)).toBe(0);
      await t.drain();
      expect(await count(sql`select count(*)::int as n from notifications where ticket_id = any(${pgArray(ids)}::uuid[])`)).toBe(notices);
      expect((await runs()).every((r) => r.n === 1)).toBe(true);
    } finally {
      remove();
    }
  });

  it('sets a failing event aside to retry alone and handles the others of its batch', async () => {
    const consumer = t.app.services.consumer;
    let fail = true;
    const bad = await complaint();
    const good = await complaint();
    consumer.on({
      name: 'test.flaky', types: ['ticket.created'],
      async handle(_work, events) {
        if (fail && events.some((e) => e.aggregateId === bad.body.id)) throw new Error('listener down');
      },
    });
    await consumer.drain();
    const state = async (id: string) => (await queryRows<{ processed: boolean; attempts: number; last_error: string | null }>(t.database.db, sql`
      select processed_at is not null as processed, attempts, last_error from outbox_events where aggregate_id = ${id}::uuid and type = 'ticket.created'`))[0];
    // the good one was routed; the bad one's batch was rolled back and it waits alone, with nothing half-written
    expect((await t.request(op, 'GET', `/api/v1/tickets/${good.body.id}`)).body.assigneeName).toBe('刘强');
    expect(await state(bad.body.id)).toMatchObject({ processed: false, attempts: 1, last_error: 'listener down' });
    expect((await t.request(op, 'GET', `/api/v1/tickets/${bad.body.id}`)).body.assigneeName).toBe('王丽');
    expect(await count(sql`select count(*)::int as n from rule_runs where ticket_id = ${bad.body.id}::uuid`)).toBe(0);

    fail = false;
    await t.database.db.execute(sql`update outbox_events set available_at = now() where aggregate_id = ${bad.body.id}::uuid`);
    await consumer.drain();
    expect((await state(bad.body.id)).processed).toBe(true);
    expect((await t.request(op, 'GET', `/api/v1/tickets/${bad.body.id}`)).body.assigneeName).toBe('刘强');
  });
});
