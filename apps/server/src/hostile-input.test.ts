import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from './db/client.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { concrete, encodeAny, fieldPaths, operationsOf, sample, withValue, type JsonSchema, type Operation } from '../test/openapi-walk.ts';

// Every route of the OpenAPI document × every field of its path, query and
// body × hostile values (NUL bytes, lone surrogates, dates out of range, emoji
// across every length limit, wrong types, injection-looking text). The server
// must answer each with a 4xx in the error shape, or accept and store it — never
// a 5xx — and a refused request must leave every table as it was.

const EMOJI = '😀';
const STRINGS = [
  '\u0000', 'a\u0000b', '\ud800', `x\udfff${EMOJI}`, `${EMOJI}\ud83d`,
  '+275760-09-13', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', '2026-02-30',
  '', '\u202e\u0645\u0631', "' or 1=1 --", '9'.repeat(40), 'x'.repeat(70_000),
];
const NON_STRINGS: unknown[] = [null, -1, 1e308, true, [], { '\u0000': 1 }, { '\ud800': 'x' }];

/** An emoji straddling the length limit the schema states, and the cut the server makes in timelines (200). */
function boundaryValues(s: JsonSchema): string[] {
  const limits = new Set([200]);
  if (s.maxLength) for (const d of [-1, 0]) limits.add(s.maxLength + d);
  return [...limits].filter((n) => n >= 2 && n <= 5000).map((n) => `${'测'.repeat(n - 1)}${EMOJI}`);
}

function hostileValues(schema: JsonSchema): unknown[] {
  return [...STRINGS, ...NON_STRINGS, ...boundaryValues(concrete(schema))];
}

let t: TestApp;
let admin: string;
const ids: Record<string, string> = {};
let randomId = () => '00000000-0000-4000-8000-000000000000';

async function firstId(table: string): Promise<string | undefined> {
  const [r] = await queryRows<{ id: string }>(t.database.db, sql.raw(`select id::text as id from ${table} limit 1`));
  return r?.id;
}

// the tables and a cheap way to know whether anything was written since
let tables: string[] = [];
async function checksum(): Promise<string> {
  const parts = tables.map((n) => `select '${n}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as s from "${n}" x`);
  const rows = await queryRows<{ t: string; s: string }>(t.database.db, sql.raw(parts.join(' union all ')));
  return rows.map((r) => `${r.t}=${r.s}`).join(' ');
}
async function xid(): Promise<bigint> {
  const [r] = await queryRows<{ x: string }>(t.database.db, sql`select txid_current()::text as x`);
  return BigInt(r.x);
}

beforeAll(async () => {
  t = await createTestApp({}, { autoDrain: false });
  admin = await t.login('admin');
  const op = await t.login('operator');
  const ticket = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'repair', channel: 'phone', customer: { name: '测试客户', phone: '13900009999', address: '上海市静安区南京西路1号' },
    fields: { content: '水管漏水', preferredTime: '上午' },
  });
  expect(ticket.status).toBe(201);
  await t.drain();
  ids.tickets = ticket.body.id;
  ids.customers = ticket.body.customerId;
  const dept = await t.request(admin, 'POST', '/api/v1/departments', { name: '临时部门' });
  ids.departments = dept.body.id;
  ids.teams = (await t.request(admin, 'POST', '/api/v1/teams', { name: '临时班组', departmentId: dept.body.id })).body.id;
  ids.roles = (await t.request(admin, 'POST', '/api/v1/roles', { name: '临时角色', permissions: ['ticket:view'], dataScope: 'own' })).body.id;
  ids.users = (await t.request(admin, 'POST', '/api/v1/users', { username: 'tmp_user', displayName: '临时', password: 'tmp-password-1', roleIds: [ids.roles] })).body.id;
  ids.surveys = (await t.request(admin, 'POST', '/api/v1/surveys', { name: '临时调查', kind: 'after_resolution' })).body?.id;
  for (const [key, table] of [['interactions', 'interactions'], ['notifications', 'notifications'], ['rules', 'rules'], ['calendars', 'business_calendars'],
    ['sla-policies', 'sla_policies'], ['callbacks', 'callback_tasks'], ['callback-policies', 'callback_policies'], ['callback-scripts', 'callback_scripts'],
    ['callback-campaigns', 'callback_campaigns'], ['surveys', 'surveys']] as const) {
    ids[key] ??= (await firstId(table)) ?? randomId();
  }
  tables = (await queryRows<{ n: string }>(t.database.db, sql`select table_name as n from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).map((r) => r.n);
});
afterAll(async () => { await t?.close(); });

/** A real value for a path parameter: the resource the path names. */
function pathValue(op: Operation, name: string): string {
  const resource = op.path.split('/')[3];
  if (name === 'type') return 'repair';
  if (name === 'key') return op.path.includes('rule-templates') ? 'dairy_hotline' : 'qc_manager';
  if (name === 'customerClass') return 'A';
  if (name === 'token') return 'x'.repeat(40);
  return ids[resource] ?? randomId();
}

interface Probe { op: Operation; where: string; value: unknown }

function buildRequest(p: Probe) {
  const { op } = p;
  let url = op.path;
  for (const prm of op.pathParams) {
    const v = p.where === `path.${prm.name}` ? p.value : pathValue(op, prm.name);
    url = url.replace(`{${prm.name}}`, encodeAny(typeof v === 'string' ? v : JSON.stringify(v)));
  }
  const query: string[] = [];
  for (const q of op.queryParams) {
    if (p.where === `query.${q.name}`) {
      const vs = Array.isArray(p.value) ? p.value : [p.value];
      for (const v of vs) query.push(`${q.name}=${encodeAny(typeof v === 'string' ? v : JSON.stringify(v))}`);
    } else if (q.required) {
      query.push(`${q.name}=${encodeAny(String(sample(q.schema, () => randomId())))}`);
    }
  }
  if (query.length) url += `?${query.join('&')}`;
  let payload: string | undefined;
  if (op.body) {
    const base = sample(op.body, () => ids.customers);
    const body = p.where.startsWith('body.')
      ? withValue(base, op.body, p.where.slice(5).split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), p.value, () => ids.customers)
      : base;
    payload = JSON.stringify(body);
  }
  return { url, payload };
}

function probesOf(op: Operation): Probe[] {
  const out: Probe[] = [];
  for (const prm of op.pathParams) for (const value of hostileValues(prm.schema)) out.push({ op, where: `path.${prm.name}`, value });
  for (const q of op.queryParams) for (const value of hostileValues(q.schema)) out.push({ op, where: `query.${q.name}`, value });
  if (op.body) {
    for (const f of fieldPaths(op.body)) for (const value of hostileValues(f.schema)) out.push({ op, where: `body.${f.path.join('.')}`, value });
    for (const value of ['\u0000', '"\ud800"', '{"a":"\\u0000"}', '{"\\ud800":1}', '[]', 'null', '{"a":1e400}']) out.push({ op, where: 'raw', value });
  }
  return out;
}

const describeValue = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 20)}…(${s.length})` : s);
};

