import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { prepareDatabase } from './db/prepare.ts';
import { buildApp } from './app.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

describe('configuration', () => {
  it('seeds demo data on the embedded database unless told not to, never with DATABASE_URL', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ KEFU_SEED: 'none' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' }).seedDemo).toBe(false);
    expect(loadConfig({ PORT: '4000', KEFU_DATA_DIR: '/tmp/k' })).toMatchObject({ PORT: 4000, KEFU_DATA_DIR: '/tmp/k' });
  });

  it('refuses an invalid setting at boot with the name of the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe.skipIf(!!process.env.DATABASE_URL)('embedded database on disk', () => {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'kefu-boot-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps work orders across a restart and seeds the demo only once', async () => {
    const config = loadConfig({ KEFU_LOG_LEVEL: 'silent', KEFU_DATA_DIR: path.join(dir, 'data') });
    let database = await openDatabase({ dataDir: config.KEFU_DATA_DIR });
    expect((await prepareDatabase(database, config, { sampleData: false })).seeded).toBe('demo');
    let app = await buildApp(config, database, { logger: false });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'kefu-demo' } });
    const token = login.json().token;
    const created = await app.inject({
      method: 'POST', url: '/api/v1/tickets', headers: { authorization: `Bearer ${token}` },
      payload: { type: 'repair', channel: 'phone', customer: { name: '重启测试', phone: '13900001234' }, fields: { content: '漏水', preferredTime: '上午' } },
    });
    expect(created.statusCode).toBe(201);
    await app.close();
    await database.close();

    database = await openDatabase({ dataDir: config.KEFU_DATA_DIR });
    expect((await prepareDatabase(database, config)).seeded).toBeNull();
    app = await buildApp(config, database, { logger: false });
    const again = await app.inject({ method: 'GET', url: `/api/v1/tickets/${created.json().id}`, headers: { authorization: `Bearer ${token}` } });
    expect(again.statusCode).toBe(200);
    expect(again.json().number).toBe(created.json().number);
    await app.close();
    await database.close();
  });

  it('seeds sample customers and work orders for a first look', async () => {
    const config = loadConfig({ KEFU_LOG_LEVEL: 'silent' });
    const database = await openDatabase({ dataDir: 'memory://' });
    expect((await prepareDatabase(database, config)).seeded).toBe('demo');
    const app = await buildApp(config, database, { logger: false });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cs_manager', password: 'kefu-demo' } });
    const list = await app.inject({ method: 'GET', url: '/api/v1/tickets?view=all', headers: { authorization: `Bearer ${login.json().token}` } });
    const statuses = list.json().items.map((i: { status: string }) => i.status).sort();
    expect(statuses).toEqual(['new', 'new', 'new', 'open', 'pending', 'resolved', 'resolved', 'resolved']);
    // the resolved complaints are waiting for their callbacks once the background has run
    await app.services.drain();
    const op = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'kefu-demo' } });
    const callbacks = await app.inject({ method: 'GET', url: '/api/v1/callbacks?status=open', headers: { authorization: `Bearer ${op.json().token}` } });
    expect(callbacks.json().items.filter((c: { ticketId: string | null }) => c.ticketId)).toHaveLength(2);
    await app.close();
    await database.close();
  });

  it('creates only a first administrator when demo data is off', async () => {
    const config = loadConfig({ KEFU_LOG_LEVEL: 'silent', KEFU_SEED: 'none' });
    const database = await openDatabase({ dataDir: 'memory://' });
    const r = await prepareDatabase(database, config, { adminPassword: 'first-admin-pw' });
    expect(r.seeded).toBe('admin');
    const app = await buildApp(config, database, { logger: false });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'kefu-demo' } });
    expect(bad.statusCode).toBe(401);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'first-admin-pw' } });
    expect(ok.json().user.permissions).toContain('org:manage');
    await app.close();
    await database.close();
  });
});

