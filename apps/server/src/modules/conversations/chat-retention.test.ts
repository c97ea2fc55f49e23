import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
beforeAll(async () => {
  t = await createTestApp({ KEFU_CHAT_RETENTION_DAYS: '30' }, { rules: false });
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

describe('chat retention (KEFU_CHAT_RETENTION_DAYS)', () => {
  it('deletes the messages and files of conversations resolved longer ago, keeping the conversation and its work-order link', async () => {
    const start = async (message: string) => JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/public/chat/conversations', payload: { channel: 'website', name: '老访客', message } })).body);
    const old = await start('一个月前的问题');
    const recent = await start('昨天的问题');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const up = JSON.parse((await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${old.conversationId}/attachments?name=a.png`,
      headers: { authorization: `Bearer ${old.visitorToken}`, 'content-type': 'image/png' }, payload: png })).body);
    await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${old.conversationId}/messages`, headers: { authorization: `Bearer ${old.visitorToken}` }, payload: { attachmentIds: [up.id] } });
    const me = (await t.request(op, 'GET', '/api/v1/me')).body;
    for (const c of [old, recent]) {
      await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.id });
      await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { status: 'resolved' });
    }
    await t.database.db.execute(sql`update conversations set resolved_at = now() - interval '31 days' where id = ${old.conversationId}::uuid`);
    await t.advance(3600_000); // the first purge runs an hour after start
    await t.drain();

    const gone = (await t.request(op, 'GET', `/api/v1/conversations/${old.conversationId}`)).body;
    expect(gone.messages.map((m: { body: string }) => m.body)).toEqual(['聊天记录已按 30 天保留期限清除']);
    expect(gone.lastMessagePreview).toBe('');
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${old.conversationId}/attachments/${up.id}`, headers: { authorization: `Bearer ${op}` } });
    expect(file.statusCode).toBe(404);
    const kept = (await t.request(op, 'GET', `/api/v1/conversations/${recent.conversationId}`)).body;
    expect(kept.messages.map((m: { body: string }) => m.body)).toContain('昨天的问题');
  });
});
