import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_CLASS_RULES, type ClassMove } from '@kefu/shared/customer-classes-api';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { applyRecomputeChunk, lastCompleteQuarter, localToday } from './class-recompute.ts';
import { currentClassRules } from './class-rules.ts';
import { nextQuarterStart } from './class-runs.ts';

let t: TestApp;
let op: string;
let mgr: string;
const TZ = 'Asia/Shanghai';
const quarter = lastCompleteQuarter(localToday(TZ));
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ KEFU_TIMEZONE: TZ }, { rules: false });
  [op, mgr] = await Promise.all([t.login('operator'), t.login('cs_manager')]);
  // one customer per way into a class
  const people: [string, object][] = [
    ['revenue', { name: '营收大户', phone: '13900000001' }],
    ['payments', { name: '回款大户', phone: '13900000002' }],
    ['welfare', { name: '福利工厂', phone: '13900000003', tags: ['福利单位'] }],
    ['veteran', { name: '老客户', phone: '13900000004', customerSince: '2020-03-01' }],
    ['small', { name: '小客户', phone: '13900000005' }],
    ['both', { name: '双达标', phone: '13900000006' }],
  ];
  for (const [k, body] of people) {
    const res = await t.request(mgr, 'POST', '/api/v1/customers', body);
    expect(res.status).toBe(201);
    ids[k] = res.body.id;
  }
  const measures = await t.request(mgr, 'PUT', '/api/v1/customer-measures', {
    rows: [
      { customerId: ids.revenue, quarter, revenue: 6200 },
      { customerId: ids.payments, quarter, payments: 12000 },
      { customerId: ids.small, quarter, revenue: 800, payments: 800 },
      { customerId: ids.both, quarter, revenue: 5100, payments: 25000 },
      // an older quarter does not count for revenue, but referrals add up over all of them
      { customerId: ids.small, quarter: '2020Q1', revenue: 99999 },
    ],
  });
  expect(measures.body).toEqual({ written: 5 });
});
afterAll(async () => { await t.close(); });

const mine = (moves: ClassMove[]) => Object.fromEntries(moves.filter((m) => Object.values(ids).includes(m.customerId))
  .map((m) => [Object.keys(ids).find((k) => ids[k] === m.customerId)!, m]));
