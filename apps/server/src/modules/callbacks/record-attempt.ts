import { eq, sql } from 'drizzle-orm';
import { reachedAttemptGaps, type AttemptBody, type AttemptGap, type Satisfaction } from '@kefu/shared/callbacks';
import type { Tx } from '../../db/client.ts';
import { callbackAttempts, callbackTasks } from '../../db/schema/index.ts';
import { AppError, localTime, notFound, renderError, type Locale } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import type { RunUnit, UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { truncate } from '../../platform/text.ts';
import { customerQuietState } from '../customers/quiet-hours.queries.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { DEFAULT_FOLLOW_UP, scriptById, type CallbackScript } from './callbacks.repository.ts';
import { cancelTimers } from './schedule-callbacks.ts';
import { flagCustomerPhone, noteCustomerContact } from '../customers/customers.commands.ts';

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

/** A reached customer was talked to: a phone call has a length, the script's required questions have answers (422 naming each gap). */
function assertComplete(body: AttemptBody, script: CallbackScript | null, locale: Locale): void {
  const questions = script?.questions ?? [];
  const gaps = reachedAttemptGaps(body, questions);
  if (!gaps.length) return;
  const message = (g: AttemptGap) => {
    if (g.path === 'durationSeconds') return renderError('CALL_DURATION_REQUIRED', {}, locale);
    const q = questions.find((x) => x.key === g.key)!;
    const question = truncate(q.text, 40);
    if (g.problem === 'yes_no') return renderError('SCRIPT_ANSWER_YES_NO', { question }, locale);
    if (g.problem === 'choice') return renderError('SCRIPT_ANSWER_CHOICE', { question, options: (q.options ?? []).join(locale === 'zh-CN' ? '、' : ', ') }, locale);
    return renderError('SCRIPT_ANSWER_REQUIRED', { question }, locale);
  };
  const details = gaps.map((g) => ({ path: g.path, message: message(g) }));
  throw new AppError('VALIDATION_FAILED', { summary: details.map((d) => d.message).join(locale === 'zh-CN' ? ';' : '; ') }, { details });
}

export async function recordAttempt(unit: RunUnit, actor: Principal, taskId: string, body: AttemptBody, timeZone: string, locale: Locale = 'zh-CN') {
  return unit(async (work) => {
    const tx = work.tx;
    const task = await lockTask(tx, taskId);
    assertMayWork(actor, task);
    if (task.status !== 'open') throw new AppError('CALLBACK_NOT_OPEN', { status: task.status });
    const script = body.result === 'reached' ? await scriptById(tx, task.scriptId) : null;
    if (body.result === 'reached') assertComplete(body, script, locale);
    const now = work.now;
    const quiet = await customerQuietState(tx, task.customerId, timeZone, now);
    if (quiet.quiet && body.channel === 'phone' && !body.quietHoursOverride) {
      throw new AppError('QUIET_HOURS', { until: localTime(quiet.nextAllowedAt!, timeZone, now) });
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
    if (done) await cancelTimers(tx, [taskId]);
    // a talk with the customer is a contact: the owner's first contact, the contact plan's last (CUS-04, CBK-11)
    if (body.result === 'reached') await noteCustomerContact(tx, task.customerId, actor.userId, now);
    // a wrong number goes on the data-quality board for whoever keeps the archive (CUS-15)
    if (body.result === 'wrong_number') await flagCustomerPhone(tx, task.customerId, body.note || body.reason || `回访「${task.source}」拨打为错号`, actor.userId, now);

    let followUp: string | null = null;
    if (task.ticketId) {
      const tickets = work.part(TICKETS);
      await tickets.load([task.ticketId]);
      // a callback about a complaint hidden from the agent (AUD-13) is not theirs to record: as if it did not exist
      if ((tickets.get(task.ticketId)?.hiddenFrom ?? []).includes(actor.userId)) throw notFound('callback');
      if (tickets.get(task.ticketId)) {
        tickets.record(task.ticketId, 'callback_attempted', [{ field: 'callback', from: null, to: { taskId, source: task.source, step: task.step, round: task.round, result: body.result,
          satisfaction: body.satisfaction ?? null, reason: body.reason ?? null, durationSeconds: body.durationSeconds } }],
        { actorId: actor.userId, at: now }, 'callback.attempted');
        if (body.result === 'reached') followUp = await followUpOnTicket(work, actor, task, script, body.satisfaction!, body.reason ?? '');
      }
    }
    return { attemptId: attempt.id, followUp };
  });
}

/** What a reached customer's verdict does to the work order, by the script's branch. */
async function followUpOnTicket(work: UnitOfWork, actor: Principal, task: Task, script: CallbackScript | null, verdict: Satisfaction, reason: string): Promise<string> {
  const action = script?.branches[verdict]?.followUp ?? DEFAULT_FOLLOW_UP[verdict];
  const tickets = work.part(TICKETS);
  const t = tickets.require(task.ticketId!);
  const by = { actorId: actor.userId, at: work.now };
  if (action === 'close') {
    // only a finished work order is closed by a good callback; open work stays open
    if (t.status !== 'resolved') return 'none';
    const [other] = await work.tx.select({ id: callbackTasks.id }).from(callbackTasks)
      .where(sql`${callbackTasks.ticketId} = ${t.id} and ${callbackTasks.status} = 'open' and ${callbackTasks.id} <> ${task.id}`).limit(1);
    if (other) return 'none';
    await tickets.changeStatus(t.id, 'closed', by, { action: 'closed_after_callback' });
    return 'close';
  }
  if (action === 'reopen') {
    if (t.status !== 'resolved' && t.status !== 'closed') return 'none';
    await tickets.changeStatus(t.id, 'open', by, { action: 'reopened_after_callback', extra: reason ? [{ field: 'callbackReason', from: null, to: reason }] : [] });
    return 'reopen';
  }
  if (action === 'rectify') {
    // a linked task for whoever handled the work order: put it right, then the customer is called again
    await tickets.createTask({
      parentId: t.id, subject: truncate(`回访不满意整改:${t.subject}`, 200), fields: { content: reason, rectification: true }, priority: t.priority,
      assigneeId: t.assigneeId, teamId: t.teamId, createdById: actor.userId, parentAction: 'rectification_created',
      parentChanges: [{ field: 'callbackReason', from: null, to: reason }],
    }, by);
    return 'rectify';
  }
  return 'none';
}
