import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Specialist } from '@kefu/shared/customer-archive-api';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { planAssignments } from './assignment-plan.ts';

const spec = (userId: string, skill: number, load: number, classes: string[] = [], capacity: number | null = null): Specialist =>
  ({ userId, name: userId, jobNumber: null, skill, classes, capacity, active: true, load, overdue: 0 });
const cust = (id: string, tier: string | null) => ({ id, name: id, tier, ownerId: null });

describe('assignment plan (CUS-03: balanced load, regard for skill)', () => {
  it('balances loads in proportion to skill', () => {
    const customers = Array.from({ length: 30 }, (_, i) => cust(`c${i}`, 'C'));
    const { loads } = planAssignments(customers, [spec('strong', 4, 0), spec('weak', 2, 0)], ['A', 'B', 'C']);
    expect(loads.get('strong')).toBe(20);
    expect(loads.get('weak')).toBe(10);
  });

  it('counts what each already owns, and respects capacity', () => {
    const customers = Array.from({ length: 10 }, (_, i) => cust(`c${i}`, 'C'));
    const { loads, unassignable } = planAssignments(customers, [spec('busy', 3, 8), spec('free', 3, 0), spec('small', 3, 0, [], 2)], ['A', 'B', 'C']);
    expect(loads.get('busy')).toBe(8);
    expect(loads.get('small')).toBe(2);
    expect(loads.get('free')).toBe(8);
    expect(unassignable).toEqual([]);
  });

  it('gives A-class customers only to their dedicated specialists (专属客服), and says who has nobody', () => {
    const customers = [cust('a1', 'A'), cust('a2', 'A'), cust('b1', 'B'), cust('c1', 'C'), cust('x', null)];
    const { planned, unassignable } = planAssignments(customers, [spec('vip', 3, 5, ['A']), spec('all', 3, 0)], ['A', 'B', 'C']);
    const to = Object.fromEntries(planned.map((p) => [p.customerId, p.ownerId]));
    expect(to).toEqual({ a1: 'vip', a2: 'vip', b1: 'all', c1: 'all', x: 'all' });
    expect(unassignable).toEqual([]);
    const none = planAssignments([cust('a1', 'A')], [spec('vip', 3, 0, ['A'], 0)], ['A', 'B', 'C']);
    expect(none.unassignable.map((c) => c.id)).toEqual(['a1']);
  });
});

