import { and, asc, eq, inArray } from 'drizzle-orm';
import { slaTarget, type SlaTarget } from '@kefu/shared/sla';
import { ruleCondition, type RuleCondition } from '@kefu/shared/rules';
import type { Tx } from '../../db/client.ts';
import { slaPolicies, ticketSlas, tickets } from '../../db/schema/index.ts';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween } from '../../platform/time/business-time.ts';
import { cancelJob, enqueue } from '../../platform/jobs/job-queue.ts';
import { allConditionsHold, type RuleContext } from '../routing/rule-conditions.ts';
import { calendarById, calendarFor } from './calendars.repository.ts';

export const WARN_JOB = 'sla.warn';
export const BREACH_JOB = 'sla.breach';

type Clock = typeof ticketSlas.$inferSelect;

async function schedule(tx: Tx, c: Pick<Clock, 'id' | 'dueAt' | 'warnAt' | 'warnedAt'>): Promise<void> {
  if (c.warnAt && !c.warnedAt) await enqueue(tx, WARN_JOB, { slaId: c.id }, { runAt: c.warnAt, dedupeKey: `sla:${c.id}:warn` });
  await enqueue(tx, BREACH_JOB, { slaId: c.id }, { runAt: c.dueAt, dedupeKey: `sla:${c.id}:breach` });
}

async function unschedule(tx: Tx, slaId: string): Promise<void> {
  await cancelJob(tx, `sla:${slaId}:warn`);
  await cancelJob(tx, `sla:${slaId}:breach`);
}

/** Due and amber times of a target started at `from`, on a calendar. */
export function deadlines(spec: Parameters<typeof addBusinessMinutes>[0], from: Date, target: SlaTarget, remaining?: number) {
  const dueAt = remaining !== undefined ? addBusinessMinutes(spec, from, remaining)
    : target.minutes !== undefined ? addBusinessMinutes(spec, from, target.minutes)
      : addBusinessDays(spec, from, target.businessDays!);
  const total = businessMinutesBetween(spec, from, dueAt);
  const warnAt = addBusinessMinutes(spec, from, (total * target.warnAtPercent) / 100);
  return { dueAt, warnAt };
}

// parsed conditions by policy version: parsing them for every new work order costs more than matching
const parsedConditions = new Map<string, RuleCondition[]>();
function conditionsOf(p: typeof slaPolicies.$inferSelect): RuleCondition[] {
  const key = `${p.id}:${p.updatedAt.getTime()}`;
  let c = parsedConditions.get(key);
  if (!c) {
    c = (p.conditions as unknown[]).map((x) => ruleCondition.parse(x));
    if (parsedConditions.size > 500) parsedConditions.clear();
    parsedConditions.set(key, c);
  }
  return c;
}

/**
 * Starts the clocks of the first policy that matches a new work order, from
 * the moment it was created: a busy queue that runs this later must not give
 * the work order extra time.
 */
export async function startClocks(tx: Tx, ticketId: string, ctx: RuleContext, runAt: Date): Promise<Clock[]> {
  const [t] = await tx.select({ teamId: tickets.teamId, createdAt: tickets.createdAt }).from(tickets).where(eq(tickets.id, ticketId));
  if (!t) return [];
  const now = t.createdAt.getTime() < runAt.getTime() ? t.createdAt : runAt;
  const policies = await tx.select().from(slaPolicies).where(eq(slaPolicies.enabled, true)).orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt));
  const policy = policies.find((p) => allConditionsHold(ctx, conditionsOf(p)));
  if (!policy) return [];
  const cal = await calendarFor(tx, policy.calendarId, t.teamId);
  const out: Clock[] = [];
  for (const raw of policy.targets as unknown[]) {
    const target = slaTarget.parse(raw);
    if (target.kind === 'next_response') continue; // starts when the customer answers (startNextResponse)
    const { dueAt, warnAt } = deadlines(cal.spec, now, target);
    const [c] = await tx.insert(ticketSlas).values({
      ticketId, policyId: policy.id, policyName: policy.name, kind: target.kind, calendarId: cal.id || null,
      startedAt: now, dueAt, warnAt, detail: { target },
    }).returning();
    await schedule(tx, c);
    out.push(c);
  }
  return out;
}

/** Waiting for the customer stops the clock; the business time left is kept. */
export async function pauseClocks(tx: Tx, ticketId: string, now: Date): Promise<void> {
  const running = await tx.select().from(ticketSlas).where(and(eq(ticketSlas.ticketId, ticketId), eq(ticketSlas.state, 'running')));
  for (const c of running) {
    const spec = await calendarById(tx, c.calendarId);
    const remaining = c.dueAt > now ? businessMinutesBetween(spec, now, c.dueAt) : 0;
    await tx.update(ticketSlas).set({ state: 'paused', pausedAt: now, remainingMinutes: remaining }).where(eq(ticketSlas.id, c.id));
    await unschedule(tx, c.id);
  }
}

