import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { startSmtpTestServer, type SmtpTestServer } from './channels/smtp-test-server.ts';

let t: TestApp;
let smtp: SmtpTestServer;
let op: string;
let qc: string;
let admin: string;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp({ KEFU_SMTP_HOST: '127.0.0.1', KEFU_SMTP_PORT: String(smtp.port), KEFU_SMTP_SECURE: 'false', KEFU_SMTP_TIMEOUT_MS: '1000' });
  [op, qc, admin] = await Promise.all([t.login('operator'), t.login('qc_manager'), t.login('admin')]);
  const users = (await t.request(admin, 'GET', '/api/v1/users')).body.items;
  const liu = users.find((u: { username: string }) => u.username === 'qc_manager');
  expect((await t.request(admin, 'PATCH', `/api/v1/users/${liu.id}`, { email: 'liuqiang@hengkang.example', mobile: '13900000501' })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

let phone = 13877770000;
const complaint = () => t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '张先生', phone: String(phone++) },
  fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour' } });

describe('notifications', () => {
  it('lists the user\'s notifications newest first with their work order, and marks them read', async () => {
    const a = await complaint();
    await t.drain();
    const b = await complaint();
    await t.drain();
    const list = await t.request(qc, 'GET', '/api/v1/notifications');
    expect(list.body.items.slice(0, 2).map((n: { ticketId: string }) => n.ticketId)).toEqual([b.body.id, a.body.id]);
    expect(list.body.items[0]).toMatchObject({ kind: 'ticket.routed', readAt: null });
    expect(list.body.items[0].title).toBe(`新转办工单 ${b.body.number}\uFF1A${b.body.subject}`);
    const unread = list.body.unread;
    const read = await t.request(qc, 'POST', `/api/v1/notifications/${list.body.items[0].id}/read`);
    expect(read.body.readAt).not.toBeNull();
    expect((await t.request(qc, 'GET', '/api/v1/notifications')).body.unread).toBe(unread - 1);
    // another user cannot touch it
    expect((await t.request(op, 'POST', `/api/v1/notifications/${list.body.items[1].id}/read`)).status).toBe(404);
    expect((await t.request(qc, 'POST', '/api/v1/notifications/read-all')).body.marked).toBe(unread - 1);
    expect((await t.request(qc, 'GET', '/api/v1/notifications?unread=true')).body.items).toEqual([]);
  });

  it('emails people who asked for it, through a real SMTP server, and logs the delivery', async () => {
    const prefs = await t.request(qc, 'PUT', '/api/v1/me/notification-preferences', { items: [{ kind: 'ticket.routed', channels: ['email'] }] });
    expect(prefs.status).toBe(200);
    const c = await complaint();
    await t.drain();
    const mail = smtp.received.find((m) => m.headers.subject?.includes(c.body.number));
    expect(mail, 'mail arrived').toBeDefined();
    expect(mail!.envelope.to).toEqual(['liuqiang@hengkang.example']);
    expect(mail!.headers.subject).toBe(`新转办工单 ${c.body.number}\uFF1A${c.body.subject}`);
    expect(mail!.text).toContain('刘强\uFF0C您好');
    const mgr = await t.login('cs_manager');
    const log = await t.request(mgr, 'GET', `/api/v1/notification-log?ticketId=${c.body.id}&channel=email`);
    expect(log.body.items).toMatchObject([{ userName: '刘强', channel: 'email', status: 'sent', attempts: 1, ticketNumber: c.body.number }]);
    expect((await t.request(op, 'GET', '/api/v1/notification-log')).status).toBe(403);
  });

  it('keeps saving work orders when mail is down, and retries the delivery with backoff', async () => {
    await smtp.stop();
    const c = await complaint();
    expect(c.status).toBe(201);
    await t.drain();
    const mgr = await t.login('cs_manager');
    const log = await t.request(mgr, 'GET', `/api/v1/notification-log?ticketId=${c.body.id}&channel=email`);
    expect(log.body.items).toMatchObject([{ status: 'retrying', attempts: 1 }]);
    expect(log.body.items[0].error).toBeTruthy();
    const [job] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where kind = 'notifications.deliver' and status = 'pending' and run_at > now()`);
    expect(job.n).toBe(1);
    // in-app still arrived at once
    expect((await t.request(qc, 'GET', '/api/v1/notifications')).body.items[0].ticketId).toBe(c.body.id);
    smtp = await startSmtpTestServer();
  });

  it('sends urgent notices by SMS to people with a mobile number', async () => {
    await t.request(op, 'POST', '/api/v1/tickets', { type: 'complaint', channel: 'phone', customer: { name: '急', phone: String(phone++) },
      fields: { target: '鲜奶', reason: '住院', validity: 'valid', category: 'product_quality', symptom: 'spoilage', injury: true, injuryDetail: '住院' } });
    await t.drain();
    const mgr = await t.login('cs_manager');
    const sms = await t.request(mgr, 'GET', '/api/v1/notification-log?channel=sms');
    // 刘强 is not senior management: only people with a mobile and an urgent notice get SMS
    expect(sms.body.items.every((d: { status: string }) => d.status === 'sent')).toBe(true);
  });

  it('pushes a notification over the WebSocket the moment it is created', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { authorization: `Bearer ${qc}` } });
    const messages: { type: string; notification?: { ticketId: string } }[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    await new Promise((r) => setTimeout(r, 50));
    const c = await complaint();
    await t.drain();
    for (let i = 0; i < 50 && !messages.some((m) => m.type === 'notification'); i++) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(messages[0].type).toBe('hello');
    expect(messages.find((m) => m.type === 'notification')?.notification?.ticketId).toBe(c.body.id);
    const anon = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`);
    const status = await new Promise<number>((resolve) => anon.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});
