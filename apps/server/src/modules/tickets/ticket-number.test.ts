import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { nextTicketNumber } from './ticket-number.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('work-order numbers', () => {
  it('starts a new day under concurrent saves without an error or a repeated number', async () => {
    // the first saves of a day race to create its sequence (on PostgreSQL one of them loses)
    const day = new Date('2031-03-04T02:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 24 }, () => nextTicketNumber(t.database.db, day, 'Asia/Shanghai')));
    expect(new Set(numbers).size).toBe(24);
    expect(numbers.every((n) => /^GD20310304-\d{4}$/.test(n))).toBe(true);
  });
});
