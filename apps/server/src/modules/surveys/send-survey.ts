import { truncate } from '../../platform/text.ts';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { customers, surveyInvitations, surveys, tickets } from '../../db/schema/index.ts';
import { cancelJob, enqueue } from '../../platform/jobs/job-queue.ts';
import { nextAllowedTime } from '../../platform/time/quiet-hours.ts';
import { quietHoursFor } from '../customers/quiet-hours.queries.ts';
import { backoffMs, type JobRunner } from '../../platform/jobs/job-runner.ts';
import type { Channels } from '../notifications/notifications.commands.ts';
import type { SURVEY_SKIP_REASONS } from '@kefu/shared/callbacks-api';
import { hashToken, surveySecret, tokenFor } from './survey-tokens.ts';

export const SURVEY_SEND_JOB = 'surveys.send';
const MAX_ATTEMPTS = 6;

// An invitation not sent on purpose keeps why in send_error as "skipped:<reason>"
// (no column of its own); only these two functions read or write that form.
const SKIPPED = 'skipped:';
export const skippedAs = (reason: (typeof SURVEY_SKIP_REASONS)[number]) => `${SKIPPED}${reason}`;
/** A stored send_error as the API shows it: a failure, or the reason it was skipped. */
export function sendOutcome(sendError: string | null): { sendError: string | null; skipReason: string | null } {
  return sendError?.startsWith(SKIPPED) ? { sendError: null, skipReason: sendError.slice(SKIPPED.length) } : { sendError, skipReason: null };
}
const notSkipped = sql`coalesce(${surveyInvitations.sendError}, '') not like ${`${SKIPPED}%`}`;

export const DEFAULT_SURVEY = {
  name: '服务满意度评价', kind: 'post_resolution', scale: 5, validDays: 7,
  questions: [] as unknown[],
};

export async function ensureDefaultSurvey(tx: Tx): Promise<void> {
  const [any] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.kind, 'post_resolution')).limit(1);
  if (!any) await tx.insert(surveys).values(DEFAULT_SURVEY);
}

export interface InviteInput {
  surveyId: string;
  customerId: string;
  ticketId?: string | null;
  agentId?: string | null;
  channel: 'sms' | 'email';
  /** periodic surveys: remind once, halfway through the link's validity, if still unanswered */
  remind?: boolean;
}

export interface InviteOptions {
  timeZone: string;
  now?: Date;
}

const DAY_MS = 86_400_000;
export const reminderKey = (invitationId: string) => `survey:remind:${invitationId}`;

/**
 * Creates the invitation (its link is signed) and a job that sends it after
 * commit — not inside the customer's rest time (NTF-11): then at its end.
 */
export async function invite(tx: Tx, secretKey: object, input: InviteInput, opts: InviteOptions): Promise<{ id: string; hasAddress: boolean }> {
  const now = opts.now ?? new Date();
  const [survey] = await tx.select().from(surveys).where(eq(surveys.id, input.surveyId));
  const [c] = await tx.select({ phone: customers.phone, email: customers.email, cls: customers.customerClass }).from(customers).where(eq(customers.id, input.customerId));
  const id = randomUUID();
  const secret = await surveySecret(tx, secretKey);
  const address = (input.channel === 'sms' ? c?.phone : c?.email) ?? null;
  await tx.insert(surveyInvitations).values({
    id, surveyId: input.surveyId, customerId: input.customerId, ticketId: input.ticketId ?? null, agentId: input.agentId ?? null,
    channel: input.channel, address, tokenHash: hashToken(tokenFor(secret, id)),
    expiresAt: new Date(now.getTime() + survey.validDays * 86_400_000),
    sendError: address ? null : `no ${input.channel} address`,
  });
  if (address) {
    const windows = await quietHoursFor(tx, c?.cls ?? null);
    const at = (t: Date) => nextAllowedTime(windows, opts.timeZone, t);
    await enqueue(tx, SURVEY_SEND_JOB, { invitationId: id, attempt: 0 }, { runAt: at(now) });
    if (input.remind) {
      await enqueue(tx, SURVEY_SEND_JOB, { invitationId: id, attempt: 0, reminder: true },
        { runAt: at(new Date(now.getTime() + (survey.validDays * DAY_MS) / 2)), dedupeKey: reminderKey(id) });
    }
  }
  return { id, hasAddress: !!address };
}

