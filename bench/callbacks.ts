// The callback (回访) phase: callback tasks and survey answers generated in SQL
// from the loaded work orders, before the app starts; then the agent's list,
// the managers' overdue list, the summary report and the satisfaction trend,
// read over HTTP one request at a time; EXPLAIN ANALYZE of their statements.
//
// No random(): every draw is a slice of md5(work order number || salt), and the
// numbers are deterministic (day key + sequence), so the callbacks are as
// reproducible as the work orders generate.ts makes (seeded, but their statuses
// depend on their age at the run's start).

import { randomUUID } from 'node:crypto';
import type { BenchDatabase, SqlRunner } from './databases.ts';
import type { Database } from '../apps/server/src/db/client.ts';
import { loadPrincipal } from '../apps/server/src/platform/auth/sessions.ts';
import { listCallbacks, type CallbackQuery } from '../apps/server/src/modules/callbacks/list-callbacks.ts';
import { callbackReport, satisfactionTrend, type ReportGroup } from '../apps/server/src/modules/callbacks/callback-report.ts';
import { migrationIndexes } from './load-data.ts';
import { recording, type Explained } from './explain.ts';
import { stats, timedGet, type Stats } from './measure.ts';
import type { Org } from './org.ts';
import { Rng } from './random.ts';
import { TIME_ZONE } from './generate.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CHINA = 8 * HOUR;

// ---------- generation ----------

/** uniform in [0, 1) from the k-th 32-bit slice (0..3) of an md5 hex digest */
const U = (h: string, k: number) => `(('x' || substr(${h}, ${k * 8 + 1}, 8))::bit(32)::bigint / 4294967296.0::float8)`;

const UNSATISFIED_REASONS = ['退换不及时', '送奶员态度差', '问题没有彻底解决', '处理时间太长', '赔偿金额不满意', '维修后仍有问题', '上门不准时'];
const CLOSED_REASONS = ['多次联系未接通', '客户拒绝回访', '号码错误,无法联系', '客户已通过其他渠道反馈'];
const LOW_RATING_COMMENTS = ['希望处理再快一些', '送奶时间总是不准', '电话一直打不进来', '问题拖了很久才解决'];

export interface CallbackLoad {
  tasks: number;
  /** from the event policies (complaint, repair), one per sampled resolved work order */
  policyTasks: number;
  /** from the monthly campaigns over order / inquiry customers */
  campaignTasks: number;
  campaigns: number;
  byStatus: Record<string, number>;
  /** open and past due_at */
  overdue: number;
  /** done after due_at */
  late: number;
  coverageRequired: number;
  /** open callbacks per assignee username: the candidate rows of "my callbacks" */
  openByUser: Record<string, number>;
  tasksByUser: Record<string, number>;
  surveys: number;
  surveysAnswered: number;
  dueFrom: string;
  dueTo: string;
  seconds: number;
}

interface PolicyRow { id: string; name: string; callback_type: string; steps: { label: string; dueWithin: { businessDays?: number; days?: number } }[]; conditions: { field: string; op: string; value: unknown }[]; coverage_required: boolean; target_minutes: number; script_id: string | null }

/** the four event policies of the default template, keyed as the SQL below picks them */
async function templatePolicies(s: SqlRunner) {
  const { rows } = await s.query<PolicyRow>(
    `select id, name, callback_type, steps, conditions, coverage_required, target_minutes, script_id from callback_policies where kind = 'event' and enabled order by created_at`,
  );
  const out: Record<string, unknown>[] = [];
  for (const p of rows) {
    let key: string | null = null;
    if (p.callback_type === 'complaint') key = 'complaint';
    else if (p.callback_type === 'repair') {
      const c = p.conditions.find((x) => x.field === 'fields.repairCategory');
      key = c?.op === 'eq' ? String(c.value) : c?.op === 'not_in' ? 'other' : null;
    }
    if (!key || out.some((o) => o.key === key)) continue;
    const w = p.steps[0].dueWithin;
    // business days as calendar days, roughly (weekends); the bench does not need the calendar
    const days = w.businessDays ? Math.round((w.businessDays * 7) / 5) : w.days ?? 3;
    out.push({ key, id: p.id, name: p.name, callback_type: p.callback_type, step: p.steps[0].label, days, coverage: p.coverage_required, target_minutes: p.target_minutes, script_id: p.script_id });
  }
  for (const k of ['complaint', 'safety', 'leak', 'other']) {
    if (!out.some((o) => o.key === k)) throw new Error(`callback policy for ${k} missing from the default template`);
  }
  return out;
}

