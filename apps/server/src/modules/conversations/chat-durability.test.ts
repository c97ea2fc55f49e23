import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshPostgres } from '../../../test/test-app.ts';
import { api, kill, killAll, startServerProcess } from '../../../test/server-process.ts';
import { waitFor } from '../../../test/footprint.ts';

// A visitor's message is stored before it is answered (AUD-06, QA-02): when
// the server dies under a chat load, every acknowledged message is there once,
// in the order it was sent, and the widget's resend of what got no answer
// (same clientId) is stored once. A real process on PostgreSQL, a real SIGKILL.

const base = process.env.DATABASE_URL;
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await killAll();
  for (const d of drops) await d();
});

describe.runIf(!!base)('chat messages survive SIGKILL', () => {
  it('keeps every acknowledged visitor message exactly once and in order; a resend after the restart is stored once', async () => {
    const fresh = await freshPostgres(base!);
    drops.push(fresh.drop);
    const env = { KEFU_CHAT_START_LIMIT: '100000', KEFU_CHAT_MESSAGE_LIMIT: '100000' };
    const a = await startServerProcess(fresh.url, env);
    const db = new pg.Client({ connectionString: fresh.url });
    await db.connect();
    try {
      const chats: { id: string; token: string; acked: number[]; tried: number }[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await api(a.url, null, 'POST', '/api/v1/public/chat/conversations', { channel: 'website', name: `访客${i}`, phone: `1376000000${i}`, message: '你好' });
        expect(r.status).toBe(201);
        chats.push({ id: r.body.conversationId, token: r.body.visitorToken, acked: [], tried: 0 });
      }
      let killed = false;
      let total = 0;
      // each visitor writes as fast as the server answers, one message after the other, as the widget's outbox does
      const visitor = async (c: (typeof chats)[number]) => {
        while (!killed) {
          const n = c.tried++;
          try {
            const r = await api(a.url, c.token, 'POST', `/api/v1/public/chat/conversations/${c.id}/messages`, { body: `第${n}条`, clientId: `m${n}` });
            if (r.status !== 201) throw new Error(`answered ${r.status}: ${JSON.stringify(r.body)}`);
            c.acked.push(n);
            total++;
          } catch (err) {
            if (killed) return; // the connection died with the server: not acknowledged
            throw err;
          }
        }
      };
      const running = chats.map(visitor);
      await waitFor('150 messages acknowledged', async () => total >= 150, a);
      killed = true;
      await kill(a);
      await Promise.all(running);

      for (const c of chats) {
        const { rows } = await db.query<{ client_id: string; at: string }>(
          `select client_id, (extract(epoch from created_at) * 1000)::bigint::text as at from conversation_messages where conversation_id = $1 and client_id is not null`, [c.id]);
        const at = new Map(rows.map((r) => [Number(r.client_id.slice(1)), Number(r.at)]));
        // every acknowledged one is there (once: a unique index), at most the one cut off besides
        expect(c.acked.filter((n) => !at.has(n))).toEqual([]);
        expect(rows.length - c.acked.length).toBeLessThanOrEqual(1);
        // in the order sent (two in the same millisecond share a time)
        for (let i = 1; i < c.acked.length; i++) expect(at.get(c.acked[i])!).toBeGreaterThanOrEqual(at.get(c.acked[i - 1])!);
      }

      // the widget sends again what got no answer: stored once, whether the first try had landed or not
      const b = await startServerProcess(fresh.url, env);
      for (const c of chats) {
        const n = c.acked.length;
        const again = await api(b.url, c.token, 'POST', `/api/v1/public/chat/conversations/${c.id}/messages`, { body: `第${n}条`, clientId: `m${n}` });
        expect([200, 201]).toContain(again.status);
        const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from conversation_messages where conversation_id = $1 and client_id = $2`, [c.id, `m${n}`]);
        expect(rows[0].n).toBe(1);
      }
      await kill(b);
    } finally {
      await db.end();
    }
  }, 300_000);
});