/** A reminder now (or at the end of the customer's rest time), replacing the scheduled one. */
export async function remindNow(tx: Tx, invitationId: string, timeZone: string, now = new Date()): Promise<void> {
  const [row] = await tx.select({ cls: customers.customerClass }).from(surveyInvitations)
    .innerJoin(customers, eq(customers.id, surveyInvitations.customerId)).where(eq(surveyInvitations.id, invitationId));
  await cancelJob(tx, reminderKey(invitationId));
  const windows = await quietHoursFor(tx, row?.cls ?? null);
  await enqueue(tx, SURVEY_SEND_JOB, { invitationId, attempt: 0, reminder: true },
    { runAt: nextAllowedTime(windows, timeZone, now), dedupeKey: reminderKey(invitationId) });
}

/** The post-resolution survey of a resolved work order, to its customer, once (again after one skipped because the work order was reopened). */
export async function inviteAfterResolution(tx: Tx, secretKey: object, ticketId: string, timeZone: string, known?: { customerId: string; assigneeId: string | null }): Promise<string | null> {
  const [t] = known ? [known] : await tx.select({ customerId: tickets.customerId, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, ticketId));
  const [survey] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.kind, 'post_resolution')).orderBy(asc(surveys.createdAt)).limit(1);
  if (!t || !survey) return null;
  const [already] = await tx.select({ id: surveyInvitations.id }).from(surveyInvitations)
    .where(and(eq(surveyInvitations.ticketId, ticketId), eq(surveyInvitations.surveyId, survey.id), notSkipped)).limit(1);
  if (already) return null;
  return (await invite(tx, secretKey, { surveyId: survey.id, customerId: t.customerId, ticketId, agentId: t.assigneeId, channel: 'sms' }, { timeZone })).id;
}

export function surveyText(name: string, link: string, validDays: number, reminder: boolean): string {
  return `${reminder ? '【提醒】' : ''}您好，感谢您联系我们。请花一分钟评价「${name}」：${link} （${validDays}天内有效，仅可提交一次）`;
}

export function registerSurveySending(runner: JobRunner, channels: Channels, db: Db, publicUrl: string): void {
  runner.register(SURVEY_SEND_JOB, async (tx, payload: { invitationId: string; attempt: number; reminder?: boolean }) => {
    const [row] = await tx.select({ i: surveyInvitations, s: surveys }).from(surveyInvitations)
      .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId)).where(eq(surveyInvitations.id, payload.invitationId));
    if (!row || !row.i.address || row.i.answeredAt || row.i.expiresAt.getTime() < Date.now()) return;
    if (sendOutcome(row.i.sendError).skipReason) return;
    if (payload.reminder && row.i.remindedAt) return; // one reminder per invitation
    // a survey about a resolution asks nothing while the work order is being worked on again
    // (e.g. an unsatisfied callback reopened it while the link waited for the end of the rest time)
    if (row.i.ticketId) {
      const [t] = await tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, row.i.ticketId));
      if (t && t.status !== 'resolved' && t.status !== 'closed') {
        await tx.update(surveyInvitations).set({ sendError: skippedAs('ticket_reopened') }).where(eq(surveyInvitations.id, row.i.id));
        await cancelJob(tx, reminderKey(row.i.id));
        return;
      }
    }
    const link = `${publicUrl.replace(/\/$/, '')}/s/${tokenFor(await surveySecret(tx, db), row.i.id)}`;
    const channel = row.i.channel === 'email' ? channels.email : channels.sms;
    const text = surveyText(row.s.name, link, row.s.validDays, !!payload.reminder);
    const result = await channel.send({ to: row.i.address, subject: row.s.name, text, locale: 'zh-CN' });
    if (result.ok) {
      await tx.update(surveyInvitations).set(payload.reminder ? { remindedAt: new Date(), sendError: null } : { sentAt: new Date(), sendError: null })
        .where(eq(surveyInvitations.id, row.i.id));
      return;
    }
    const attempt = payload.attempt + 1;
    await tx.update(surveyInvitations).set({ sendError: truncate(result.error, 500) }).where(eq(surveyInvitations.id, row.i.id));
    if (result.retryable && attempt < MAX_ATTEMPTS) {
      await enqueue(tx, SURVEY_SEND_JOB, { ...payload, attempt }, { runAt: new Date(Date.now() + backoffMs(attempt)) });
    }
  });
}