/** The customer answered: paused clocks run on from where they stopped. */
export async function resumeClocks(tx: Tx, ticketId: string, now: Date): Promise<void> {
  const paused = await tx.select().from(ticketSlas).where(and(eq(ticketSlas.ticketId, ticketId), eq(ticketSlas.state, 'paused')));
  for (const c of paused) {
    const spec = await calendarById(tx, c.calendarId);
    // clocks a rule started may have kinds of their own: read the stored target as it is
    const target = (c.detail as { target: SlaTarget }).target;
    const { dueAt, warnAt } = deadlines(spec, now, target, c.remainingMinutes ?? 0);
    // a clock that was already amber stays amber
    const [next] = await tx.update(ticketSlas).set({ state: 'running', dueAt, warnAt: c.warnedAt ? now : warnAt, pausedAt: null, remainingMinutes: null })
      .where(eq(ticketSlas.id, c.id)).returning();
    await schedule(tx, next);
  }
}

/** Marks clocks of these kinds met (a late one stays breached, with the time it was met). */
export async function meetClocks(tx: Tx, ticketId: string, kinds: string[], now: Date): Promise<void> {
  const open = await tx.select().from(ticketSlas).where(and(eq(ticketSlas.ticketId, ticketId), inArray(ticketSlas.kind, kinds),
    inArray(ticketSlas.state, ['running', 'paused', 'breached'])));
  for (const c of open) {
    if (c.metAt) continue;
    await tx.update(ticketSlas).set({ state: c.state === 'breached' ? 'breached' : 'met', metAt: now }).where(eq(ticketSlas.id, c.id));
    await unschedule(tx, c.id);
  }
}

export async function clocksOf(tx: Tx, ticketIds: string[]): Promise<Clock[]> {
  if (!ticketIds.length) return [];
  return tx.select().from(ticketSlas).where(inArray(ticketSlas.ticketId, ticketIds)).orderBy(asc(ticketSlas.dueAt));
}

/** A clock a rule starts by itself (e.g. "call back within 48 h"), outside any policy. */
export async function startClock(tx: Tx, ticketId: string, teamId: string | null, name: string,
  a: { kind: string; minutes?: number; businessDays?: number; calendarId?: string | null }): Promise<Clock> {
  const cal = await calendarFor(tx, a.calendarId ?? null, teamId);
  const target = { kind: a.kind as SlaTarget['kind'], minutes: a.minutes, businessDays: a.businessDays, warnAtPercent: 80 };
  const now = new Date();
  const { dueAt, warnAt } = deadlines(cal.spec, now, target);
  const [c] = await tx.insert(ticketSlas).values({
    ticketId, policyId: null, policyName: name, kind: a.kind, calendarId: cal.id || null, startedAt: now, dueAt, warnAt, detail: { target },
  }).returning();
  await schedule(tx, c);
  return c;
}

/** Stops the running or paused clocks of a kind; returns how many. */
export async function cancelClocks(tx: Tx, ticketId: string, kind: string): Promise<number> {
  const open = await tx.select().from(ticketSlas).where(and(eq(ticketSlas.ticketId, ticketId), eq(ticketSlas.kind, kind),
    inArray(ticketSlas.state, ['running', 'paused'])));
  for (const c of open) {
    await tx.update(ticketSlas).set({ state: 'cancelled' }).where(eq(ticketSlas.id, c.id));
    await unschedule(tx, c.id);
  }
  return open.length;
}

/** The customer answered (waiting → open): the policy's next-response clock starts, if it has one. */
export async function startNextResponse(tx: Tx, ticketId: string, now: Date): Promise<void> {
  const existing = await tx.select().from(ticketSlas).where(eq(ticketSlas.ticketId, ticketId));
  if (existing.some((c) => c.kind === 'next_response' && (c.state === 'running' || c.state === 'paused'))) return;
  const policyId = existing.find((c) => c.policyId)?.policyId;
  if (!policyId) return;
  const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, policyId));
  const raw = (policy?.targets as unknown[] | undefined)?.find((x) => (x as { kind?: string }).kind === 'next_response');
  if (!policy || !raw) return;
  const target = slaTarget.parse(raw);
  const [t] = await tx.select({ teamId: tickets.teamId }).from(tickets).where(eq(tickets.id, ticketId));
  const cal = await calendarFor(tx, policy.calendarId, t?.teamId ?? null);
  const { dueAt, warnAt } = deadlines(cal.spec, now, target);
  const [c] = await tx.insert(ticketSlas).values({
    ticketId, policyId, policyName: policy.name, kind: 'next_response', calendarId: cal.id || null, startedAt: now, dueAt, warnAt, detail: { target },
  }).returning();
  await schedule(tx, c);
}
