import { and, eq, sql } from 'drizzle-orm';
import type { CampaignBody } from '@kefu/shared/callbacks';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { callbackCampaigns, callbackTasks, teams } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { calendarBook } from '../../platform/time/calendars.ts';
import { enqueueMany } from '../../platform/jobs/job-queue.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { addSpan } from './callback-deadlines.ts';
import { selectCustomerIds } from '../customers/customer-selection.queries.ts';
import { cancelTimers, timersOf } from './schedule-callbacks.ts';

/** At most this many customers in one campaign (larger ones: split by class or period). */
export const MAX_CAMPAIGN_CUSTOMERS = 20_000;

/**
 * Starts a batch callback campaign (CBK-03): the selected customers are spread
 * over the team's active members, fewest open callbacks first, one task each,
 * all due within the campaign's span on its calendar.
 */
export async function startCampaign(db: Db, actor: Principal, body: CampaignBody, now = new Date()) {
  return db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, body.teamId));
    if (!team) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: body.teamId });
    const members = await queryRows<{ id: string; n: number }>(tx, sql`
      select u.id, count(c.id)::int as n from users u
      left join callback_tasks c on c.assignee_id = u.id and c.status = 'open'
      where u.team_id = ${body.teamId} and u.active group by u.id order by count(c.id), u.id`);
    if (!members.length) throw new AppError('VALIDATION_FAILED', { summary: 'the team has no active members' });
    const customerIds = await selectCustomerIds(tx, body.filter, MAX_CAMPAIGN_CUSTOMERS + 1);
    if (customerIds.length > MAX_CAMPAIGN_CUSTOMERS) {
      throw new AppError('VALIDATION_FAILED', { summary: `more than ${MAX_CAMPAIGN_CUSTOMERS} customers; narrow the filter` });
    }
    if (!customerIds.length) throw new AppError('VALIDATION_FAILED', { summary: 'no customer matches the filter' });
    const teamCalendar = (await orgDirectory(tx, db)).teams.get(body.teamId)?.calendarId ?? null;
    const calendar = (await calendarBook(tx, db)).pick(body.calendarId, teamCalendar);
    const dueAt = addSpan(calendar.spec, now, body.dueWithin);
    const [campaign] = await tx.insert(callbackCampaigns).values({
      name: body.name, callbackType: body.callbackType, filter: body.filter, teamId: body.teamId, scriptId: body.scriptId,
      calendarId: calendar.id || null, dueWithin: body.dueWithin, coverageRequired: body.coverageRequired,
      customerCount: customerIds.length, createdById: actor.userId,
    }).returning();
    // by load: always give the next customer to whoever has the fewest open callbacks
    const load = members.map((m) => ({ ...m }));
    const rows = customerIds.map((customerId) => {
      load.sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
      load[0].n++;
      return {
        campaignId: campaign.id, source: body.name, callbackType: body.callbackType, step: '批量回访', customerId,
        assigneeId: load[0].id, teamId: body.teamId, scriptId: body.scriptId, calendarId: calendar.id || null,
        availableAt: now, dueAt, coverageRequired: body.coverageRequired,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      const tasks = await tx.insert(callbackTasks).values(rows.slice(i, i + 1000)).returning({ id: callbackTasks.id, availableAt: callbackTasks.availableAt, dueAt: callbackTasks.dueAt });
      await enqueueMany(tx, tasks.flatMap(timersOf));
    }
    return campaign;
  });
}

/**
 * Ends a campaign early: its callbacks not yet made are cancelled (their
 * timers too) and no longer count as due; those made keep their results.
 */
export async function closeCampaign(db: Db, id: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(callbackCampaigns).where(eq(callbackCampaigns.id, id)).for('update');
    if (!c) throw notFound('campaign');
    if (c.status === 'closed') throw new AppError('CAMPAIGN_CLOSED');
    const open = await tx.update(callbackTasks).set({ status: 'cancelled', doneAt: new Date() })
      .where(and(eq(callbackTasks.campaignId, id), eq(callbackTasks.status, 'open'))).returning({ id: callbackTasks.id });
    await cancelTimers(tx, open.map((t) => t.id));
    await tx.update(callbackCampaigns).set({ status: 'closed' }).where(eq(callbackCampaigns.id, id));
    return open.length;
  });
}

/** running: callbacks still open; done: every callback made; closed: ended early by a manager. */
export async function campaignProgress(db: Db) {
  const rows = await queryRows<{ id: string; name: string; callback_type: string; status: string; customer_count: number; created_at: Date;
    team_name: string | null; done: number; open: number; overdue: number; satisfied: number; reached: number; cancelled: number }>(db, sql`
    select k.id, k.name, k.callback_type, k.status, k.customer_count, k.created_at, tm.name as team_name,
      count(c.id) filter (where c.status in ('done', 'closed'))::int as done,
      count(c.id) filter (where c.status = 'open')::int as open,
      count(c.id) filter (where c.status = 'open' and c.due_at < now())::int as overdue,
      count(c.id) filter (where c.outcome = 'satisfied')::int as satisfied,
      count(c.id) filter (where c.outcome in ('satisfied', 'neutral', 'unsatisfied'))::int as reached,
      count(c.id) filter (where c.status = 'cancelled')::int as cancelled
    from callback_campaigns k left join callback_tasks c on c.campaign_id = k.id left join teams tm on tm.id = k.team_id
    group by k.id, tm.name order by k.created_at desc limit 100`);
  return rows.map((r) => ({ ...r, status: r.status === 'closed' ? 'closed' : r.open > 0 ? 'running' : 'done' }));
}

