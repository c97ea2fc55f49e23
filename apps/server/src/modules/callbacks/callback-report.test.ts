import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { resolvedComplaint as complaintResolved } from '../../../test/complaints.ts';

// The callback summary report (CBK-10): due, on time, late, missed, coverage,
// satisfaction, reasons, reopens and the survey answers per row, on fixtures
// in periods of their own, and its Excel export.

let t: TestApp;
let op: string;
let qc: string;
let mgr: string;
let hotlineTeam: string;

beforeAll(async () => {
  t = await createTestApp();
  [op, qc, mgr] = await Promise.all(['operator', 'qc_manager', 'cs_manager'].map((u) => t.login(u)));
  const dir = (await t.request(op, 'GET', '/api/v1/directory')).body;
  hotlineTeam = dir.teams.find((x: { name: string }) => x.name === '热线一组').id;
});
afterAll(async () => { await t.close(); });

const resolvedComplaint = (name?: string) => complaintResolved(t, op, qc, name);

describe('the callback summary report', () => {
  it('counts due, on time, late, missed, coverage, satisfaction, reasons and reopens on a fixture', async () => {
    const made = await resolvedComplaint('报表客户');
    const c = { id: made.customerId };
    const tk = { id: made.id };
    const [u] = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'operator'`);
    const row = (source: string, due: string, status: string, doneAt: string | null, outcome: string | null, reason: string | null = null, ticket = false) => sql`
      (${source}, 'complaint', 'x', ${ticket ? tk.id : null}::uuid, ${c.id}::uuid, ${u.id}::uuid, ${due}::timestamptz, ${due}::timestamptz,
       ${status}, ${doneAt}::timestamptz, ${outcome}, ${reason}, ${source === '甲'})`;
    await t.database.db.execute(sql`insert into callback_tasks
      (source, callback_type, step, ticket_id, customer_id, assignee_id, available_at, due_at, status, done_at, outcome, reason, coverage_required) values
      ${row('甲', '2025-01-10T10:00:00Z', 'done', '2025-01-09T10:00:00Z', 'satisfied')},
      ${row('甲', '2025-01-11T10:00:00Z', 'done', '2025-01-12T10:00:00Z', 'unsatisfied', '态度差', true)},
      ${row('甲', '2025-01-12T10:00:00Z', 'open', null, null)},
      ${row('甲', '2025-01-13T10:00:00Z', 'closed', '2025-01-14T10:00:00Z', null)},
      ${row('乙', '2025-01-20T10:00:00Z', 'done', '2025-01-20T09:00:00Z', 'neutral')},
      ${row('乙', '2025-01-21T10:00:00Z', 'done', '2025-01-21T09:00:00Z', 'satisfied')},
      ${row('乙', '2025-02-01T10:00:00Z', 'done', '2025-02-01T09:00:00Z', 'satisfied')}`);
    const q = 'from=2025-01-01T00:00:00%2B08:00&to=2025-02-01T00:00:00%2B08:00';
    const res = await t.request(mgr, 'GET', `/api/v1/callbacks/report?${q}&groupBy=policy`);
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.rows.map((r: { label: string }) => [r.label, r]));
    expect(by['甲']).toMatchObject({ due: 4, onTime: 1, late: 1, missed: 1, pending: 0, closed: 1, reached: 2, satisfied: 1, unsatisfied: 1,
      coveragePct: 50, satisfactionPct: 50, reopened: 1, coverageRequired: true });
    expect(by['乙']).toMatchObject({ due: 2, onTime: 2, late: 0, missed: 0, reached: 2, satisfied: 1, neutral: 1, coveragePct: 100, satisfactionPct: 50, coverageRequired: false });
    expect(res.body.total).toMatchObject({ due: 6, onTime: 3, late: 1, missed: 1, coveragePct: 66.7, satisfactionPct: 50 });
    expect(res.body.reasons).toEqual([{ reason: '态度差', count: 1 }]);
    // by agent, with the survey answers about their work in the period
    const [svId] = (await queryRows<{ id: string }>(t.database.db, sql`select id from surveys where kind = 'post_resolution' limit 1`)).map((r) => r.id);
    await t.database.db.execute(sql`insert into survey_invitations (survey_id, customer_id, agent_id, channel, token_hash, expires_at, answered_at, rating, score)
      values (${svId}, ${c.id}, ${u.id}, 'sms', 'fixture-1', '2025-02-01T00:00:00Z', '2025-01-15T02:00:00Z', 5, 1),
             (${svId}, ${c.id}, ${u.id}, 'sms', 'fixture-2', '2025-02-01T00:00:00Z', '2025-01-16T02:00:00Z', 3, 0.5)`);
    const byAgent = await t.request(mgr, 'GET', `/api/v1/callbacks/report?${q}&groupBy=agent`);
    expect(byAgent.body.rows).toMatchObject([{ label: '王丽', due: 6, surveysAnswered: 2, surveyScorePct: 75 }]);
    expect(byAgent.body.total).toMatchObject({ surveysAnswered: 2, surveyScorePct: 75 });
    expect((await t.request(mgr, 'GET', `/api/v1/callbacks/report?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z`)).status).toBe(422);
    expect((await t.request(op, 'GET', `/api/v1/callbacks/report?${q}`)).status).toBe(403);

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/callbacks/report.xlsx?${q}&groupBy=policy`, headers: { authorization: `Bearer ${mgr}` } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('回访汇总')!;
    const values = [...ws.getSheetValues()].map((r) => (Array.isArray(r) ? r.slice(1) : []));
    // its survey columns: none answered about 甲's work (no score, an empty cell)
    expect(values.find((r) => r[0] === '甲')).toEqual(['甲', 4, 1, 1, 1, 0, 1, 2, 1, 0, 1, 50, 50, 1, '✓', 0]);
    expect(values.find((r) => r[0] === '合计')?.slice(1, 2)).toEqual([6]);
    expect(values.find((r) => r[0] === '合计')?.slice(-2)).toEqual([2, 75]);
    expect(wb.getWorksheet('不满意原因')!.getRow(2).values).toEqual([undefined, '态度差', 1]);
  });

  it('gives every row the survey answers about its work, by policy, team, agent and type, adding up to the total', async () => {
    const complaint = await resolvedComplaint('问卷报表客户');
    const repair = await t.request(op, 'POST', '/api/v1/tickets', { type: 'repair', channel: 'phone', customer: { id: complaint.customerId },
      fields: { content: '奶箱锁坏了', repairCategory: 'other', preferredTime: '晚上' } });
    const policies = (await t.request(mgr, 'GET', '/api/v1/callback-policies')).body.items as { id: string; name: string }[];
    const p1 = policies.find((p) => p.name.startsWith('投诉处理后回访'))!;
    const p2 = policies.find((p) => p.name.startsWith('其他维修回访'))!;
    const users = await queryRows<{ id: string; username: string }>(t.database.db, sql`select id, username from users where username in ('operator', 'operator2')`);
    const wangLi = users.find((u) => u.username === 'operator')!.id;
    const liNa = users.find((u) => u.username === 'operator2')!.id;
    const task = (policy: { id: string; name: string }, type: string, ticketId: string, due: string) => sql`
      (${policy.id}::uuid, ${policy.name}, ${type}, 'x', ${ticketId}::uuid, ${complaint.customerId}::uuid, ${wangLi}::uuid, ${hotlineTeam}::uuid,
       ${due}::timestamptz, ${due}::timestamptz, 'done', ${due}::timestamptz, 'satisfied')`;
    await t.database.db.execute(sql`insert into callback_tasks
      (policy_id, source, callback_type, step, ticket_id, customer_id, assignee_id, team_id, available_at, due_at, status, done_at, outcome) values
      ${task(p1, 'complaint', complaint.id, '2024-03-05T02:00:00Z')}, ${task(p2, 'repair', repair.body.id, '2024-03-06T02:00:00Z')}`);
    const [sv] = await queryRows<{ id: string }>(t.database.db, sql`select id from surveys where kind = 'post_resolution' limit 1`);
    const answer = (ticketId: string | null, agentId: string, score: number, n: number) => sql`
      (${sv.id}::uuid, ${complaint.customerId}::uuid, ${ticketId}::uuid, ${agentId}::uuid, 'sms', ${`report-${n}`}, '2024-04-01T00:00:00Z', '2024-03-10T02:00:00Z', 3, ${score})`;
    await t.database.db.execute(sql`insert into survey_invitations (survey_id, customer_id, ticket_id, agent_id, channel, token_hash, expires_at, answered_at, rating, score)
      values ${answer(complaint.id, wangLi, 1, 1)}, ${answer(repair.body.id, liNa, 0.5, 2)}, ${answer(null, liNa, 0, 3)}`);
    const q = 'from=2024-03-01T00:00:00%2B08:00&to=2024-04-01T00:00:00%2B08:00';
    const report = async (groupBy: string) => {
      const res = await t.request(mgr, 'GET', `/api/v1/callbacks/report?${q}&groupBy=${groupBy}`);
      expect(res.status).toBe(200);
      const rows = res.body.rows as { label: string; due: number; surveysAnswered: number | null; surveyScorePct: number | null }[];
      expect(res.body.total).toMatchObject({ surveysAnswered: 3, surveyScorePct: 50 });
      // no row without figures; the rows add up to the total
      expect(rows.reduce((a, r) => a + r.surveysAnswered!, 0)).toBe(3);
      return Object.fromEntries(rows.map((r) => [r.label, { due: r.due, surveys: r.surveysAnswered, score: r.surveyScorePct }]));
    };
    expect(await report('policy')).toEqual({
      [p1.name]: { due: 1, surveys: 1, score: 100 }, [p2.name]: { due: 1, surveys: 1, score: 50 },
      // a periodic survey belongs to no callback
      '—': { due: 0, surveys: 1, score: 0 },
    });
    expect(await report('type')).toEqual({ complaint: { due: 1, surveys: 1, score: 100 }, repair: { due: 1, surveys: 1, score: 50 }, '—': { due: 0, surveys: 1, score: 0 } });
    expect(await report('team')).toEqual({ 热线一组: { due: 2, surveys: 3, score: 50 } });
    expect(await report('agent')).toEqual({ 王丽: { due: 2, surveys: 1, score: 100 }, 李娜: { due: 0, surveys: 2, score: 25 } });
    expect(await report('none')).toEqual({ all: { due: 2, surveys: 3, score: 50 } });
  });
});
