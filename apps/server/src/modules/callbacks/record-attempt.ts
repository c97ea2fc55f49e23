import { eq, sql } from 'drizzle-orm';
import type { AttemptBody, Satisfaction } from '@kefu/shared/callbacks';
import type { Db, Tx } from '../../db/client.ts';
import { callbackAttempts, callbackTasks, tickets } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { formFor } from '../forms/forms.repository.ts';
import { departmentFor } from '../tickets/create-ticket.ts';
import { nextTicketNumber } from '../tickets/ticket-number.ts';
import { recordTicketChange } from '../tickets/record-ticket-change.ts';
import { DEFAULT_FOLLOW_UP, scriptById } from './callbacks.repository.ts';
import { customerQuietState } from './quiet-hours.repository.ts';
import { cancelTimers } from './schedule-callbacks.ts';

// One try at a callback, recorded completely (CBK-06). A reached customer's
// verdict closes the loop: satisfied closes the work order; unsatisfied
// reopens it (or gives the responsible person a rectification task), and the
// next resolution brings a new callback, until the customer is satisfied or a
// manager closes the loop with a reason (CMP-19, CMP-21).

type Task = typeof callbackTasks.$inferSelect;

/** The agent it is assigned to, or someone who manages callbacks. */
export function assertMayWork(actor: Principal, task: Task): void {
  if (task.assigneeId === actor.userId) return;
  if (can(actor, 'callback:manage')) return;
  throw new AppError('FORBIDDEN', { permission: 'callback:manage' });
}

export async function lockTask(tx: Tx, id: string): Promise<Task> {
  const [task] = await tx.select().from(callbackTasks).where(eq(callbackTasks.id, id)).for('update');
  if (!task) throw notFound('callback');
  return task;
}

const DONE_RESULTS = new Set(['reached', 'refused', 'wrong_number']);

export async function recordAttempt(db: Db, actor: Principal, taskId: string, body: AttemptBody, timeZone: string) {
  return db.transaction(async (tx) => {
    const task = await lockTask(tx, taskId);
    assertMayWork(actor, task);
    if (task.status !== 'open') throw new AppError('CALLBACK_NOT_OPEN', { status: task.status });
    const now = new Date();
    const quiet = await customerQuietState(tx, task.customerId, timeZone, now);
    if (quiet.quiet && body.channel === 'phone' && !body.quietHoursOverride) {
      throw new AppError('QUIET_HOURS', { until: quiet.nextAllowedAt!.toISOString() });
    }
    const [attempt] = await tx.insert(callbackAttempts).values({
      taskId, agentId: actor.userId, channel: body.channel, result: body.result, durationSeconds: body.durationSeconds,
      satisfaction: body.satisfaction ?? null, answers: body.answers, reason: body.reason ?? null, note: body.note ?? null,
      appointmentAt: body.appointmentAt ? new Date(body.appointmentAt) : null, quietHours: quiet.quiet, at: now,
    }).returning();

    const done = DONE_RESULTS.has(body.result);
    const outcome = body.result === 'reached' ? body.satisfaction! : done ? body.result : null;
    await tx.update(callbackTasks).set({
      attemptCount: sql`${callbackTasks.attemptCount} + 1`,
      status: done ? 'done' : 'open',
      outcome,
      reason: body.reason ?? task.reason,
      doneAt: done ? now : null,
      appointmentAt: body.result === 'appointment' ? new Date(body.appointmentAt!) : task.appointmentAt,
      // whoever actually made the callback is its agent from now on
      assigneeId: task.assigneeId ?? actor.userId,
    }).where(eq(callbackTasks.id, taskId));
    if (done) await cancelTimers(tx, taskId);

    let followUp: string | null = null;
    if (task.ticketId) {
      await recordTicketChange(tx, task.ticketId, {
        actorId: actor.userId, action: 'callback_attempted', eventType: 'callback.attempted', at: now,
        changes: [{ field: 'callback', from: null, to: { taskId, source: task.source, step: task.step, round: task.round, result: body.result,
          satisfaction: body.satisfaction ?? null, reason: body.reason ?? null, durationSeconds: body.durationSeconds } }],
      });
      if (body.result === 'reached') followUp = await followUpOnTicket(tx, actor, task, body.satisfaction!, body.reason ?? '', now, timeZone);
    }
    return { attemptId: attempt.id, followUp };
  });
}