/**
 * status, outcome, reason, attempts, done / overdue times and who closed it,
 * from the draws r_status, r_outcome, r_time, r_attempts, r_reason, r_late of
 * each row and its avail / due; $2 is now, $3 the unsatisfied reasons, $4 the
 * closing reasons, $5 / $6 cs_manager / lead.
 */
const FINISH = `
  s as (
    select r.*, case
        when r.due > $2::timestamptz then
          -- not due yet: some are done already, more the further into the window
          case when r.r_status < 0.8 * extract(epoch from ($2::timestamptz - r.avail)) / greatest(extract(epoch from (r.due - r.avail)), 1) then 'done' else 'open' end
        when r.r_status < case when $2::timestamptz - r.due < interval '7 days' then 0.3 when $2::timestamptz - r.due < interval '30 days' then 0.12 else 0.065 end then 'open'
        when r.r_status >= 0.97 then 'closed'
        else 'done' end as status
    from r
  ), f as (
    select s.*,
      case
        when s.status = 'done' and s.r_late < 0.12 and s.due < $2::timestamptz - interval '1 hour'
          then least($2::timestamptz - interval '1 minute', s.due + interval '1 minute' + s.r_time * interval '2 days')
        when s.status = 'done' then s.avail + s.r_time * (least(s.due, $2::timestamptz - interval '1 minute') - s.avail)
        when s.status = 'closed' then least($2::timestamptz - interval '1 minute', greatest(s.avail, s.due) + s.r_time * interval '5 days')
      end as done_at
    from s
  )`;

const FINISH_COLUMNS = `
    f.status,
    case when f.status = 'done' then case when f.r_outcome < 0.76 then 'satisfied' when f.r_outcome < 0.9 then 'neutral' else 'unsatisfied' end end,
    case when f.status = 'done' and f.r_outcome >= 0.9 then ($3::text[])[1 + floor(f.r_reason * cardinality($3::text[]))::int] end,
    case f.status when 'done' then 1 + floor(f.r_attempts * f.r_attempts * 3)::int when 'closed' then 3
      else case when f.due > $2::timestamptz then floor(f.r_attempts * 2)::int else floor(f.r_attempts * 3)::int end end,
    case when (f.status = 'open' and f.due < $2::timestamptz) or f.done_at > f.due then f.due end,
    f.done_at,
    case when f.status = 'closed' then case when f.r_reason < 0.5 then $5::uuid else $6::uuid end end,
    case when f.status = 'closed' then ($4::text[])[1 + floor(f.r_reason * cardinality($4::text[]))::int] end`;

const INSERT_COLUMNS = `policy_id, campaign_id, source, callback_type, step, ticket_id, customer_id, assignee_id, team_id, script_id, round,
  available_at, due_at, coverage_required, target_minutes, created_at,
  status, outcome, reason, attempt_count, overdue_at, done_at, closed_by_id, closed_reason`;

