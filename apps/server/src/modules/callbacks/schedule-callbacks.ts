import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Change, DomainEvent } from '@kefu/shared/events';
import { allConditionsHold } from '@kefu/shared/conditions';
import type { Tx } from '../../db/client.ts';
import { queryRows, pgArray } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { callbackTasks } from '../../db/schema/index.ts';
import { cancelJobs, enqueueMany, type JobSpec } from '../../platform/jobs/job-queue.ts';
import type { EventHandler } from '../../platform/events/event-consumer.ts';
import type { PartKey, UnitOfWork, WorkPart } from '../../platform/events/unit-of-work.ts';
import { calendarBook } from '../../platform/time/calendars.ts';
import { TICKETS, type TicketView } from '../tickets/tickets.commands.ts';
import { factsOf, teamHours } from '../tickets/tickets.queries.ts';
import { anchorFrom, stepWindow } from './callback-deadlines.ts';
import { enabledPolicies, policyById, type CallbackPolicy } from './callbacks.repository.ts';

export const CALLBACK_REMIND_JOB = 'callbacks.remind';
export const CALLBACK_DUE_JOB = 'callbacks.due';

/** Reminder before the deadline (at 3/4 of the window), then the overdue timer at the deadline. */
export function timersOf(task: { id: string; availableAt: Date; dueAt: Date }): JobSpec[] {
  const window = task.dueAt.getTime() - task.availableAt.getTime();
  const remindAt = new Date(task.availableAt.getTime() + Math.max(0, window) * 0.75);
  return [
    { kind: CALLBACK_REMIND_JOB, payload: { taskId: task.id }, runAt: remindAt, dedupeKey: `callback:remind:${task.id}` },
    { kind: CALLBACK_DUE_JOB, payload: { taskId: task.id }, runAt: task.dueAt, dedupeKey: `callback:due:${task.id}` },
  ];
}

export async function cancelTimers(tx: Tx, taskIds: string[]): Promise<void> {
  await cancelJobs(tx, taskIds.flatMap((id) => [`callback:remind:${id}`, `callback:due:${id}`]));
}

/** New callback tasks of a unit, with their timers: one insert each, at flush. */
export class NewCallbacks implements WorkPart {
  private rows: Record<string, unknown>[] = [];
  private jobs: JobSpec[] = [];
  constructor(private work: UnitOfWork) {
    // the work orders they belong to are written first
    work.part(TICKETS);
  }
  add(task: { id: string; availableAt: Date; dueAt: Date } & Record<string, unknown>): void {
    const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d ?? null);
    this.rows.push({
      id: task.id, policy_id: task.policyId ?? null, campaign_id: task.campaignId ?? null, source: task.source, callback_type: task.callbackType,
      step: task.step, ticket_id: task.ticketId ?? null, customer_id: task.customerId, assignee_id: task.assigneeId ?? null, team_id: task.teamId ?? null,
      script_id: task.scriptId ?? null, calendar_id: task.calendarId ?? null, round: task.round ?? 1, available_at: iso(task.availableAt), due_at: iso(task.dueAt),
      coverage_required: task.coverageRequired ?? false, target_minutes: task.targetMinutes ?? 5, created_at: this.work.now.toISOString(),
    });
    this.jobs.push(...timersOf(task));
  }
  async flush(): Promise<void> {
    await insertRows(this.work.tx, 'callback_tasks', {
      id: 'uuid', policy_id: 'uuid', campaign_id: 'uuid', source: 'text', callback_type: 'text', step: 'text', ticket_id: 'uuid', customer_id: 'uuid',
      assignee_id: 'uuid', team_id: 'uuid', script_id: 'uuid', calendar_id: 'uuid', round: 'int', available_at: 'timestamptz', due_at: 'timestamptz',
      coverage_required: 'boolean', target_minutes: 'int', created_at: 'timestamptz',
    }, this.rows);
    await enqueueMany(this.work.tx, this.jobs);
    this.rows = [];
    this.jobs = [];
  }
}
export const NEW_CALLBACKS: PartKey<NewCallbacks> = { name: 'new_callbacks', create: (work) => new NewCallbacks(work) };

/** The least-loaded active member of a team, by open callbacks. */
export async function leastLoadedMember(tx: Tx, teamId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(tx, sql`
    select u.id from users u
    left join callback_tasks c on c.assignee_id = u.id and c.status = 'open'
    where u.team_id = ${teamId} and u.active
    group by u.id order by count(c.id), min(u.created_at), u.id limit 1`);
  return row?.id ?? null;
}

/** What earlier rounds left: whether a policy's callback is still open for the work order, and how many were unsatisfied. */
type History = Map<string, { open: boolean; unsatisfied: number }>;

async function historyOf(tx: Tx, ticketIds: string[]): Promise<History> {
  const rows = await queryRows<{ ticket_id: string; policy_id: string; open: boolean; unsatisfied: number }>(tx, sql`
    select ticket_id, policy_id, bool_or(status = 'open') as open, count(*) filter (where outcome = 'unsatisfied')::int as unsatisfied
    from callback_tasks where ticket_id = any(${pgArray(ticketIds)}::uuid[]) and policy_id is not null group by ticket_id, policy_id`);
  return new Map(rows.map((r) => [`${r.ticket_id}:${r.policy_id}`, { open: r.open, unsatisfied: r.unsatisfied }]));
}

export interface ScheduleDeps {
  /** sends the satisfaction survey of resolved work orders (surveys module) */
  sendSurvey?: (work: UnitOfWork, ticketIds: string[]) => Promise<void>;
}

