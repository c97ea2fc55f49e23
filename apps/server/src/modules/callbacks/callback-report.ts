import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';

// The callback summary report (回访总结报告, RPT-17, RPT-12) over the
// callbacks due in a period: due, done on time, late, missed, coverage,
// satisfaction, reasons for dissatisfaction and reopened work, per policy,
// team or agent.

export const REPORT_GROUPS = ['none', 'policy', 'team', 'agent', 'type'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportRow {
  key: string | null;
  label: string;
  due: number;
  onTime: number;
  late: number;
  /** past the deadline and still not done */
  missed: number;
  /** not yet due and not done */
  pending: number;
  /** closed by a manager with a reason */
  closed: number;
  reached: number;
  satisfied: number;
  neutral: number;
  unsatisfied: number;
  /** done (on time or late) / due, % */
  coveragePct: number | null;
  /** satisfied / reached, % */
  satisfactionPct: number | null;
  /** unsatisfied results that sent the work back (reopened or a rectification task) */
  reopened: number;
  /** policies in this row that demand 100 % coverage */
  coverageRequired: boolean;
  /** satisfaction surveys answered in the period in this row (see SURVEY_GROUP_SQL); the rows add up to the total */
  surveysAnswered: number | null;
  surveyScorePct: number | null;
}

export interface CallbackReport {
  from: string;
  to: string;
  groupBy: ReportGroup;
  rows: ReportRow[];
  total: ReportRow;
  reasons: { reason: string; count: number }[];
}

const GROUP_SQL: Record<ReportGroup, { key: SQL; label: SQL }> = {
  none: { key: sql`null::text`, label: sql`'all'` },
  policy: { key: sql`coalesce(c.policy_id, c.campaign_id)::text`, label: sql`c.source` },
  team: { key: sql`c.team_id::text`, label: sql`coalesce(tm.name, '—')` },
  agent: { key: sql`c.assignee_id::text`, label: sql`coalesce(u.display_name, '—')` },
  type: { key: sql`c.callback_type`, label: sql`c.callback_type` },
};

/**
 * Which row a survey answer belongs to: the agent whose work it rates, that
 * agent's team, or the policy (campaign) and type of the callback made about the
 * same work order. An answer with none of these (a periodic survey, no agent)
 * goes to a row "—", so the rows always add up to the total.
 */
const SURVEY_GROUP_SQL: Record<ReportGroup, { key: SQL; label: SQL }> = {
  none: { key: sql`null::text`, label: sql`'all'` },
  policy: { key: sql`coalesce(c.policy_id, c.campaign_id)::text`, label: sql`coalesce(c.source, '—')` },
  team: { key: sql`u.team_id::text`, label: sql`coalesce(tm.name, '—')` },
  agent: { key: sql`i.agent_id::text`, label: sql`coalesce(u.display_name, '—')` },
  type: { key: sql`c.callback_type`, label: sql`coalesce(c.callback_type, '—')` },
};

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);
const scorePct = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 10);

/** A row of no callbacks, for survey answers about work whose callbacks fall outside the period. */
const emptyRow = (key: string | null, label: string): ReportRow => ({
  key, label, due: 0, onTime: 0, late: 0, missed: 0, pending: 0, closed: 0, reached: 0, satisfied: 0, neutral: 0, unsatisfied: 0,
  coveragePct: null, satisfactionPct: null, reopened: 0, coverageRequired: false, surveysAnswered: 0, surveyScorePct: null,
});