describe('assigning customers and the first-contact timer (CUS-03, CUS-04)', () => {
  let t: TestApp;
  let mgr: string;
  let op: string;
  const users: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ KEFU_TIMEZONE: 'Asia/Shanghai' });
    [mgr, op] = await Promise.all([t.login('cs_manager'), t.login('operator')]);
    const dir = (await t.request(mgr, 'GET', '/api/v1/directory')).body.users as { id: string; displayName: string }[];
    const [me] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'operator'`);
    const [lead] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'lead'`);
    users.operator = me.id;
    users.lead = lead.id;
    expect(dir.length).toBeGreaterThan(2);
    for (const [k, body] of [['a', { name: '大客户', phone: '13922220001' }], ['c1', { name: '小客户一', phone: '13922220002' }], ['c2', { name: '小客户二', phone: '13922220003' }]] as const) {
      ids[k] = (await t.request(mgr, 'POST', '/api/v1/customers', body)).body.id;
    }
    await t.request(mgr, 'PUT', `/api/v1/customers/${ids.a}/class`, { classKey: 'A', reason: '年营收过百万' });
  });
  afterAll(async () => { await t.close(); });

  it('previews by load and class, applies, and refuses owners who are not specialists', async () => {
    expect((await t.request(mgr, 'PUT', `/api/v1/customer-specialists/${users.lead}`, { skill: 4, classes: ['A'], capacity: null, active: true })).status).toBe(200);
    const saved = await t.request(mgr, 'PUT', `/api/v1/customer-specialists/${users.operator}`, { skill: 3, classes: [], capacity: 50, active: true });
    expect(saved.body.items).toHaveLength(2);
    expect((await t.request(op, 'GET', '/api/v1/customer-specialists')).status).toBe(403);

    const preview = await t.request(mgr, 'POST', '/api/v1/customer-assignments/preview', { customerIds: [ids.a, ids.c1, ids.c2] });
    expect(preview.status).toBe(200);
    const to = Object.fromEntries((preview.body.assignments as { customerId: string; ownerId: string }[]).map((a) => [a.customerId, a.ownerId]));
    expect(to).toEqual({ [ids.a]: users.lead, [ids.c1]: users.operator, [ids.c2]: users.operator });
    expect(preview.body.loads.find((l: { userId: string }) => l.userId === users.operator)).toMatchObject({ before: 0, after: 2 });
    // nothing written by the preview
    expect((await t.request(mgr, 'GET', `/api/v1/customers/${ids.a}`)).body.ownerId).toBeNull();

    const refused = await t.request(mgr, 'POST', '/api/v1/customer-assignments/apply', { assignments: [{ customerId: ids.a, ownerId: (await t.request(mgr, 'GET', '/api/v1/me')).body.id }] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OWNER_NOT_SPECIALIST');

    const applied = await t.request(mgr, 'POST', '/api/v1/customer-assignments/apply', { assignments: preview.body.assignments.map((a: { customerId: string; ownerId: string }) => ({ customerId: a.customerId, ownerId: a.ownerId })) });
    expect(applied.status).toBe(200);
    expect(applied.body.assigned).toBe(3);
    const a = (await t.request(mgr, 'GET', `/api/v1/customers/${ids.a}`)).body;
    expect(a).toMatchObject({ ownerId: users.lead, ownerName: expect.any(String), firstContactDueAt: applied.body.firstContactDueAt });
    const specialists = (await t.request(mgr, 'GET', '/api/v1/customer-specialists')).body.items as Specialist[];
    expect(specialists.find((s) => s.userId === users.operator)!.load).toBe(2);
  });

  it('stops the timer when the owner makes contact, and escalates through the rules when nobody does', async () => {
    // the operator (owner of c1) calls the customer: the first contact is made
    expect((await t.request(op, 'POST', '/api/v1/interactions', { channel: 'phone', direction: 'outbound', customerId: ids.c1, summary: '首次联系,介绍专属客服' })).status).toBe(201);
    expect((await t.request(mgr, 'GET', `/api/v1/customers/${ids.c1}`)).body).toMatchObject({ firstContactDueAt: null, lastContactAt: expect.any(String) });
    // someone else's contact does not count as the owner's
    await t.request(mgr, 'POST', '/api/v1/interactions', { channel: 'phone', direction: 'outbound', customerId: ids.c2 });
    expect((await t.request(mgr, 'GET', `/api/v1/customers/${ids.c2}`)).body.firstContactDueAt).not.toBeNull();

    // a rule: an overdue first contact of an A-class customer goes to the owner and the cs manager, urgently
    const [mgrUser] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'cs_manager'`);
    const bad = await t.request(mgr, 'POST', '/api/v1/rules', { name: 'x', trigger: 'customer.first_contact_overdue', actions: [{ type: 'set_priority', priority: 'high' }] });
    expect(bad.status).toBe(422);
    const rule = await t.request(mgr, 'POST', '/api/v1/rules', {
      name: 'A 类客户首次联系超时', trigger: 'customer.first_contact_overdue',
      conditions: [{ field: 'customer.tier', op: 'eq', value: 'A' }],
      actions: [{ type: 'notify', recipients: [{ kind: 'assignee' }, { kind: 'user', userId: mgrUser.id }], urgent: true }],
    });
    expect(rule.status).toBe(201);

    await t.advance(30 * 86_400_000);
    await t.drain();
    const overdue = (await t.request(mgr, 'GET', '/api/v1/customer-archive/list?firstContact=overdue&kind=any')).body.items as { id: string }[];
    expect(overdue.map((c) => c.id).sort()).toEqual([ids.a, ids.c2].sort());
    const notes = await queryRows<{ user_id: string; kind: string; title: string }>(t.database.db, sql`
      select user_id, kind, title from notifications where kind = 'customer.first_contact_overdue' order by user_id`);
    // the rule fired for the A-class customer only: its owner and the manager
    expect(notes.map((n) => n.user_id).sort()).toEqual([users.lead, mgrUser.id].sort());
    expect(notes[0].title).toContain('大客户');
    const specialists = (await t.request(mgr, 'GET', '/api/v1/customer-specialists')).body.items as Specialist[];
    expect(specialists.find((s) => s.userId === users.lead)!.overdue).toBe(1);
  });
});

describe('the first-contact deadline on the business calendar', () => {
  it('counts 7 working days across the National Day holiday and its make-up Saturday', async () => {
    // Tuesday 29 September 2026, 10:00 in Shanghai
    const t = await createTestApp({ KEFU_TIMEZONE: 'Asia/Shanghai' }, { clock: movableClock(new Date('2026-09-29T02:00:00Z')), autoDrain: false });
    try {
      const mgr = await t.login('cs_manager');
      const [op] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'operator'`);
      await t.request(mgr, 'PUT', `/api/v1/customer-specialists/${op.id}`, { skill: 3, classes: [], capacity: null, active: true });
      const c = (await t.request(mgr, 'POST', '/api/v1/customers', { name: '节前客户', phone: '13922229999' })).body.id;
      const res = await t.request(mgr, 'POST', '/api/v1/customer-assignments/apply', { assignments: [{ customerId: c, ownerId: op.id }] });
      expect(res.status).toBe(200);
      // 9/30, (10/1–10/7 off), 10/8, 10/9, Sat 10/10 (调休), 10/12, 10/13, 10/14: closing time on Wednesday 14 October
      const due = new Date(res.body.firstContactDueAt);
      expect(due.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })).toBe('2026-10-14');
    } finally {
      await t.close();
    }
  });
});
