import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { calendarSpec, DEFAULT_OFFICE_HOURS } from '@kefu/shared/calendar-spec';
import { chinaHolidayDays } from '../../platform/time/china-holidays.ts';
import { nextCutoff, runCutoff } from './dispatch-cutoff.ts';

const office = calendarSpec.parse({ ...DEFAULT_OFFICE_HOURS, days: chinaHolidayDays([2026, 2027]) });

describe('the 10:00 order cut-off (ORD-01)', () => {
  it('falls on the next working day at 10:00, skipping holidays and using make-up workdays', () => {
    const at = (iso: string) => nextCutoff(office, '10:00', new Date(iso)).toISOString();
    expect(at('2026-11-26T09:00:00+08:00')).toBe('2026-11-26T02:00:00.000Z'); // Thursday, before 10:00: today
    expect(at('2026-11-27T10:30:00+08:00')).toBe('2026-11-30T02:00:00.000Z'); // Friday after 10:00: Monday
    expect(at('2026-09-30T11:00:00+08:00')).toBe('2026-10-08T02:00:00.000Z'); // 国庆 Oct 1–7
    expect(at('2026-10-09T11:00:00+08:00')).toBe('2026-10-10T02:00:00.000Z'); // Saturday 10-10 is a make-up workday
  });

  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('sends each clerk one digest of the order forms still waiting, alerts the team lead, and schedules the next run', async () => {
    const op = await t.login('operator');
    const numbers: string[] = [];
    for (const channel of ['home', 'retail', 'mall']) {
      const r = await t.request(op, 'POST', '/api/v1/tickets', { type: 'order', channel: 'phone', customer: { name: '订户', phone: `1370000${channel.length}${numbers.length}00` },
        fields: { product: '鲜奶', spec: '250ml', quantity: 30, deliveryChannel: channel } });
      numbers.push(r.body.number);
    }
    await t.drain();
    const [cutoff] = await queryRows<{ id: string }>(t.database.db, sql`select id from dispatch_cutoffs where template = 'dairy_hotline'`);
    const pending = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where kind = 'dispatch.cutoff' and status = 'pending'`);
    expect(pending[0].n).toBe(1);
    const waiting = await t.app.services.unit((work) => runCutoff(work, cutoff.id, new Date()));
    expect(waiting).toBe(3);
    const inbox = async (u: string) => (await t.request(await t.login(u), 'GET', '/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'dispatch.digest');
    const zhou = await inbox('sales_clerk');
    expect(zhou).toHaveLength(1);
    expect(zhou[0].title).toContain('2 ');
    expect(zhou[0].body).toContain(numbers[1]);
    expect((await inbox('station_clerk'))[0].body).toContain(numbers[0]);
    expect((await inbox('lead'))[0].title).toContain('3 ');
    const next = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where kind = 'dispatch.cutoff' and status = 'pending'`);
    expect(next[0].n).toBeGreaterThanOrEqual(1);
  });
});