export async function generateCallbacks(bdb: BenchDatabase, org: Org, size: number, log: (s: string) => void, nowMs = Date.now()): Promise<CallbackLoad> {
  const t0 = performance.now();
  const [s] = await bdb.sessions(1);
  const now = new Date(nowMs).toISOString();
  const u = org.users;
  const indexes = migrationIndexes(['callback_tasks', 'survey_invitations']);
  for (const ix of indexes) await s.query(`drop index if exists "${ix.name}"`);
  await s.query('set synchronous_commit = off');

  // ~ size / 3 callbacks: half from the event policies (coverage required), half from monthly campaigns (not required)
  const target = size / 6;
  const policies = await templatePolicies(s);
  const [{ n: eligiblePolicy }] = (await s.query<{ n: string }>(
    `select count(*) as n from tickets where status in ('resolved', 'closed') and type in ('complaint', 'repair')`)).rows;
  const p1 = Math.min(1, target / Math.max(1, Number(eligiblePolicy)));
  const commonParams = [now, UNSATISFIED_REASONS, CLOSED_REASONS, u.cs_manager.id, u.lead.id];

  // event policies: a sampled resolved complaint or repair, due a few days after its resolution
  // (updated_at), for its creator (the template's assignee mode) or, one in five, its handler
  await s.query(`
    with pol as (
      select * from json_to_recordset($1::json) as p(key text, id uuid, name text, callback_type text, step text, days int, coverage boolean, target_minutes int, script_id uuid)
    ), src as (
      select t.id as ticket_id, t.customer_id, t.created_by_id, t.assignee_id, t.updated_at as avail,
        case when t.type = 'complaint' then 'complaint' when t.fields->>'repairCategory' in ('safety', 'leak') then t.fields->>'repairCategory' else 'other' end as key,
        md5(t.number || ':callback') as h, md5(t.number || ':callback:2') as g
      from tickets t
      where t.status in ('resolved', 'closed') and t.type in ('complaint', 'repair')
    ), r as (
      select src.ticket_id, src.customer_id, src.avail, src.avail + pol.days * interval '1 day' as due,
        pol.id as policy_id, pol.name, pol.callback_type, pol.step, pol.coverage, pol.target_minutes, pol.script_id,
        case when ${U('src.g', 0)} < 0.8 then src.created_by_id else coalesce(src.assignee_id, src.created_by_id) end as assignee_id,
        ${U('src.h', 1)} as r_status, ${U('src.h', 2)} as r_outcome, ${U('src.h', 3)} as r_time,
        ${U('src.g', 1)} as r_attempts, ${U('src.g', 2)} as r_reason, ${U('src.g', 3)} as r_late
      from src join pol on pol.key = src.key
      where ${U('src.h', 0)} < $7::float8
    ), ${FINISH}
    insert into callback_tasks (${INSERT_COLUMNS})
    select f.policy_id, null, f.name, f.callback_type, f.step, f.ticket_id, f.customer_id, f.assignee_id, us.team_id, f.script_id, 1,
      f.avail, f.due, f.coverage, f.target_minutes, f.avail, ${FINISH_COLUMNS}
    from f left join users us on us.id = f.assignee_id`,
  [JSON.stringify(policies), ...commonParams, p1]);

  // campaigns: one a month, started at 09:00 two days before today and every 30 days before that,
  // due in 5 business days (7 days here), over the customers with an order or inquiry in the
  // 30 days before; each customer once, spread over the hotline team; not coverage-required
  const todayStart = Math.floor((nowMs + CHINA) / DAY) * DAY - CHINA;
  const start0 = todayStart - 2 * DAY + 9 * HOUR;
  const [{ script_id: scriptId }] = (await s.query<{ script_id: string | null }>(`select script_id from callback_policies where callback_type = 'complaint' limit 1`)).rows;
  const campaigns = Array.from({ length: 12 }, (_, k) => {
    const start = start0 - k * 30 * DAY;
    const month = new Date(start + CHINA).toISOString().slice(0, 7);
    const care = k % 2 === 1;
    return {
      k, id: randomUUID(), name: `${care ? '老客户关怀回访' : '订奶客户满意度回访'} ${month}`, callback_type: care ? 'care' : 'order',
      start: new Date(start).toISOString(), due: new Date(start + 7 * DAY).toISOString(),
      filter: { ticketTypes: ['order', 'inquiry'], since: new Date(start - 30 * DAY).toISOString(), until: new Date(start).toISOString() },
    };
  });
  for (const c of campaigns) {
    await s.query(
      `insert into callback_campaigns (id, name, callback_type, filter, team_id, script_id, due_within, coverage_required, created_by_id, created_at)
       values ($1, $2, $3, $4, $5, $6, '{"businessDays":5}', false, $7, $8)`,
      [c.id, c.name, c.callback_type, JSON.stringify(c.filter), org.hotlineTeamId, scriptId, u.cs_manager.id, c.start],
    );
  }
  const since = new Date(start0 - 360 * DAY).toISOString();
  const [{ n: eligibleCampaign }] = (await s.query<{ n: string }>(
    `select count(*) as n from tickets where status in ('resolved', 'closed') and type in ('order', 'inquiry') and created_at >= $1 and created_at < $2`,
    [since, new Date(start0).toISOString()])).rows;
  const p2 = Math.min(1, target / Math.max(1, Number(eligibleCampaign)));
  await s.query(`
    with camp as (
      select * from json_to_recordset($1::json) as c(k int, id uuid, name text, callback_type text, start timestamptz, due timestamptz)
    ), src as (
      select t.customer_id, md5(t.number || ':campaign') as h, md5(t.number || ':campaign:2') as g,
        floor(extract(epoch from ($8::timestamptz - t.created_at)) / 2592000)::int as k
      from tickets t
      where t.status in ('resolved', 'closed') and t.type in ('order', 'inquiry') and t.created_at >= $9::timestamptz and t.created_at < $8::timestamptz
    ), picked as (
      select distinct on (src.k, src.customer_id) src.* from src
      where ${U('src.h', 0)} < $7::float8
      order by src.k, src.customer_id, src.h
    ), r as (
      select picked.customer_id, camp.id as campaign_id, camp.name, camp.callback_type, camp.start as avail, camp.due,
        ($10::uuid[])[1 + floor(${U('picked.g', 0)} * 3)::int] as assignee_id,
        ${U('picked.h', 1)} as r_status, ${U('picked.h', 2)} as r_outcome, ${U('picked.h', 3)} as r_time,
        ${U('picked.g', 1)} as r_attempts, ${U('picked.g', 2)} as r_reason, ${U('picked.g', 3)} as r_late
      from picked join camp on camp.k = picked.k
    ), ${FINISH}
    insert into callback_tasks (${INSERT_COLUMNS})
    select null, f.campaign_id, f.name, f.callback_type, '批量回访', null, f.customer_id, f.assignee_id, $11::uuid, $12::uuid, 1,
      f.avail, f.due, false, 5, f.avail, ${FINISH_COLUMNS}
    from f`,
  [JSON.stringify(campaigns), ...commonParams, p2, new Date(start0).toISOString(), since, [u.operator.id, u.operator2.id, u.lead.id], org.hotlineTeamId, scriptId]);
  await s.query(`update callback_campaigns k set customer_count = (select count(*) from callback_tasks c where c.campaign_id = k.id)`);

  // the post-resolution survey (the policies' sendSurvey) for two in three policy callbacks:
  // sent a minute after resolution, answered by 65 % within two days, ratings that follow the callback's outcome
  const [{ id: surveyId }] = (await s.query<{ id: string }>(`select id from surveys where kind = 'post_resolution' limit 1`)).rows;
  await s.query(`
    with x as (
      select c.id, c.customer_id, c.ticket_id, c.assignee_id, c.outcome, c.available_at + interval '1 minute' as sent, z.h
      from callback_tasks c join tickets t on t.id = c.ticket_id, lateral (select md5(t.number || ':survey') as h) z
      where c.policy_id is not null and ${U('z.h', 0)} < 2 / 3.0
    ), y as (
      select x.*, case when ${U('x.h', 1)} < 0.65 and x.sent + ${U('x.h', 2)} * interval '2 days' < $2::timestamptz
          then x.sent + ${U('x.h', 2)} * interval '2 days' end as answered_at,
        case x.outcome when 'satisfied' then case when ${U('x.h', 3)} < 0.7 then 5 else 4 end
          when 'neutral' then case when ${U('x.h', 3)} < 0.2 then 2 when ${U('x.h', 3)} < 0.8 then 3 else 4 end
          when 'unsatisfied' then case when ${U('x.h', 3)} < 0.5 then 1 else 2 end
          else 1 + floor(${U('x.h', 3)} * 5)::int end as r
      from x
    )
    insert into survey_invitations (survey_id, customer_id, ticket_id, agent_id, channel, address, token_hash, expires_at, sent_at, answered_at, rating, score, answers, comment, created_at)
    select $1::uuid, y.customer_id, y.ticket_id, y.assignee_id, 'sms', cu.phone, md5(y.id::text || ':survey'), y.sent + interval '7 days', y.sent,
      y.answered_at,
      case when y.answered_at is not null then y.r end,
      case when y.answered_at is not null then (y.r - 1) / 4.0 end,
      case when y.answered_at is not null then '{}'::jsonb end,
      case when y.answered_at is not null and y.r <= 2 then ($3::text[])[1 + floor(${U('y.h', 2)} * cardinality($3::text[]))::int] end,
      y.sent
    from y join customers cu on cu.id = y.customer_id`,
  [surveyId, now, LOW_RATING_COMMENTS]);

  await s.query(`set maintenance_work_mem = '${bdb.kind === 'postgres' ? '512MB' : '256MB'}'`);
  for (const ix of indexes) await s.query(ix.sql);
  for (const t of ['callback_tasks', 'survey_invitations', 'callback_campaigns']) await s.query(`vacuum (analyze) "${t}"`);
  for (const setting of ['synchronous_commit', 'maintenance_work_mem']) await s.query(`reset ${setting}`);

  const [c] = (await s.query<Record<string, string>>(`
    select count(*) as tasks, count(policy_id) as policy, count(campaign_id) as campaign,
      count(*) filter (where status = 'open' and due_at < $1) as overdue,
      count(*) filter (where status = 'done' and done_at > due_at) as late,
      count(*) filter (where coverage_required) as coverage,
      min(due_at) as due_from, max(due_at) as due_to,
      (select count(*) from survey_invitations) as surveys,
      (select count(*) from survey_invitations where answered_at is not null) as answered
    from callback_tasks`, [now])).rows;
  const byStatus: Record<string, number> = {};
  for (const r of (await s.query<{ status: string; n: string }>(`select status, count(*) as n from callback_tasks group by 1 order by 1`)).rows) byStatus[r.status] = Number(r.n);
  const openByUser: Record<string, number> = {};
  const tasksByUser: Record<string, number> = {};
  for (const r of (await s.query<{ username: string; n: string; open: string }>(
    `select us.username, count(*) as n, count(*) filter (where c.status = 'open') as open from callback_tasks c join users us on us.id = c.assignee_id group by 1 order by 2 desc`)).rows) {
    tasksByUser[r.username] = Number(r.n);
    openByUser[r.username] = Number(r.open);
  }
  const result: CallbackLoad = {
    tasks: Number(c.tasks), policyTasks: Number(c.policy), campaignTasks: Number(c.campaign), campaigns: campaigns.length,
    byStatus, overdue: Number(c.overdue), late: Number(c.late), coverageRequired: Number(c.coverage), openByUser, tasksByUser,
    surveys: Number(c.surveys), surveysAnswered: Number(c.answered),
    dueFrom: new Date(c.due_from).toISOString(), dueTo: new Date(c.due_to).toISOString(),
    seconds: (performance.now() - t0) / 1000,
  };
  log(`  ${bdb.kind}: ${describeLoad(result)}`);
  return result;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (a: number, b: number) => `${b ? Math.round((a / b) * 100) : 0} %`;

export function describeLoad(c: CallbackLoad): string {
  const st = (k: string) => c.byStatus[k] ?? 0;
  return `${n0(c.tasks)} callbacks (${n0(c.policyTasks)} policy, ${n0(c.campaignTasks)} in ${c.campaigns} campaigns): done ${pct(st('done'), c.tasks)}, open ${pct(st('open'), c.tasks)} (${n0(c.overdue)} overdue), closed ${pct(st('closed'), c.tasks)}; ${n0(c.surveys)} surveys (${n0(c.surveysAnswered)} answered) in ${c.seconds.toFixed(1)} s`;
}

// ---------- reads ----------

export type CallbackReadKind = 'cbMine' | 'cbOverdue' | 'cbReportAgent' | 'cbReportPolicy' | 'cbTrend';
export const CALLBACK_READS: CallbackReadKind[] = ['cbMine', 'cbOverdue', 'cbReportAgent', 'cbReportPolicy', 'cbTrend'];

export const CALLBACK_LABELS: Record<CallbackReadKind, string> = {
  cbMine: 'my callbacks (operator, open, by due date)',
  cbOverdue: 'all overdue callbacks (cs_manager)',
  cbReportAgent: 'callback report, 30 days, by agent',
  cbReportPolicy: 'callback report, 90 days, by policy',
  cbTrend: 'satisfaction trend, 90 days, by week',
};

export interface CallbackStats extends Stats {
  /** callbacks (reports) or callbacks reached + surveys answered (trend) a response summed up, on average */
  avgAggregated: number | null;
}

export interface CallbackRequest {
  kind: CallbackReadKind;
  user: string;
  path: string;
  /** what the app functions get, for EXPLAIN */
  list?: CallbackQuery;
  report?: { from: Date; to: Date; groupBy: ReportGroup };
  trend?: { from: Date; to: Date; bucket: 'day' | 'week' };
}

/** a random window of `days` days inside the year of data */
function window(rng: Rng, days: number, now: number): { from: Date; to: Date } {
  const to = now - rng.int(0, 365 - days) * DAY - rng.int(0, DAY);
  return { from: new Date(to - days * DAY), to: new Date(to) };
}

export function callbackRequest(kind: CallbackReadKind, rng: Rng, now = Date.now()): CallbackRequest {
  switch (kind) {
    case 'cbMine':
      return { kind, user: 'operator', path: '/api/v1/callbacks?status=open&limit=50', list: { view: 'mine', status: ['open'], limit: 50 } };
    case 'cbOverdue':
      return { kind, user: 'cs_manager', path: '/api/v1/callbacks?view=all&overdue=true&limit=50', list: { view: 'all', overdue: true, limit: 50 } };
    case 'cbReportAgent':
    case 'cbReportPolicy': {
      const groupBy = kind === 'cbReportAgent' ? 'agent' : 'policy';
      const w = window(rng, kind === 'cbReportAgent' ? 30 : 90, now);
      const q = new URLSearchParams({ from: w.from.toISOString(), to: w.to.toISOString(), groupBy });
      return { kind, user: 'cs_manager', path: `/api/v1/callbacks/report?${q}`, report: { ...w, groupBy } };
    }
    case 'cbTrend': {
      const w = window(rng, 90, now);
      const q = new URLSearchParams({ from: w.from.toISOString(), to: w.to.toISOString(), bucket: 'week' });
      return { kind, user: 'cs_manager', path: `/api/v1/callbacks/trend?${q}`, trend: { ...w, bucket: 'week' } };
    }
  }
}

function itemsOf(kind: CallbackReadKind, body: any): { items: number; aggregated: number | null } {
  if (kind === 'cbReportAgent' || kind === 'cbReportPolicy') return { items: body.rows?.length ?? 0, aggregated: body.total?.due ?? null };
  if (kind === 'cbTrend') {
    return { items: body.items?.length ?? 0, aggregated: (body.items ?? []).reduce((a: number, b: any) => a + (b.reached ?? 0) + (b.surveysAnswered ?? 0), 0) };
  }
  return { items: body.items?.length ?? 0, aggregated: null };
}

export async function measureCallbacks(inputs: { baseUrl: string; tokens: Record<string, string>; samples: number }, log: (s: string) => void): Promise<Record<CallbackReadKind, CallbackStats>> {
  const rng = new Rng(Math.floor(Math.random() * 2 ** 31));
  const out = {} as Record<CallbackReadKind, CallbackStats>;
  for (const kind of CALLBACK_READS) {
    const times: number[] = [];
    const items: number[] = [];
    const aggregated: number[] = [];
    let errors = 0;
    // a few unmeasured requests first: connection, JIT, caches
    for (let i = 0; i < inputs.samples + 5; i++) {
      const r = callbackRequest(kind, rng);
      const res = await timedGet(inputs.baseUrl, inputs.tokens[r.user], r.path);
      if (i < 5) continue;
      if (res.status !== 200) {
        errors++;
        if (errors === 1) log(`  ${kind}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        continue;
      }
      times.push(res.ms);
      const n = itemsOf(kind, res.body);
      items.push(n.items);
      if (n.aggregated !== null) aggregated.push(n.aggregated);
    }
    out[kind] = { ...stats(times, items, errors), avgAggregated: aggregated.length ? Math.round(aggregated.reduce((a, b) => a + b, 0) / aggregated.length) : null };
    const agg = out[kind].avgAggregated === null ? '' : `, ${n0(out[kind].avgAggregated!)} callbacks${kind === 'cbTrend' ? ' + surveys' : ''} summed up`;
    log(`  ${kind}: p50 ${out[kind].p50} ms, p99 ${out[kind].p99} ms, max ${out[kind].max} ms (${out[kind].avgItems} items on average${agg})`);
  }
  return out;
}

// ---------- EXPLAIN ANALYZE ----------

/**
 * The statements of each read as the app's own functions issue them, explained
 * with their parameters: the lists' main select (the quiet-hour lookups after it
 * are left out), both selects of the report (rows, reasons) and of the trend
 * (callbacks, surveys).
 */
export async function explainCallbacks(database: Database, org: Org): Promise<Record<CallbackReadKind, Explained[]>> {
  const rec = recording(database);
  const rng = new Rng(7);
  const out = {} as Record<CallbackReadKind, Explained[]>;
  for (const kind of CALLBACK_READS) {
    const req = callbackRequest(kind, rng);
    rec.take();
    if (req.list) {
      const viewer = (await loadPrincipal(database.db, org.users[req.user].id, 'bench'))!;
      await listCallbacks(rec.db, viewer, req.list, TIME_ZONE);
    } else if (req.report) {
      await callbackReport(rec.db, req.report.from, req.report.to, req.report.groupBy, new Date());
    } else if (req.trend) {
      await satisfactionTrend(rec.db, req.trend.from, req.trend.to, req.trend.bucket, TIME_ZONE);
    }
    const statements = rec.take();
    const explained: Explained[] = [];
    for (const q of req.list ? statements.slice(0, 1) : statements) {
      const t = performance.now();
      const r = await rec.client.query(`explain (analyze, buffers) ${q.sql}`, q.params);
      const ms = performance.now() - t;
      explained.push({ sql: q.sql, params: q.params, plan: r.rows.map((x) => String(Object.values(x)[0])).join('\n'), ms });
    }
    out[kind] = explained;
  }
  return out;
}

export interface CallbackResult {
  load: CallbackLoad;
  reads: Record<CallbackReadKind, CallbackStats>;
  explain: Partial<Record<CallbackReadKind, Explained[]>>;
}
