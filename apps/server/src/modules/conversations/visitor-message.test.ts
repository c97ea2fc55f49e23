import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// A visitor's text message is the busiest write of chat at scale: it must
// cost the database one statement (token check, insert, counters as CTEs of
// one INSERT), and still be stored before it is answered.

let t: TestApp;
let op: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

type Fn = (...args: unknown[]) => unknown;
/** counts the statements sent to the database (BEGIN and COMMIT each count) while `work` runs, on either driver */
async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const client = (t.database.db as unknown as { $client: object }).$client;
  let n = 0;
  const restore: (() => void)[] = [];
  const wrap = (o: Record<string, unknown>, name: string, count: (args: unknown[]) => number) => {
    const original = o[name] as Fn;
    o[name] = function (this: unknown, ...args: unknown[]) {
      n += count(args);
      return original.apply(this, args);
    };
    restore.push(() => { o[name] = original; });
  };
  if (client instanceof PGlite) {
    const c = client as unknown as Record<string, unknown>;
    wrap(c, 'query', () => 1);
    wrap(c, 'exec', () => 1);
    const transaction = c.transaction as Fn;
    c.transaction = (fn: (tx: Record<string, unknown>) => unknown) => (transaction.call(client, (tx: Record<string, unknown>) => {
      n += 2; // BEGIN, COMMIT
      wrap(tx, 'query', () => 1);
      wrap(tx, 'exec', () => 1);
      return fn(tx);
    }));
    restore.push(() => { c.transaction = transaction; });
  } else if (client instanceof pg.Pool) {
    // every statement goes through a pooled connection (pool.query too): count there
    const pool = client as unknown as Record<string, unknown>;
    const instrument = (conn: Record<string, unknown>) => {
      const query = conn.query as Fn;
      conn.query = function (this: unknown, ...args: unknown[]) {
        n++;
        return query.apply(this, args);
      };
      restore.push(() => { conn.query = query; });
    };
    const connect = pool.connect as Fn;
    pool.connect = (cb?: (err: unknown, conn: Record<string, unknown>, done: unknown) => void) => {
      if (cb) return connect.call(client, (err: unknown, conn: Record<string, unknown>, done: unknown) => { if (conn) instrument(conn); cb(err, conn, done); });
      return (connect.call(client) as Promise<Record<string, unknown>>).then((conn) => { instrument(conn); return conn; });
    };
    restore.push(() => { pool.connect = connect; });
  }
  try {
    await work();
    return n;
  } finally {
    for (const r of restore.reverse()) r();
  }
}

const visitor = (token: string | null, method: string, url: string, body?: unknown) =>
  t.app.inject({ method: method as 'GET', url, payload: body as object, headers: token ? { authorization: `Bearer ${token}` } : {} })
    .then((r) => ({ status: r.statusCode, body: r.body ? JSON.parse(r.body) : null }));

describe("a visitor's message", () => {
  it('costs one statement, new or sent again, and is stored before it is answered', async () => {
    const c = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: '访客小何', message: '在吗' })).body;
    const url = `/api/v1/public/chat/conversations/${c.conversationId}/messages`;
    let first!: { status: number; body: { id: string; body: string; clientId: string } };
    expect(await statementsDuring(async () => { first = await visitor(c.visitorToken, 'POST', url, { body: '想问一下配送时间', clientId: 'k-1' }); })).toBe(1);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ body: '想问一下配送时间', clientId: 'k-1', author: 'visitor' });
    const stored = await t.database.db.execute(`select body from conversation_messages where id = '${first.body.id}'` as never) as unknown as { rows: { body: string }[] };
    expect(stored.rows[0].body).toBe('想问一下配送时间');

    let again!: { status: number; body: { id: string } };
    expect(await statementsDuring(async () => { again = await visitor(c.visitorToken, 'POST', url, { body: '想问一下配送时间', clientId: 'k-1' }); })).toBe(1);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });

    // the counter counts: a message with a file still goes through the transaction that claims it
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const file = JSON.parse((await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${c.conversationId}/attachments?name=a.png`,
      headers: { authorization: `Bearer ${c.visitorToken}`, 'content-type': 'image/png' }, payload: png })).body);
    expect(await statementsDuring(() => visitor(c.visitorToken, 'POST', url, { attachmentIds: [file.id] }))).toBeGreaterThanOrEqual(6);
    // no clientId at all: one statement too
    expect(await statementsDuring(() => visitor(c.visitorToken, 'POST', url, { body: '还有一个问题' }))).toBe(1);

    const inbox = (await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body;
    expect(inbox.lastMessagePreview).toBe('还有一个问题');
    expect(inbox.unreadByAgent).toBe(4); // the first message, then three new ones (the resend counted nothing)
    expect(inbox.messages.filter((m: { author: string }) => m.author === 'visitor').map((m: { body: string }) => m.body)).toEqual(['在吗', '想问一下配送时间', '', '还有一个问题']);
  });

  it('answers 404 for a wrong token or another conversation, storing nothing', async () => {
    const a = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: '甲', message: '一' })).body;
    const b = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: '乙', message: '二' })).body;
    expect((await visitor(b.visitorToken, 'POST', `/api/v1/public/chat/conversations/${a.conversationId}/messages`, { body: '冒充' })).status).toBe(404);
    expect((await visitor(null, 'POST', `/api/v1/public/chat/conversations/${a.conversationId}/messages`, { body: '冒充' })).status).toBe(404);
    const seen = (await visitor(a.visitorToken, 'GET', `/api/v1/public/chat/conversations/${a.conversationId}`)).body;
    expect(seen.messages.map((m: { body: string }) => m.body)).not.toContain('冒充');
  });

  it('opens a resolved conversation again', async () => {
    const c = (await visitor(null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: '丙', message: '三' })).body;
    await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/end`);
    expect((await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body.status).toBe('resolved');
    expect((await visitor(c.visitorToken, 'POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`, { body: '又想起一件事' })).status).toBe(201);
    const after = (await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`)).body;
    expect(after).toMatchObject({ status: 'open', resolvedAt: null });
  });
});
