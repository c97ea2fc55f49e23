import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { intakeBatcher } from './intake-statement.ts';

// Work orders saved at the same moment share one statement (group commit):
// each caller must still get exactly their own answer.

let t: TestApp;
let op: string;
let op2: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  op = await t.login('operator');
  op2 = await t.login('operator2');
});
afterAll(async () => { await t.close(); });

const repair = (customer: object, extra: object = {}) => ({ type: 'repair', channel: 'phone', customer, fields: { content: '奶箱锁坏了', preferredTime: '晚上' }, ...extra });
const post = (token: string, body: object) => t.request(token, 'POST', '/api/v1/tickets', body);
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);

describe('intake saved together (one statement for concurrent saves)', () => {
  it('answers each save on its own: bad ones fail alone, the same new phone twice is one customer', async () => {
    const othersCall = await t.request(op2, 'POST', '/api/v1/interactions', { channel: 'phone', callerNumber: '13755550000' });
    const stats = intakeBatcher(t.database.db).stats;
    const before = { ...stats };
    const bodies = [
      repair({ name: '钱先生', phone: '13755550001' }),
      repair({ name: '钱先生', phone: '13755550001' }), // the same new caller twice in one group
      repair({ id: '00000000-0000-4000-8000-000000000000' }), // no such customer
      repair({ name: '孙女士', phone: '13755550002' }, { interactionId: othersCall.body.id }), // another agent's call
      repair({ name: '李先生', phone: '13755550003' }),
      repair({ name: '周女士', phone: '13755550004' }, { channel: 'web' }),
    ];
    const answers = await Promise.all(bodies.map((b) => post(op, b)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 404, 403, 201, 201]);
    expect(stats.items - before.items).toBeGreaterThan(stats.groups - before.groups); // some travelled together

    const created = answers.filter((a) => a.status === 201).map((a) => a.body);
    expect(new Set(created.map((c) => c.number)).size).toBe(4);
    expect(created[0].customerId).toBe(created[1].customerId);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from customers where phone = '13755550001'`);
    expect(n).toBe(1);
    expect(created[3].interactionId).toBeNull(); // web: no call logged
    expect(created.slice(0, 3).every((c) => /^[0-9a-f-]{36}$/.test(c.interactionId))).toBe(true);

    // each with its first timeline entry and exactly one created event
    const ids = created.map((c) => c.id);
    const entries = await rows<{ ticket_id: string; n: number }>(sql`
      select ticket_id, count(*)::int as n from ticket_events where ticket_id = any(${`{${ids.join(',')}}`}::uuid[]) and action = 'created' group by ticket_id`);
    const events = await rows<{ aggregate_id: string; n: number }>(sql`
      select aggregate_id, count(*)::int as n from outbox_events where aggregate_id = any(${`{${ids.join(',')}}`}::uuid[]) and type = 'ticket.created' group by aggregate_id`);
    expect(entries.map((e) => e.n)).toEqual([1, 1, 1, 1]);
    expect(events.map((e) => e.n)).toEqual([1, 1, 1, 1]);
    // nothing was written for the refused ones
    const [{ m }] = await rows<{ m: number }>(sql`select count(*)::int as m from tickets where interaction_id = ${othersCall.body.id}::uuid`);
    expect(m).toBe(0);
  });

  it('answers the same as one at a time for a picked customer whose name differs from the caller', async () => {
    const first = await post(op, repair({ name: '吴先生', phone: '13755550009' }));
    const [again, other] = await Promise.all([
      post(op, repair({ name: '吴太太', phone: '13755550009' })),
      post(op, repair({ id: first.body.customerId })),
    ]);
    expect(again.status).toBe(201);
    expect(again.body.customer).toMatchObject({ id: first.body.customerId, name: '吴先生' });
    expect(other.body.customer.id).toBe(first.body.customerId);
    const [entry] = await rows<{ changes: { field: string; from: unknown; to: unknown }[] }>(sql`
      select changes from ticket_events where ticket_id = ${again.body.id}::uuid and action = 'created'`);
    expect(entry.changes).toContainEqual({ field: 'callerName', from: '吴先生', to: '吴太太' });
  });
});