describe('API surface', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('serves health without login and OpenAPI documenting every route and the stable field keys', async () => {
    expect((await t.request(null, 'GET', '/api/health')).body.status).toBe('ok');
    const doc = await t.request(null, 'GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/customers', '/api/v1/customers/{id}',
      '/api/v1/forms', '/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/tickets/{id}/notes']) {
      expect(paths).toContain(p);
    }
    const create = doc.body.paths['/api/v1/tickets'].post;
    expect(create.description).toContain('batchNumber');
    // the body is a named component (TicketCreate) referred to by $ref
    const bodySchema = create.requestBody.content['application/json'].schema;
    const resolved = bodySchema.$ref ? doc.body.components.schemas[bodySchema.$ref.split('/').pop()] : bodySchema;
    expect(resolved.properties).toHaveProperty('fields');
  });

  it('hides internals behind a generic 500', async () => {
    const token = await t.login('operator');
    const broken = await createTestApp();
    const brokenToken = await broken.login('operator');
    await broken.database.close(); // every query now fails inside the server
    const res = await broken.request(brokenToken, 'GET', '/api/v1/tickets?view=all');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误,请稍后重试' } });
    await broken.app.close();
    expect((await t.request(token, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('serves the form definitions the workbench renders, with conditional sections', async () => {
    const res = await t.request(await t.login('operator'), 'GET', '/api/v1/forms');
    const types = res.body.items.map((f: { type: string }) => f.type).sort();
    expect(types).toEqual(['complaint', 'inquiry', 'order', 'repair', 'task']);
    expect(res.body.items.find((f: { type: string }) => f.type === 'task').definition.internal).toBe(true);
    const complaint = res.body.items.find((f: { type: string }) => f.type === 'complaint').definition;
    const product = complaint.sections.find((s: { key: string }) => s.key === 'productQuality');
    expect(product.when).toEqual({ field: 'category', in: ['product_quality'] });
    expect(product.fields.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(['symptom', 'purchaseMethod', 'purchasePlace', 'batchNumber', 'productionDate', 'injury']));
  });

  it('lets a form manager publish a new form version; existing work orders keep theirs', async () => {
    const mgr = await t.login('cs_manager');
    const op = await t.login('operator');
    const before = await t.request(op, 'POST', '/api/v1/tickets', {
      type: 'repair', channel: 'phone', customer: { name: '版本', phone: '13900005555' }, fields: { content: 'a', preferredTime: 'b' } });
    expect(before.body.error).toBeUndefined();
    const current = (await t.request(mgr, 'GET', '/api/v1/forms/repair')).body;
    const def = structuredClone(current.definition);
    def.sections[0].fields.push({ key: 'floor', label: { zh: '楼层', en: 'Floor' }, type: 'integer', required: true });
    const saved = await t.request(mgr, 'PUT', '/api/v1/forms/repair', def);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.version + 1);
    expect((await t.request(op, 'PUT', '/api/v1/forms/repair', def)).status).toBe(403);
    const invalid = await t.request(mgr, 'PUT', '/api/v1/forms/repair', { ...def, sections: [] });
    expect(invalid.body).toMatchObject({ error: { code: 'INVALID_FORM_DEFINITION' } });
    expect(invalid.status).toBe(422);

    const missing = await t.request(op, 'POST', '/api/v1/tickets', {
      type: 'repair', channel: 'phone', customer: { id: before.body.customerId }, fields: { content: 'a', preferredTime: 'b' } });
    expect(missing.body.error?.message).toContain('floor');
    expect(missing.status).toBe(422);
    const old = await t.request(op, 'GET', `/api/v1/tickets/${before.body.id}`);
    expect(old.body.formVersion).toBe(current.version);
    const edited = await t.request(op, 'PATCH', `/api/v1/tickets/${before.body.id}`, { fields: { content: '改了' } });
    expect(edited.status).toBe(200);
  });
});
