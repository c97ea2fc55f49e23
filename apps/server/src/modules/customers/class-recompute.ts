import { sql, type SQL } from 'drizzle-orm';
import type { ClassCondition, ClassMove, ClassRules, RecomputePreview } from '@kefu/shared/customer-classes-api';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { localDate } from '../../platform/time/wall-clock.ts';

// The class of every customer, worked out in the database: one statement
// reads each customer's figures, evaluates the rules (turned into a CASE) and
// says what moves and why. The preview and the background apply run the same
// statement, so the preview is what apply does. Merged duplicates get no
// class of their own: their figures count for the survivor.

/** The quarter the rules look at: the last complete one before `today` (2026-12-07 → 2026Q3). */
export function lastCompleteQuarter(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3); // the current quarter, 0-based
  return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`;
}

/** Today in the center's time zone, as YYYY-MM-DD. */
export function localToday(timeZone: string, now = new Date()): string {
  return localDate(timeZone, now);
}

const COLUMN: Record<Exclude<ClassCondition['measure'], 'tag'>, SQL> = {
  revenueQuarter: sql.raw('m.revenue_quarter'),
  paymentsQuarter: sql.raw('m.payments_quarter'),
  referrals: sql.raw('m.referrals'),
  tenureYears: sql.raw('m.tenure_years'),
};

function holds(c: ClassCondition): SQL {
  if (c.measure === 'tag') return sql`(${c.value}::text = any(m.tags))`;
  // the operator comes from a closed list (zod enum), the value is a parameter
  return sql`(${COLUMN[c.measure]} ${sql.raw(c.op)} ${c.value}::float8)`;
}

function matchedJson(c: ClassCondition): SQL {
  const actual = c.measure === 'tag' ? sql`${c.value}::text` : sql`${COLUMN[c.measure]}`;
  return sql`case when ${holds(c)} then jsonb_build_object('measure', ${c.measure}::text, 'op', ${c.op}::text, 'value', ${JSON.stringify(c.value)}::jsonb, 'actual', ${actual}) end`;
}

/**
 * The statement's shared part: `m` (each customer's figures) and `k` (the
 * class each should have, the conditions that held, whether an override
 * ran out). `scope` limits the customers (a chunk, for the background apply).
 */
function classified(rules: ClassRules, today: string, timeZone: string, scope: SQL): SQL {
  const quarter = lastCompleteQuarter(today);
  const active = sql`(m.class_override is not null and (m.class_override_until is null or m.class_override_until >= ${today}::date))`;
  const whens = rules.classes.map((c) => {
    const cond = sql.join(c.conditions.map(holds), sql.raw(c.combine === 'all' ? ' and ' : ' or '));
    return { key: c.key, cond, matched: sql`jsonb_path_query_array(jsonb_build_array(${sql.join(c.conditions.map(matchedJson), sql`, `)}), '$[*] ? (@ != null)')` };
  });
  const next = sql`case when ${active} then m.class_override ${sql.join(whens.map((w) => sql`when ${w.cond} then ${w.key}::text`), sql` `)} else ${rules.fallback.key}::text end`;
  const matched = sql`case when ${active} then '[]'::jsonb ${sql.join(whens.map((w) => sql`when ${w.cond} then ${w.matched}`), sql` `)} else '[]'::jsonb end`;
  return sql`
    merged as (
      -- the figures of duplicates merged into a customer count for it (few rows: a hash join)
      select x.merged_into_id as owner,
        sum(r.revenue) filter (where r.quarter = ${quarter}) as revenue, sum(r.payments) filter (where r.quarter = ${quarter}) as payments,
        sum(r.referrals) as referrals
      from customers x join customer_measures r on r.customer_id = x.id
      where x.merged_into_id is not null group by 1),
    m as (
      select c.id, c.name, c.tier as cur, c.tier_override as class_override, c.tier_override_reason as class_override_reason, c.tier_override_until as class_override_until, c.tags,
        (coalesce(q.revenue, 0) + coalesce(d.revenue, 0))::float8 as revenue_quarter,
        (coalesce(q.payments, 0) + coalesce(d.payments, 0))::float8 as payments_quarter,
        (coalesce((select sum(r.referrals) from customer_measures r where r.customer_id = c.id), 0) + coalesce(d.referrals, 0))::int as referrals,
        extract(year from age(${today}::date, coalesce(c.customer_since, (c.created_at at time zone ${timeZone})::date)))::int as tenure_years
      from ${scope} c left join customer_measures q on q.customer_id = c.id and q.quarter = ${quarter}
      left join merged d on d.owner = c.id
      where c.merged_into_id is null),
    k as (
      select m.id, m.name, m.cur, ${next} as next, ${matched} as matched,
        ${active} as overridden, m.class_override_reason, m.class_override_until,
        (m.class_override is not null and not ${active}) as expired
      from m)`;
}

function reasonJson(quarter: string): SQL {
  return sql`jsonb_build_object('matched', k.matched, 'quarter', ${quarter}::text, 'override',
    case when k.overridden then jsonb_build_object('reason', coalesce(k.class_override_reason, ''), 'until', k.class_override_until::text) end)`;
}

interface MoveRow { id: string; name: string; cur: string | null; next: string; reason: ClassMove['reason'] }

/** Who would move from which class to which, and why; nothing is written. */
export async function previewRecompute(db: Tx, rules: ClassRules, today: string, timeZone: string, limit: number): Promise<RecomputePreview> {
  const quarter = lastCompleteQuarter(today);
  const [row] = await queryRows<{ customers: number; flows: { from: string | null; to: string; count: number }[] | null; moves: MoveRow[] | null }>(db, sql`
    with ${classified(rules, today, timeZone, sql`customers`)},
    moves as materialized (select k.id, k.name, k.cur, k.next, ${reasonJson(quarter)} as reason from k where k.next is distinct from k.cur or k.expired)
    select (select count(*)::int from m) as customers,
      (select jsonb_agg(jsonb_build_object('from', f.cur, 'to', f.next, 'count', f.n) order by f.n desc) from (select cur, next, count(*)::int as n from moves group by 1, 2) f) as flows,
      (select jsonb_agg(to_jsonb(x)) from (select * from moves order by next, cur nulls first, name, id limit ${limit}) x) as moves`);
  const flows = row.flows ?? [];
  return {
    quarter, rulesVersion: rules.version, customers: row.customers, total: flows.reduce((a, f) => a + f.count, 0), flows,
    moves: (row.moves ?? []).map((m) => ({ customerId: m.id, customerName: m.name, from: m.cur, to: m.next, reason: m.reason })),
  };
}

/**
 * Applies the rules to the next `size` customers after `cursor` (in id
 * order): their class, an expired override cleared, one history row per
 * change. One statement; returns how many were looked at, the last id and
 * how many moved.
 */
export function applyRecomputeChunk(tx: Tx, rules: ClassRules, today: string, timeZone: string,
  run: { id: string; cursor: string | null; actorId: string | null }, size: number): Promise<{ looked: number; last: string | null; moved: number }> {
  const chunk = sql`(select * from customers where merged_into_id is null and (${run.cursor}::uuid is null or id > ${run.cursor}::uuid) order by id limit ${size})`;
  return applyClasses(tx, rules, today, timeZone, chunk, run.id, run.actorId);
}

/** The same for one customer (an override lifted: the rules decide again at once). */
export function applyClassesToCustomer(tx: Tx, rules: ClassRules, today: string, timeZone: string, customerId: string, actorId: string) {
  return applyClasses(tx, rules, today, timeZone, sql`(select * from customers where id = ${customerId}::uuid)`, null, actorId);
}

async function applyClasses(tx: Tx, rules: ClassRules, today: string, timeZone: string, scope: SQL, runId: string | null, actorId: string | null) {
  const quarter = lastCompleteQuarter(today);
  const [row] = await queryRows<{ looked: number; last: string | null; moved: number }>(tx, sql`
    with ${classified(rules, today, timeZone, scope)},
    changed as materialized (select * from k where k.next is distinct from k.cur or k.expired),
    moved as (
      update customers c set tier = x.next, updated_at = now(),
        tier_override = case when x.expired then null else c.tier_override end,
        tier_override_reason = case when x.expired then null else c.tier_override_reason end,
        tier_override_until = case when x.expired then null else c.tier_override_until end
      from changed x where c.id = x.id returning c.id),
    history as (
      insert into customer_class_changes (customer_id, from_class, to_class, source, reason, run_id, actor_id)
      select k.id, k.cur, k.next, case when k.expired then 'override_expired' else 'recompute' end, ${reasonJson(quarter)}, ${runId}::uuid, ${actorId}::uuid
      from changed k)
    select (select count(*)::int from m) as looked, (select id from m order by id desc limit 1) as last, (select count(*)::int from moved) as moved`);
  return row;
}
