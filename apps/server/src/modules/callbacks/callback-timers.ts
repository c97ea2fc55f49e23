import { eq } from 'drizzle-orm';
import { callbackTasks, customers } from '../../db/schema/index.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { CALLBACK_DUE_JOB, CALLBACK_REMIND_JOB } from './schedule-callbacks.ts';

type Task = typeof callbackTasks.$inferSelect;

async function notice(work: UnitOfWork, task: Task, kind: 'callback.due_soon' | 'callback.overdue', to: string[]): Promise<void> {
  const [c] = await work.tx.select({ name: customers.name }).from(customers).where(eq(customers.id, task.customerId));
  const dir = await orgDirectory(work.tx, work.db);
  work.part(NOTICES).tell(to, {
    kind, ticketId: task.ticketId,
    vars: { callback: { source: task.source, step: task.step, agent: (task.assigneeId && dir.users.get(task.assigneeId)?.displayName) || '—' },
      customer: { name: c?.name ?? '' }, dueAt: task.dueAt.toISOString(), link: `/callbacks/${task.id}` },
  });
}

/**
 * Each callback task has two timers: a reminder to its agent at three
 * quarters of its window, and at the deadline an overdue notice plus a
 * `callback.overdue` event the routing rules escalate (CBK-06 "missed
 * deadlines remind, then escalate").
 */
export function registerCallbackTimers(runner: JobRunner): void {
  runner.registerUnit(CALLBACK_REMIND_JOB, async (work, { taskId }: { taskId: string }) => {
    const [task] = await work.tx.select().from(callbackTasks).where(eq(callbackTasks.id, taskId)).for('update');
    if (!task || task.status !== 'open' || task.remindedAt) return;
    await work.tx.update(callbackTasks).set({ remindedAt: work.now }).where(eq(callbackTasks.id, taskId));
    if (task.assigneeId) await notice(work, task, 'callback.due_soon', [task.assigneeId]);
  });

  runner.registerUnit(CALLBACK_DUE_JOB, async (work, { taskId }: { taskId: string }) => {
    const [task] = await work.tx.select().from(callbackTasks).where(eq(callbackTasks.id, taskId)).for('update');
    if (!task || task.status !== 'open' || task.overdueAt) return;
    const now = work.now;
    await work.tx.update(callbackTasks).set({ overdueAt: now }).where(eq(callbackTasks.id, taskId));
    const told = task.assigneeId ? [task.assigneeId] : [];
    if (task.ticketId) {
      // the rules decide who hears of it beyond the agent (the dairy template: the CS center manager)
      const tickets = work.part(TICKETS);
      await tickets.load([task.ticketId]);
      if (tickets.get(task.ticketId)) {
        tickets.record(task.ticketId, 'callback_overdue',
          [{ field: 'callback', from: null, to: { taskId, source: task.source, step: task.step, dueAt: task.dueAt.toISOString() } }],
          { actorId: null, at: now }, 'callback.overdue');
      }
    } else if (task.teamId) {
      // a campaign callback has no work order: its team lead hears of it
      const lead = (await orgDirectory(work.tx, work.db)).teams.get(task.teamId)?.leadId;
      if (lead) told.push(lead);
    }
    if (told.length) await notice(work, task, 'callback.overdue', told);
  });
}
