import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { callbackTasks, customers, teams, users } from '../../db/schema/index.ts';
import type { DomainEvent, OutboxDispatcher } from '../../platform/events/outbox-dispatcher.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { recordTicketChange } from '../tickets/record-ticket-change.ts';
import { CALLBACK_DUE_JOB, CALLBACK_REMIND_JOB, scheduleForStatus, type ScheduleDeps } from './schedule-callbacks.ts';

export const SCHEDULE_JOB = 'callbacks.schedule';

export interface CallbackListenerDeps extends ScheduleDeps {
  runner: JobRunner;
  hub: RealtimeHub;
}

/**
 * Callbacks follow work orders: a status change may schedule them (policies),
 * and each task has two timers: a reminder to its agent at three quarters of
 * its window, and at the deadline an overdue notice plus a `callback.overdue`
 * event the routing rules escalate (CBK-06 "missed deadlines remind, then escalate").
 */
export function registerCallbacks(dispatcher: OutboxDispatcher, deps: CallbackListenerDeps): void {
  dispatcher.subscribe('ticket.updated', SCHEDULE_JOB);
  deps.runner.register(SCHEDULE_JOB, async (tx, event: DomainEvent) => {
    const changes = (event.payload.changes ?? []) as { field: string; to: unknown }[];
    const status = changes.find((c) => c.field === 'status')?.to;
    if (typeof status !== 'string') return;
    const at = typeof event.payload.at === 'string' ? new Date(event.payload.at) : new Date();
    await scheduleForStatus(tx, event.aggregateId, status, at, deps);
  });

  const notice = async (tx: Tx, task: typeof callbackTasks.$inferSelect, kind: 'callback.due_soon' | 'callback.overdue', to: string[]) => {
    const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, task.customerId));
    const [agent] = task.assigneeId ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, task.assigneeId)) : [];
    await notifyUsers(tx, to, {
      kind, ticketId: task.ticketId,
      vars: { callback: { source: task.source, step: task.step, agent: agent?.name ?? '—' }, customer: { name: c?.name ?? '' },
        dueAt: task.dueAt.toISOString(), link: `/callbacks/${task.id}` },
    }, { afterCommit: deps.runner.afterCommit, hub: deps.hub });
  };

  deps.runner.register(CALLBACK_REMIND_JOB, async (tx, { taskId }: { taskId: string }) => {
    const [task] = await tx.select().from(callbackTasks).where(eq(callbackTasks.id, taskId)).for('update');
    if (!task || task.status !== 'open' || task.remindedAt) return;
    await tx.update(callbackTasks).set({ remindedAt: new Date() }).where(eq(callbackTasks.id, taskId));
    if (task.assigneeId) await notice(tx, task, 'callback.due_soon', [task.assigneeId]);
  });

  deps.runner.register(CALLBACK_DUE_JOB, async (tx, { taskId }: { taskId: string }) => {
    const [task] = await tx.select().from(callbackTasks).where(eq(callbackTasks.id, taskId)).for('update');
    if (!task || task.status !== 'open' || task.overdueAt) return;
    const now = new Date();
    await tx.update(callbackTasks).set({ overdueAt: now }).where(eq(callbackTasks.id, taskId));
    const told = task.assigneeId ? [task.assigneeId] : [];
    if (task.ticketId) {
      // the rules decide who hears of it beyond the agent (the dairy template: the CS center manager)
      await recordTicketChange(tx, task.ticketId, {
        actorId: null, action: 'callback_overdue', eventType: 'callback.overdue', at: now,
        changes: [{ field: 'callback', from: null, to: { taskId, source: task.source, step: task.step, dueAt: task.dueAt.toISOString() } }],
      });
    } else if (task.teamId) {
      // a campaign callback has no work order: its team lead hears of it
      const [team] = await tx.select({ lead: teams.leadId }).from(teams).where(eq(teams.id, task.teamId));
      if (team?.lead) told.push(team.lead);
    }
    if (told.length) await notice(tx, task, 'callback.overdue', told);
  });
}