async function followUpOnTicket(tx: Tx, actor: Principal, task: Task, verdict: Satisfaction, reason: string, now: Date, timeZone: string): Promise<string> {
  const script = await scriptById(tx, task.scriptId);
  const action = script?.branches[verdict]?.followUp ?? DEFAULT_FOLLOW_UP[verdict];
  const [t] = await tx.select().from(tickets).where(eq(tickets.id, task.ticketId!)).for('update');
  if (!t) return 'none';
  if (action === 'close') {
    // only a finished work order is closed by a good callback; open work stays open
    if (t.status !== 'resolved') return 'none';
    const [other] = await tx.select({ id: callbackTasks.id }).from(callbackTasks)
      .where(sql`${callbackTasks.ticketId} = ${t.id} and ${callbackTasks.status} = 'open' and ${callbackTasks.id} <> ${task.id}`).limit(1);
    if (other) return 'none';
    await setStatus(tx, t, 'closed', actor.userId, 'closed_after_callback', now);
    return 'close';
  }
  if (action === 'reopen') {
    if (t.status !== 'resolved' && t.status !== 'closed') return 'none';
    await setStatus(tx, t, 'open', actor.userId, 'reopened_after_callback', now, reason);
    return 'reopen';
  }
  if (action === 'rectify') {
    await createRectification(tx, t, reason, actor, now, timeZone);
    return 'rectify';
  }
  return 'none';
}

async function setStatus(tx: Tx, t: typeof tickets.$inferSelect, status: string, actorId: string, action: string, now: Date, reason?: string) {
  await tx.update(tickets).set({ status, updatedAt: now }).where(eq(tickets.id, t.id));
  await recordTicketChange(tx, t.id, {
    actorId, action, at: now,
    changes: [{ field: 'status', from: t.status, to: status }, ...(reason ? [{ field: 'callbackReason', from: null, to: reason }] : [])],
  });
}

/** A linked task for whoever handled the work order: put it right, then the customer is called again. */
async function createRectification(tx: Tx, parent: typeof tickets.$inferSelect, reason: string, actor: Principal, now: Date, timeZone: string) {
  const number = await nextTicketNumber(tx as unknown as Db, now, timeZone);
  const assigneeId = parent.assigneeId;
  const subject = `回访不满意整改:${parent.subject}`.slice(0, 200);
  const [sub] = await tx.insert(tickets).values({
    number, type: 'task', status: 'new', priority: parent.priority, channel: parent.channel, subject,
    customerId: parent.customerId, fields: { content: reason, rectification: true }, formVersion: (await formFor(tx as unknown as Db, 'task')).version,
    assigneeId, teamId: parent.teamId, departmentId: await departmentFor(tx, assigneeId, parent.teamId).catch(() => parent.departmentId),
    createdById: actor.userId, parentId: parent.id, hiddenFrom: parent.hiddenFrom, createdAt: now, updatedAt: now,
  }).returning();
  await recordTicketChange(tx, sub.id, { actorId: actor.userId, action: 'created', eventType: 'ticket.created', at: now, changes: [{ field: 'status', from: null, to: 'new' }] });
  await recordTicketChange(tx, parent.id, {
    actorId: actor.userId, action: 'rectification_created', eventType: 'ticket.subtask_created', at: now,
    changes: [{ field: 'subtask', from: null, to: sub.number }, { field: 'callbackReason', from: null, to: reason }],
  });
}
