import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { callbackTasks, tickets, users } from '../../db/schema/index.ts';
import { cancelJob, enqueue } from '../../platform/jobs/job-queue.ts';
import { calendarFor } from '../sla/calendars.repository.ts';
import { allConditionsHold } from '../routing/rule-conditions.ts';
import { asksBusinessHours, ruleContext } from '../routing/routing.listener.ts';
import { isTeamWorkingNow } from '../routing/business-hours.ts';
import { recordTicketChange } from '../tickets/record-ticket-change.ts';
import { anchorFrom, stepWindow } from './callback-deadlines.ts';
import { enabledPolicies, policyById, type CallbackPolicy } from './callbacks.repository.ts';

export const CALLBACK_REMIND_JOB = 'callbacks.remind';
export const CALLBACK_DUE_JOB = 'callbacks.due';

export interface ScheduleDeps {
  timeZone: string;
  /** sends the satisfaction survey of a resolved work order (surveys module) */
  sendSurvey?: (tx: Tx, ticketId: string) => Promise<void>;
}

type TicketRow = typeof tickets.$inferSelect;

/** The least-loaded active member of a team, by open callbacks. */
export async function leastLoadedMember(tx: Tx, teamId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(tx, sql`
    select u.id from users u
    left join callback_tasks c on c.assignee_id = u.id and c.status = 'open'
    where u.team_id = ${teamId} and u.active
    group by u.id order by count(c.id), min(u.created_at), u.id limit 1`);
  return row?.id ?? null;
}

/** Reminder before the deadline (at 3/4 of the window), then the overdue timer at the deadline. */
export async function scheduleTimers(tx: Tx, task: { id: string; availableAt: Date; dueAt: Date }): Promise<void> {
  const window = task.dueAt.getTime() - task.availableAt.getTime();
  const remindAt = new Date(task.availableAt.getTime() + Math.max(0, window) * 0.75);
  await enqueue(tx, CALLBACK_REMIND_JOB, { taskId: task.id }, { runAt: remindAt, dedupeKey: `callback:remind:${task.id}` });
  await enqueue(tx, CALLBACK_DUE_JOB, { taskId: task.id }, { runAt: task.dueAt, dedupeKey: `callback:due:${task.id}` });
}

export async function cancelTimers(tx: Tx, taskId: string): Promise<void> {
  await cancelJob(tx, `callback:remind:${taskId}`);
  await cancelJob(tx, `callback:due:${taskId}`);
}

/**
 * Makes the callbacks a policy asks for after this work order reached its
 * trigger status: one task per step, counted from the event (or the date in
 * the policy's anchor field) on the policy's calendar. `round` > 1 after an
 * unsatisfied loop. Skips a policy whose callback of this work order is still open.
 */
export async function createPolicyCallbacks(tx: Tx, t: TicketRow, policy: CallbackPolicy, now: Date, deps: ScheduleDeps, round?: number): Promise<string[]> {
  const [open] = await tx.select({ id: callbackTasks.id }).from(callbackTasks)
    .where(and(eq(callbackTasks.ticketId, t.id), eq(callbackTasks.policyId, policy.id), eq(callbackTasks.status, 'open'))).limit(1);
  if (open) return [];
  const [prior] = await queryRows<{ n: number }>(tx, sql`
    select count(*)::int as n from callback_tasks where ticket_id = ${t.id} and policy_id = ${policy.id} and outcome = 'unsatisfied'`);
  const r = round ?? prior.n + 1;
  const calendar = await calendarFor(tx, policy.calendarId, t.teamId);
  const anchorValue = policy.anchorField ? (t.fields as Record<string, unknown>)[policy.anchorField.slice('fields.'.length)] : undefined;
  const anchor = (policy.anchorField && anchorFrom(anchorValue, calendar.spec.timeZone)) || now;
  const assigneeId = policy.assignee.mode === 'resolver' ? t.assigneeId
    : policy.assignee.mode === 'creator' ? t.createdById
      : await leastLoadedMember(tx, policy.assignee.teamId);
  let teamId = policy.assignee.mode === 'team' ? policy.assignee.teamId : null;
  if (!teamId && assigneeId) teamId = (await tx.select({ t: users.teamId }).from(users).where(eq(users.id, assigneeId)))[0]?.t ?? null;

  const ids: string[] = [];
  for (const step of policy.steps) {
    const { availableAt, dueAt } = stepWindow(calendar.spec, anchor, step);
    const [task] = await tx.insert(callbackTasks).values({
      policyId: policy.id, source: policy.name, callbackType: policy.callbackType, step: step.label,
      ticketId: t.id, customerId: t.customerId, assigneeId, teamId, scriptId: policy.scriptId, calendarId: calendar.id || null,
      round: r, availableAt, dueAt, coverageRequired: policy.coverageRequired, targetMinutes: policy.targetMinutes,
    }).returning();
    await scheduleTimers(tx, task);
    ids.push(task.id);
    await recordTicketChange(tx, t.id, {
      actorId: null, action: 'callback_scheduled', eventType: 'callback.scheduled', at: now,
      changes: [{ field: 'callback', from: null, to: { source: policy.name, step: step.label, round: r, dueAt: dueAt.toISOString(), taskId: task.id } }],
    });
  }
  return ids;
}

/**
 * A work order changed status: schedule what the callback policies ask for,
 * and when a rectification task (after an unsatisfied callback) is resolved,
 * call the customer back again on the original work order.
 */
export async function scheduleForStatus(tx: Tx, ticketId: string, status: string, now: Date, deps: ScheduleDeps): Promise<string[]> {
  const [t] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!t) return [];
  const out: string[] = [];
  if (t.type === 'task' && t.parentId && (t.fields as Record<string, unknown>).rectification === true && status === 'resolved') {
    const [last] = await tx.select().from(callbackTasks)
      .where(and(eq(callbackTasks.ticketId, t.parentId), eq(callbackTasks.outcome, 'unsatisfied')))
      .orderBy(desc(callbackTasks.doneAt)).limit(1);
    const policy = last?.policyId ? await policyById(tx, last.policyId) : null;
    const [parent] = await tx.select().from(tickets).where(eq(tickets.id, t.parentId));
    if (policy && parent) out.push(...await createPolicyCallbacks(tx, parent, policy, now, deps, last.round + 1));
    return out;
  }
  const policies = (await enabledPolicies(tx)).filter((p) => p.kind !== 'campaign' && p.triggerStatus === status);
  if (!policies.length) return out;
  const ctx = await ruleContext(tx, ticketId, ['status'], { isBusinessHours: isTeamWorkingNow }, asksBusinessHours(policies.map((p) => p.conditions)));
  if (!ctx) return out;
  let survey = false;
  for (const p of policies) {
    if (!allConditionsHold(ctx, p.conditions)) continue;
    out.push(...await createPolicyCallbacks(tx, t, p, now, deps));
    survey ||= p.sendSurvey && status === 'resolved';
  }
  if (survey && deps.sendSurvey) await deps.sendSurvey(tx, t.id);
  return out;
}
