import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

const open = (body: object, lang = 'zh-CN') => t.request(op, 'POST', '/api/v1/interactions', body, { 'accept-language': lang });
const calls = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from interactions`))[0].n;

describe('the call record', () => {
  it('refuses a caller number that is no phone number, naming the field, and records nothing', async () => {
    const before = await calls();
    const res = await open({ channel: 'phone', callerNumber: '12ab34' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_PHONE', details: [{ path: 'callerNumber' }] });
    expect(res.body.error.message).toContain('电话号码「12ab34」无效');
    const en = await open({ channel: 'phone', callerNumber: '12ab34' }, 'en-US');
    expect(en.body.error.details[0].message).toContain('Phone number "12ab34" is invalid');
    expect(await calls()).toBe(before);
  });

  it('stores a caller number normalized, and none when it was withheld', async () => {
    const mobile = await open({ channel: 'phone', callerNumber: '138 1234 5678' });
    expect(mobile.status).toBe(201);
    expect(mobile.body.callerNumber).toBe('13812345678');
    expect((await open({ channel: 'phone', callerNumber: '0755 86001234' })).body.callerNumber).toBe('0755-86001234');
    for (const withheld of [null, '', '  ']) {
      const res = await open({ channel: 'phone', callerNumber: withheld });
      expect(res.status).toBe(201);
      expect(res.body.callerNumber).toBeNull();
    }
  });
});