const tierOf = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/customers/${id}`)).body.tier;

describe('customer classes (CUS-05..08)', () => {
  it('starts from the catalogue: A, B on any one criterion, C for everyone else', async () => {
    const res = await t.request(op, 'GET', '/api/v1/customer-classes');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, fallback: { key: 'C' } });
    expect(res.body.classes.map((c: { key: string; combine: string }) => [c.key, c.combine])).toEqual([['A', 'any'], ['B', 'any']]);
    expect(lastCompleteQuarter('2026-12-07')).toBe('2026Q3');
    expect(lastCompleteQuarter('2027-02-01')).toBe('2026Q4');
    expect(nextQuarterStart('2026-12-07')).toBe('2027-01-01');
    expect(nextQuarterStart('2026-05-31')).toBe('2026-07-01');
  });

  it('previews who moves where and why, then applies exactly that in the background with progress', async () => {
    const preview = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: false, limit: 1000 });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ quarter, rulesVersion: 0 });
    const m = mine(preview.body.moves);
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, `${v.from}→${v.to}`]))).toEqual({
      revenue: 'null→A', payments: 'null→B', welfare: 'null→B', veteran: 'null→A', small: 'null→C', both: 'null→A',
    });
    expect(m.revenue.reason.matched).toEqual([{ measure: 'revenueQuarter', op: '>=', value: 5000, actual: 6200 }]);
    expect(m.both.reason.matched.map((x) => x.measure)).toEqual(['revenueQuarter', 'paymentsQuarter']);
    expect(m.welfare.reason.matched).toEqual([{ measure: 'tag', op: 'has', value: '福利单位', actual: '福利单位' }]);
    expect(m.veteran.reason.matched[0]).toMatchObject({ measure: 'tenureYears', actual: expect.any(Number) });
    const flowTotal = preview.body.flows.reduce((a: number, f: { count: number }) => a + f.count, 0);
    expect(preview.body.total).toBe(flowTotal);
    expect(preview.body.moves).toHaveLength(Math.min(1000, flowTotal));
    // the preview writes nothing
    expect(await tierOf(ids.revenue)).toBeNull();
    expect((await t.request(op, 'POST', '/api/v1/customer-classes/recompute', { apply: false })).status).toBe(403);

    const run = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: true });
    expect(run.status).toBe(202);
    const done = await t.request(mgr, 'GET', `/api/v1/customer-classes/runs/${run.body.id}`);
    expect(done.body).toMatchObject({ status: 'done', moved: flowTotal, quarter, startedByName: expect.any(String) });
    expect(done.body.done).toBe(done.body.total);
    // what was applied is what the preview said, customer by customer
    const history = await queryRows<{ customer_id: string; from_class: string | null; to_class: string }>(t.database.db,
      sql`select customer_id, from_class, to_class from customer_class_changes where run_id = ${run.body.id}::uuid`);
    expect(history.map((h) => `${h.customer_id}:${h.from_class}→${h.to_class}`).sort())
      .toEqual(preview.body.moves.map((p: ClassMove) => `${p.customerId}:${p.from}→${p.to}`).sort());
    expect(await tierOf(ids.revenue)).toBe('A');
    const again = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: false });
    expect(again.body).toMatchObject({ total: 0, moves: [] });
    const listA = await t.request(mgr, 'GET', '/api/v1/customers?tier=A&limit=100');
    expect(listA.body.items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['营收大户', '老客户', '双达标']));
    expect(listA.body.items.every((c: { tier: string }) => c.tier === 'A')).toBe(true);
    const hist = await t.request(op, 'GET', `/api/v1/customers/${ids.revenue}/class-history`);
    expect(hist.body.items).toMatchObject([{ from: null, to: 'A', source: 'recompute', reason: { quarter, matched: [{ measure: 'revenueQuarter' }] } }]);
  });

  it('combines conditions with all when the center says so, as a new version', async () => {
    const rules = structuredClone(DEFAULT_CLASS_RULES);
    rules.classes[0] = { ...rules.classes[0], combine: 'all', conditions: [{ measure: 'revenueQuarter', op: '>=', value: 5000 }, { measure: 'paymentsQuarter', op: '>=', value: 20000 }] };
    const saved = await t.request(mgr, 'PUT', '/api/v1/customer-classes', rules);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, updatedByName: expect.any(String) });
    expect((await t.request(mgr, 'PUT', '/api/v1/customer-classes', { ...rules, fallback: { key: 'A', name: 'x' } })).body.error.code).toBe('CLASS_KEY_TWICE');
    const preview = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: false, limit: 1000 });
    const m = mine(preview.body.moves);
    // 营收大户 has the revenue but not the payments: B (≥ 3,000 revenue); 老客户 has only tenure: B; 双达标 keeps A
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, `${v.from}→${v.to}`]))).toEqual({ revenue: 'A→B', veteran: 'A→B' });
    await t.request(mgr, 'PUT', '/api/v1/customer-classes', DEFAULT_CLASS_RULES);
  });

  it('keeps a class set by hand until its last day, then the rules take over again; lifting it decides at once', async () => {
    const bad = await t.request(mgr, 'PUT', `/api/v1/customers/${ids.small}/class`, { classKey: 'A' });
    expect(bad.body.error.code).toBe('OVERRIDE_REASON_REQUIRED');
    expect((await t.request(mgr, 'PUT', `/api/v1/customers/${ids.small}/class`, { classKey: 'Z', reason: '试试' })).body.error.code).toBe('UNKNOWN_CLASS');
    const set = await t.request(mgr, 'PUT', `/api/v1/customers/${ids.small}/class`, { classKey: 'A', reason: '集团大客户,总经理指定', until: '2099-12-31' });
    expect(set.status).toBe(200);
    expect(set.body.items[0]).toMatchObject({ from: 'C', to: 'A', source: 'override', note: '集团大客户,总经理指定' });
    expect((await t.request(mgr, 'GET', `/api/v1/customers/${ids.small}`)).body.tierOverride).toEqual({ classKey: 'A', reason: '集团大客户,总经理指定', until: '2099-12-31' });
    await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: true });
    expect(await tierOf(ids.small)).toBe('A');

    // the last day has passed
    await t.database.db.execute(sql`update customers set tier_override_until = current_date - 1 where id = ${ids.small}::uuid`);
    const preview = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: false, limit: 1000 });
    expect(mine(preview.body.moves).small).toMatchObject({ from: 'A', to: 'C' });
    await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: true });
    const after = await t.request(mgr, 'GET', `/api/v1/customers/${ids.small}`);
    expect(after.body).toMatchObject({ tier: 'C', tierOverride: null });
    const hist = await t.request(mgr, 'GET', `/api/v1/customers/${ids.small}/class-history`);
    expect(hist.body.items[0]).toMatchObject({ from: 'A', to: 'C', source: 'override_expired' });

    await t.request(mgr, 'PUT', `/api/v1/customers/${ids.small}/class`, { classKey: 'B', reason: '试用' });
    const lifted = await t.request(mgr, 'PUT', `/api/v1/customers/${ids.small}/class`, { classKey: null });
    expect(lifted.body.items.slice(0, 2).map((h: { source: string; to: string }) => `${h.source}:${h.to}`)).toEqual(['recompute:C', 'override_lifted:B']);
  });

  it('applies chunk by chunk in id order without skipping or repeating anyone', async () => {
    const rules = await currentClassRules(t.database.db);
    await t.database.db.execute(sql`update customers set tier = null`);
    const [{ n }] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from customers`);
    let cursor: string | null = null;
    let looked = 0;
    let moved = 0;
    for (let i = 0; i < n + 2; i++) {
      const r = await applyRecomputeChunk(t.database.db, rules, localToday(TZ), TZ, { id: '00000000-0000-4000-8000-000000000000', cursor, actorId: null }, 3);
      looked += r.looked;
      moved += r.moved;
      if (r.looked < 3) break;
      cursor = r.last;
    }
    expect(looked).toBe(n);
    expect(moved).toBe(n);
    const [{ left }] = await queryRows<{ left: number }>(t.database.db, sql`select count(*)::int as left from customers where tier is null`);
    expect(left).toBe(0);
  });

  it('refuses figures for unknown customers and a second run while one goes', async () => {
    const res = await t.request(mgr, 'PUT', '/api/v1/customer-measures', { rows: [{ customerId: '00000000-0000-4000-8000-000000000001', quarter, revenue: 1 }] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('REFERENCE_NOT_FOUND');
    expect((await t.request(mgr, 'PUT', '/api/v1/customer-measures', { rows: [{ customerId: ids.small, quarter: '2026-3', revenue: 1 }] })).status).toBe(400);
    await t.withoutDrain(async () => {
      const first = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: true });
      expect(first.body.status).toBe('running');
      const second = await t.request(mgr, 'POST', '/api/v1/customer-classes/recompute', { apply: true });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('RECOMPUTE_RUNNING');
    });
    await t.drain();
    const runs = await t.request(mgr, 'GET', '/api/v1/customer-classes/runs');
    expect(runs.body.items[0].status).toBe('done');
  });
});
