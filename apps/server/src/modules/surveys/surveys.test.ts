import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// The satisfaction survey after a resolution: one state of each invitation,
// whichever way it is looked up, and no survey about a work order that is
// being worked on again by the time the link would go out.

let t: TestApp;
let op: string;
let qc: string;
let mgr: string;
const sms: { to: string; text: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  [op, qc, mgr] = await Promise.all(['operator', 'qc_manager', 'cs_manager'].map((u) => t.login(u)));
  const channel = t.app.services.channels.sms;
  const send = channel.send.bind(channel);
  channel.send = async (m) => { sms.push({ to: m.to, text: m.text }); return send(m); };
});
afterAll(async () => { await t.close(); });

const hm = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
/** the customers' rest time from an hour ago to an hour from now: the survey link waits */
const restNow = () => {
  const now = Date.now();
  return t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null, windows: [{ start: hm(new Date(now - 3_600_000)), end: hm(new Date(now + 3_600_000)) }] });
};
const noRest = () => t.request(mgr, 'PUT', '/api/v1/quiet-hours', { customerClass: null, windows: [] });
/** as if the rest time were over: the waiting sends are due now */
const restEnds = async () => {
  await noRest();
  await t.database.db.execute(sql`update jobs set run_at = now() where kind = 'surveys.send' and status = 'pending'`);
  await t.drain();
};

let phone = 13844440000;
async function resolvedComplaint(name: string) {
  const p = String(phone++);
  const created = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'phone', customer: { name, phone: p },
    fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B3' },
  });
  expect(created.status).toBe(201);
  expect((await t.request(qc, 'PATCH', `/api/v1/tickets/${created.body.id}`, { status: 'resolved', resolution: '已上门退换' })).status).toBe(200);
  return { id: created.body.id as string, customerId: created.body.customerId as string, phone: p };
}
const byTicket = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/survey-responses?ticketId=${id}`)).body.items;
const byCustomer = async (id: string) => (await t.request(mgr, 'GET', `/api/v1/survey-responses?customerId=${id}`)).body.items;

describe('the survey after a resolution', () => {
  it('is in one state wherever it is looked up: waiting while the customer rests, then sent', async () => {
    await restNow();
    try {
      const c = await resolvedComplaint('等待客户');
      const [onTicket] = await byTicket(c.id);
      const [onCustomer] = await byCustomer(c.customerId);
      expect(onTicket).toMatchObject({ sentAt: null, sendError: null, delivery: 'queued', skipReason: null });
      expect(onCustomer).toEqual(onTicket);
      expect(sms.filter((m) => m.to === c.phone)).toHaveLength(0);
      await restEnds();
      const [sent] = await byTicket(c.id);
      expect(sent.sentAt).not.toBeNull();
      expect(sent.delivery).toBe('sent');
      expect(await byCustomer(c.customerId)).toEqual([sent]);
      expect(sms.filter((m) => m.to === c.phone)).toHaveLength(1);
    } finally {
      await noRest();
    }
  });

  it('is not sent when an unsatisfied callback reopened the work order meanwhile: skipped with the reason, and sent after the next resolution', async () => {
    await restNow();
    let c: Awaited<ReturnType<typeof resolvedComplaint>>;
    try {
      c = await resolvedComplaint('不满意的客户');
      const [task] = (await t.request(mgr, 'GET', `/api/v1/callbacks?view=all&ticketId=${c.id}`)).body.items;
      // the customer asked to be called now, and is unhappy: the work order goes back to the QC department
      const unhappy = await t.request(op, 'POST', `/api/v1/callbacks/${task.id}/attempts`, {
        result: 'reached', satisfaction: 'unsatisfied', reason: '还是有异味', durationSeconds: 120, quietHoursOverride: true,
        answers: { resolved: false, attitude: '不满意' },
      });
      expect(unhappy.body.followUp).toBe('reopen');
    } finally {
      await restEnds();
    }
    expect(sms.filter((m) => m.to === c.phone)).toHaveLength(0);
    const [skipped] = await byTicket(c.id);
    expect(skipped).toMatchObject({ sentAt: null, sendError: null, delivery: 'skipped', skipReason: 'ticket_reopened' });
    expect(await byCustomer(c.customerId)).toEqual([skipped]);

    // put right and resolved again: this time the customer is asked
    await t.request(qc, 'PATCH', `/api/v1/tickets/${c.id}`, { status: 'resolved', resolution: '已再次上门更换' });
    const after = await byTicket(c.id);
    expect(after.map((x: { delivery: string }) => x.delivery).sort()).toEqual(['sent', 'skipped']);
    expect(sms.filter((m) => m.to === c.phone)).toHaveLength(1);
  });
});