/**
 * Makes the callbacks a policy asks for after this work order reached its
 * trigger status: one task per step, counted from the event (or the date in
 * the policy's anchor field) on the policy's calendar. `round` > 1 after an
 * unsatisfied loop. Skips a policy whose callback of this work order is still open.
 */
async function createPolicyCallbacks(work: UnitOfWork, t: TicketView, policy: CallbackPolicy, now: Date, history: History, round?: number): Promise<void> {
  const key = `${t.id}:${policy.id}`;
  const h = history.get(key) ?? { open: false, unsatisfied: 0 };
  if (h.open) return;
  const r = round ?? h.unsatisfied + 1;
  const tickets = work.part(TICKETS);
  const dir = await tickets.directory();
  const book = await calendarBook(work.tx, work.db);
  const calendar = book.pick(policy.calendarId, t.teamId ? dir.teams.get(t.teamId)?.calendarId : null);
  const anchorValue = policy.anchorField ? (t.fields as Record<string, unknown>)[policy.anchorField.slice('fields.'.length)] : undefined;
  const anchor = (policy.anchorField && anchorFrom(anchorValue, calendar.spec.timeZone)) || now;
  const assigneeId = policy.assignee.mode === 'resolver' ? t.assigneeId
    : policy.assignee.mode === 'creator' ? t.createdById
      : await leastLoadedMember(work.tx, policy.assignee.teamId);
  const teamId = policy.assignee.mode === 'team' ? policy.assignee.teamId : assigneeId ? dir.users.get(assigneeId)?.teamId ?? null : null;
  const tasks = work.part(NEW_CALLBACKS);
  for (const step of policy.steps) {
    const { availableAt, dueAt } = stepWindow(calendar.spec, anchor, step);
    const id = randomUUID();
    tasks.add({
      id, policyId: policy.id, source: policy.name, callbackType: policy.callbackType, step: step.label, ticketId: t.id, customerId: t.customerId,
      assigneeId, teamId, scriptId: policy.scriptId, calendarId: calendar.id || null, round: r, availableAt, dueAt,
      coverageRequired: policy.coverageRequired, targetMinutes: policy.targetMinutes,
    });
    tickets.record(t.id, 'callback_scheduled', [{ field: 'callback', from: null, to: { source: policy.name, step: step.label, round: r, dueAt: dueAt.toISOString(), taskId: id } }],
      { actorId: null, at: now }, 'callback.scheduled');
  }
  history.set(key, { open: true, unsatisfied: h.unsatisfied });
}

/**
 * Callbacks follow work orders: a work order reaching a status schedules what
 * the callback policies ask for, and when a rectification task (after an
 * unsatisfied callback) is resolved, the customer is called back again on the
 * original work order. Policies are cached; the history of every work order
 * of the batch is read in one query.
 */
export function callbacksHandler(deps: ScheduleDeps): EventHandler {
  return {
    name: 'callbacks',
    types: ['ticket.updated'],
    async handle(work, events) {
      const moves = events.map((e) => ({ e, to: ((e as DomainEvent<'ticket.updated'>).payload.changes as Change[]).find((c) => c.field === 'status')?.to }))
        .filter((m): m is { e: DomainEvent; to: string } => typeof m.to === 'string');
      if (!moves.length) return;
      const tickets = work.part(TICKETS);
      await tickets.load(moves.map((m) => m.e.aggregateId));
      const policies = (await enabledPolicies(work.tx)).filter((p) => p.kind !== 'campaign');
      const parents = moves.map((m) => tickets.get(m.e.aggregateId)?.parentId).filter((x): x is string => !!x);
      await tickets.load(parents);
      const history = await historyOf(work.tx, [...moves.map((m) => m.e.aggregateId), ...parents]);
      const hours = await teamHours(work);
      const surveys: string[] = [];
      for (const { e, to } of moves) {
        const t = tickets.get(e.aggregateId);
        if (!t) continue;
        const at = new Date((e.payload as { at: string }).at);
        if (t.type === 'task' && t.parentId && (t.fields as Record<string, unknown>).rectification === true) {
          if (to === 'resolved') await callAgainAfterRectification(work, t, at, history);
          continue;
        }
        const mine = policies.filter((p) => p.triggerStatus === to);
        if (!mine.length) continue;
        const facts = factsOf(t, ['status'], () => hours(t.teamId));
        let survey = false;
        for (const p of mine) {
          if (!allConditionsHold(facts, p.conditions)) continue;
          await createPolicyCallbacks(work, t, p, at, history);
          survey ||= p.sendSurvey && to === 'resolved';
        }
        if (survey) surveys.push(t.id);
      }
      if (surveys.length && deps.sendSurvey) await deps.sendSurvey(work, surveys);
    },
  };
}

/** The rectification is done: the customer of the original work order is called again, one round later. */
async function callAgainAfterRectification(work: UnitOfWork, task: TicketView, at: Date, history: History): Promise<void> {
  const [last] = await work.tx.select().from(callbackTasks)
    .where(and(eq(callbackTasks.ticketId, task.parentId!), eq(callbackTasks.outcome, 'unsatisfied')))
    .orderBy(desc(callbackTasks.doneAt)).limit(1);
  const policy = last?.policyId ? await policyById(work.tx, last.policyId) : null;
  const parent = work.part(TICKETS).get(task.parentId!);
  if (policy && parent) await createPolicyCallbacks(work, parent, policy, at, history, last.round + 1);
}
