import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { enqueue, enqueueMany } from '../../platform/jobs/job-queue.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { instantOf, localClock } from '../../platform/time/wall-clock.ts';
import { archiveSettingsOf } from '../customers/customers.queries.ts';
import { timersOf } from './schedule-callbacks.ts';

export const CONTACT_PLAN_JOB = 'callbacks.contact_plan.daily';
/** the source of the tasks the contact plan makes: how they are told apart from policy and campaign callbacks */
export const CONTACT_PLAN_SOURCE = '定期联系计划';
const DAY_MS = 86_400_000;

/**
 * The contact plan (CBK-11 monthly visits, NTF-01 "at least every half
 * month"): each owned customer of a class with a cadence gets a care
 * callback for their owner when the gap since the last contact (or since
 * assignment) comes within `contactLeadDays` of the cadence; it is due when
 * the cadence runs out. A customer waiting for the first contact after
 * assignment has its own timer (CUS-04), and one with an open plan task gets
 * no second. One statement writes the tasks, one their timers.
 */
export async function runContactPlan(tx: Tx, now: Date): Promise<number> {
  const settings = await archiveSettingsOf(tx);
  if (!settings.contactEvery.length) return 0;
  const cadence = JSON.stringify(settings.contactEvery.map((c) => ({ class_key: c.classKey, days: c.days })));
  const tasks = await queryRows<{ id: string; available_at: Date; due_at: Date }>(tx, sql`
    with plan as (select * from jsonb_to_recordset(${cadence}::jsonb) as p(class_key text, days int)),
    due as (
      select c.id as customer_id, c.owner_id, u.team_id,
        coalesce(c.last_contact_at, c.owner_assigned_at) + make_interval(days => p.days) as due_at
      from customers c join plan p on p.class_key = c.tier join users u on u.id = c.owner_id and u.active
      where c.owner_id is not null and c.merged_into_id is null and c.first_contact_due_at is null
        and coalesce(c.last_contact_at, c.owner_assigned_at) + make_interval(days => p.days - ${settings.contactLeadDays}) <= ${now.toISOString()}::timestamptz
        and not exists (select 1 from callback_tasks t where t.customer_id = c.id and t.status = 'open' and t.source = ${CONTACT_PLAN_SOURCE}))
    insert into callback_tasks (source, callback_type, step, customer_id, assignee_id, team_id, available_at, due_at)
    select ${CONTACT_PLAN_SOURCE}, 'care', '定期联系', customer_id, owner_id, team_id, ${now.toISOString()}::timestamptz,
      greatest(due_at, ${new Date(now.getTime() + DAY_MS).toISOString()}::timestamptz)
    from due
    returning id, available_at, due_at`);
  await enqueueMany(tx, tasks.flatMap((t) => timersOf({ id: t.id, availableAt: new Date(t.available_at), dueAt: new Date(t.due_at) })));
  return tasks.length;
}

/** 07:00 local on the day after `now`: before the specialists start. */
function nextRun(timeZone: string, now: Date): Date {
  return new Date(instantOf(timeZone, localClock(timeZone, now.getTime()).day + 1, 7 * 60));
}

/** The daily run, re-queued for the next morning each time it runs. */
export function registerContactPlan(runner: JobRunner, db: Db, timeZone: string): void {
  runner.register(CONTACT_PLAN_JOB, async (tx) => {
    const now = new Date();
    await runContactPlan(tx, now);
    const at = nextRun(timeZone, now);
    await enqueue(tx, CONTACT_PLAN_JOB, {}, { runAt: at, dedupeKey: `${CONTACT_PLAN_JOB}:${at.toISOString()}` });
  });
  const at = nextRun(timeZone, new Date());
  void enqueue(db, CONTACT_PLAN_JOB, {}, { runAt: at, dedupeKey: `${CONTACT_PLAN_JOB}:${at.toISOString()}` }).catch(() => {});
}