export async function callbackReport(tx: Tx, from: Date, to: Date, groupBy: ReportGroup, now = new Date(), filter?: { teamId?: string; assigneeId?: string }): Promise<CallbackReport> {
  const g = GROUP_SQL[groupBy];
  const where: SQL[] = [sql`c.due_at >= ${from.toISOString()}::timestamptz`, sql`c.due_at < ${to.toISOString()}::timestamptz`, sql`c.status <> 'cancelled'`];
  if (filter?.teamId) where.push(sql`c.team_id = ${filter.teamId}`);
  if (filter?.assigneeId) where.push(sql`c.assignee_id = ${filter.assigneeId}`);
  const w = sql.join(where, sql` and `);
  const n = sql`${now.toISOString()}::timestamptz`;
  const rows = await queryRows<Record<string, unknown>>(tx, sql`
    select ${g.key} as key, ${g.label} as label,
      count(*)::int as due,
      count(*) filter (where c.status = 'done' and c.done_at <= c.due_at)::int as on_time,
      count(*) filter (where c.status = 'done' and c.done_at > c.due_at)::int as late,
      count(*) filter (where c.status = 'open' and c.due_at < ${n})::int as missed,
      count(*) filter (where c.status = 'open' and c.due_at >= ${n})::int as pending,
      count(*) filter (where c.status = 'closed')::int as closed,
      count(*) filter (where c.outcome in ('satisfied', 'neutral', 'unsatisfied'))::int as reached,
      count(*) filter (where c.outcome = 'satisfied')::int as satisfied,
      count(*) filter (where c.outcome = 'neutral')::int as neutral,
      count(*) filter (where c.outcome = 'unsatisfied')::int as unsatisfied,
      count(*) filter (where c.outcome = 'unsatisfied' and c.ticket_id is not null)::int as reopened,
      bool_or(c.coverage_required) as coverage_required
    from callback_tasks c
    left join teams tm on tm.id = c.team_id
    left join users u on u.id = c.assignee_id
    where ${w}
    group by 1, 2 order by 3 desc, 2`);
  const toRow = (r: Record<string, unknown>): ReportRow => {
    const num = (k: string) => Number(r[k] ?? 0);
    const done = num('on_time') + num('late');
    return {
      key: (r.key as string | null) ?? null, label: String(r.label ?? ''),
      due: num('due'), onTime: num('on_time'), late: num('late'), missed: num('missed'), pending: num('pending'), closed: num('closed'),
      reached: num('reached'), satisfied: num('satisfied'), neutral: num('neutral'), unsatisfied: num('unsatisfied'),
      coveragePct: pct(done, num('due')), satisfactionPct: pct(num('satisfied'), num('reached')), reopened: num('reopened'),
      coverageRequired: Boolean(r.coverage_required), surveysAnswered: null, surveyScorePct: null,
    };
  };
  const list = rows.map(toRow);
  // survey answers in the period, in the rows of the same grouping
  const sg = SURVEY_GROUP_SQL[groupBy];
  const sv = await queryRows<{ key: string | null; label: string; answered: number; score: number | null }>(tx, sql`
    select ${sg.key} as key, min(${sg.label}) as label, count(*)::int as answered, avg(i.score)::float as score
    from survey_invitations i
    left join users u on u.id = i.agent_id
    left join teams tm on tm.id = u.team_id
    left join lateral (
      select t.policy_id, t.campaign_id, t.source, t.callback_type from callback_tasks t
      where i.ticket_id is not null and t.ticket_id = i.ticket_id and t.status <> 'cancelled'
      order by t.round, t.created_at, t.id limit 1) c on true
    where i.answered_at >= ${from.toISOString()}::timestamptz and i.answered_at < ${to.toISOString()}::timestamptz
      ${filter?.assigneeId ? sql`and i.agent_id = ${filter.assigneeId}` : sql``}
      ${filter?.teamId ? sql`and u.team_id = ${filter.teamId}` : sql``}
    group by 1`);
  for (const r of list) {
    r.surveysAnswered = 0;
    r.surveyScorePct = null;
  }
  for (const a of sv) {
    // rows without a key are matched by name too: "no agent" is "no agent", but a survey that belongs to no callback is not some unnamed policy's
    const key = a.key ?? null;
    let r = list.find((x) => x.key === key && (key !== null || x.label === a.label));
    if (!r) list.push((r = emptyRow(key, a.label)));
    r.surveysAnswered = a.answered;
    r.surveyScorePct = scorePct(a.score);
  }
  const svAnswered = sv.reduce((a, x) => a + x.answered, 0);
  const svScore = svAnswered ? sv.reduce((a, x) => a + (x.score ?? 0) * x.answered, 0) / svAnswered : null;
  const sum = (k: keyof ReportRow) => list.reduce((a, r) => a + (r[k] as number), 0);
  const totalBase = {
    due: sum('due'), onTime: sum('onTime'), late: sum('late'), missed: sum('missed'), pending: sum('pending'), closed: sum('closed'),
    reached: sum('reached'), satisfied: sum('satisfied'), neutral: sum('neutral'), unsatisfied: sum('unsatisfied'), reopened: sum('reopened'),
  };
  const total: ReportRow = {
    key: null, label: 'total', ...totalBase,
    coveragePct: pct(totalBase.onTime + totalBase.late, totalBase.due), satisfactionPct: pct(totalBase.satisfied, totalBase.reached),
    coverageRequired: list.some((r) => r.coverageRequired),
    surveysAnswered: svAnswered, surveyScorePct: scorePct(svScore),
  };
  const reasons = await queryRows<{ reason: string; count: number }>(tx, sql`
    select coalesce(nullif(trim(c.reason), ''), '—') as reason, count(*)::int as count from callback_tasks c
    where ${w} and c.outcome = 'unsatisfied' group by 1 order by 2 desc, 1 limit 20`);
  return { from: from.toISOString(), to: to.toISOString(), groupBy, rows: list, total, reasons };
}

/** Satisfaction per day or week: callbacks reached / satisfied, and the survey score. */
export async function satisfactionTrend(tx: Tx, from: Date, to: Date, bucket: 'day' | 'week', timeZone: string) {
  const b = bucket === 'week' ? sql`'week'` : sql`'day'`;
  const calls = await queryRows<{ bucket: string; reached: number; satisfied: number }>(tx, sql`
    select to_char(date_trunc(${b}, c.done_at at time zone ${timeZone}), 'YYYY-MM-DD') as bucket,
      count(*) filter (where c.outcome in ('satisfied', 'neutral', 'unsatisfied'))::int as reached,
      count(*) filter (where c.outcome = 'satisfied')::int as satisfied
    from callback_tasks c where c.done_at >= ${from.toISOString()}::timestamptz and c.done_at < ${to.toISOString()}::timestamptz
    group by 1 order by 1`);
  const surveysRows = await queryRows<{ bucket: string; answered: number; score: number }>(tx, sql`
    select to_char(date_trunc(${b}, i.answered_at at time zone ${timeZone}), 'YYYY-MM-DD') as bucket,
      count(*)::int as answered, avg(i.score)::float as score
    from survey_invitations i where i.answered_at >= ${from.toISOString()}::timestamptz and i.answered_at < ${to.toISOString()}::timestamptz
    group by 1 order by 1`);
  const keys = [...new Set([...calls.map((c) => c.bucket), ...surveysRows.map((s) => s.bucket)])].sort();
  return keys.map((k) => {
    const c = calls.find((x) => x.bucket === k);
    const s = surveysRows.find((x) => x.bucket === k);
    return {
      bucket: k, reached: c?.reached ?? 0, satisfied: c?.satisfied ?? 0, satisfactionPct: c ? pct(c.satisfied, c.reached) : null,
      surveysAnswered: s?.answered ?? 0, surveyScorePct: s ? Math.round(s.score * 1000) / 10 : null,
    };
  });
}