describe('hostile input on every route', () => {
  it('never answers 5xx, answers refusals in the error shape, and a refused request changes no row', async () => {
    const ops = operationsOf(t.app.swagger()).filter((o) => o.path.startsWith('/api/') && !o.path.startsWith('/api/docs'));
    const probes = ops.flatMap(probesOf);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let lastSum = await checksum();
    let lastXid = await xid();
    for (const p of probes) {
      const { url, payload } = p.where === 'raw' ? { url: buildRequest(p).url, payload: p.value as string } : buildRequest(p);
      const res = await t.app.inject({
        method: p.op.method as 'GET', url, payload,
        headers: { authorization: `Bearer ${admin}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const label = `${p.op.method} ${p.op.path} ${p.where}=${describeValue(p.value)} → ${res.statusCode}`;
      if (res.statusCode >= 500) failures.push(`${label} ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400 && res.statusCode < 500) {
        const body = res.json() as { error?: { code?: unknown; message?: unknown } };
        if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') failures.push(`${label}: not the error shape`);
      }
      if (res.statusCode < 400) await t.drain();
      // only when some transaction took an id since the last look is the full checksum worth computing
      const now = await xid();
      if (now !== lastXid + 1n) {
        const sum = await checksum();
        if (res.statusCode >= 400 && sum !== lastSum) failures.push(`${label}: refused, but rows changed`);
        lastSum = sum;
        lastXid = await xid();
      } else {
        lastXid = now;
      }
    }
    console.info(`hostile input: ${probes.length} requests over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    if (failures.length) console.error(failures.join('\n'));
    expect(failures.slice(0, 30)).toEqual([]);
    expect(probes.length).toBeGreaterThanOrEqual(5000);
  });
});

describe('the cases the probe found', () => {
  it('refuses a NUL byte in the login username and a lone surrogate in a JSON string with a 400 naming the field', async () => {
    const nul = await t.request(null, 'POST', '/api/v1/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({ code: 'INVALID_TEXT' });
    expect(nul.body.error.message).toContain('body.username');
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/tickets/${ids.tickets}/notes`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: '{"body":"abc\\ud83d"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TEXT');
  });

  it('stores a 199-character note followed by an emoji whole, and its timeline entry cut between characters', async () => {
    const body = `${'注'.repeat(199)}${EMOJI}${'尾'.repeat(10)}`;
    const res = await t.request(admin, 'POST', `/api/v1/tickets/${ids.tickets}/notes`, { body });
    expect(res.status).toBe(201);
    const timeline = await t.request(admin, 'GET', `/api/v1/tickets/${ids.tickets}/timeline`);
    const entry = JSON.stringify(timeline.body);
    expect(entry).toContain(`${'注'.repeat(199)}${EMOJI}`);
    expect(entry).not.toContain('尾');
  });

  it('refuses dates beyond what the database stores with a 400, in queries and bodies', async () => {
    for (const url of ['/api/v1/tickets?from=%2B275760-09-13', '/api/v1/notification-log?to=0000-01-01', '/api/v1/callbacks/trend?from=0000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z']) {
      const res = await t.request(admin, 'GET', url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
    const res = await t.request(admin, 'POST', '/api/v1/interactions', { channel: 'phone', startedAt: '+275760-09-13' });
    expect(res.status).toBe(400);
  });
});
