import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { slaTarget, type SlaTarget } from '@kefu/shared/sla';
import { ruleCondition, type RuleCondition } from '@kefu/shared/rules';
import { allConditionsHold, type RuleContext } from '@kefu/shared/conditions';
import type { Tx } from '../../db/client.ts';
import { queryRows, pgArray } from '../../db/client.ts';
import { insertRows, updateRows } from '../../db/bulk.ts';
import { dispatchCutoffs, slaPolicies, ticketSlas } from '../../db/schema/index.ts';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween } from '../../platform/time/business-time.ts';
import { calendarBook, ensureDefaultCalendars, type CalendarBook } from '../../platform/time/calendars.ts';
import type { CalendarSpec } from '@kefu/shared/calendar-spec';
import { cancelJobs, enqueueMany, type JobSpec } from '../../platform/jobs/job-queue.ts';
import type { PartKey, UnitOfWork, WorkPart } from '../../platform/events/unit-of-work.ts';
import { TICKETS, type TicketView } from '../tickets/tickets.commands.ts';
import { scheduleCutoff } from './dispatch-cutoff.ts';

// SLA clocks (first response, next response, resolution) of work orders, for
// a whole unit of work: read once per batch of work orders, changed in memory,
// written in one insert and one update; their warning and breach timers are
// durable jobs, added and cancelled in one statement each.

export const WARN_JOB = 'sla.warn';
export const BREACH_JOB = 'sla.breach';

export type Clock = typeof ticketSlas.$inferSelect;

/** Due and amber times of a target started at `from`, on a calendar. */
export function deadlines(spec: CalendarSpec, from: Date, target: SlaTarget, remaining?: number) {
  const dueAt = remaining !== undefined ? addBusinessMinutes(spec, from, remaining)
    : target.minutes !== undefined ? addBusinessMinutes(spec, from, target.minutes)
      : addBusinessDays(spec, from, target.businessDays!);
  const total = businessMinutesBetween(spec, from, dueAt);
  const warnAt = addBusinessMinutes(spec, from, (total * target.warnAtPercent) / 100);
  return { dueAt, warnAt };
}

interface Policy {
  id: string;
  name: string;
  calendarId: string | null;
  conditions: RuleCondition[];
  targets: SlaTarget[];
}

const POLICY_CACHE_MS = 5_000;
let policyGeneration = 0;
const policyCache = new WeakMap<object, { at: number; generation: number; list: Policy[] }>();

/** Forget the cached policies (after one was saved). */
export function invalidateSlaPolicies(): void {
  policyGeneration++;
}

/** Enabled policies in order, parsed once per change (parsing them for every work order costs more than matching). */
async function enabledPolicies(tx: Tx, cacheKey: object): Promise<Policy[]> {
  const hit = policyCache.get(cacheKey);
  if (hit && hit.generation === policyGeneration && Date.now() - hit.at < POLICY_CACHE_MS) return hit.list;
  const seen = policyGeneration;
  const rows = await tx.select().from(slaPolicies).where(eq(slaPolicies.enabled, true)).orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt));
  const list = rows.map((p) => ({
    id: p.id, name: p.name, calendarId: p.calendarId,
    conditions: (p.conditions as unknown[]).map((x) => ruleCondition.parse(x)),
    targets: (p.targets as unknown[]).map((x) => slaTarget.parse(x)),
  }));
  policyCache.set(cacheKey, { at: Date.now(), generation: seen, list });
  return list;
}

interface Entry { clock: Clock; dirty: boolean; isNew: boolean }

const RUNNING = new Set(['running', 'paused']);

export class SlaClocks implements WorkPart {
  private clocks = new Map<string, Entry>();
  private byTicket = new Map<string, string[]>();
  private loaded = new Set<string>();
  private schedule = new Map<string, JobSpec>();
  private unschedule = new Set<string>();
  private book: CalendarBook | null = null;

  constructor(private work: UnitOfWork) {
    // new sub-tasks are written before their clocks
    work.part(TICKETS);
  }

  /** Reads the clocks of these work orders that were not read yet in this unit (one query). */
  async load(ticketIds: string[]): Promise<void> {
    const missing = [...new Set(ticketIds)].filter((id) => !this.loaded.has(id));
    if (!missing.length) return;
    const rows = await queryRows<Record<string, unknown>>(this.work.tx, sql`select * from ticket_slas where ticket_id = any(${pgArray(missing)}::uuid[])`);
    for (const id of missing) this.loaded.add(id);
    for (const r of rows) this.add(fromRow(r), false);
  }

  /** The clocks of a loaded work order, soonest first. */
  of(ticketId: string): readonly Clock[] {
    return (this.byTicket.get(ticketId) ?? []).map((id) => this.clocks.get(id)!.clock).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  private async calendars(): Promise<CalendarBook> {
    this.book ??= await calendarBook(this.work.tx, this.work.db);
    return this.book;
  }

  private async teamCalendarId(teamId: string | null): Promise<string | null> {
    if (!teamId) return null;
    return (await this.work.part(TICKETS).directory()).teams.get(teamId)?.calendarId ?? null;
  }

  /**
   * Starts the clocks of the first policy that matches a new work order,
   * counted from its creation: a busy queue that gets to it later must not
   * give it extra time.
   */
  async startForNew(t: TicketView, facts: RuleContext): Promise<Clock[]> {
    const policy = (await enabledPolicies(this.work.tx, this.work.db)).find((p) => allConditionsHold(facts, p.conditions));
    if (!policy) return [];
    const cal = (await this.calendars()).pick(policy.calendarId, await this.teamCalendarId(t.teamId));
    const out: Clock[] = [];
    for (const target of policy.targets) {
      if (target.kind === 'next_response') continue; // starts when the customer answers (startNextResponse)
      out.push(this.create(t, policy.id, policy.name, cal.id, cal.spec, target, t.createdAt));
    }
    return out;
  }

  /** A clock a rule starts by itself (e.g. "call back within 48 h"), outside any policy. */
  async startByRule(t: TicketView, name: string, a: { kind: string; minutes?: number; businessDays?: number; calendarId?: string | null }): Promise<Clock> {
    const cal = (await this.calendars()).pick(a.calendarId ?? null, await this.teamCalendarId(t.teamId));
    const target = { kind: a.kind as SlaTarget['kind'], minutes: a.minutes, businessDays: a.businessDays, warnAtPercent: 80 };
    return this.create(t, null, name, cal.id, cal.spec, target, this.work.now);
  }

  private create(t: TicketView, policyId: string | null, name: string, calendarId: string, spec: CalendarSpec, target: SlaTarget, from: Date): Clock {
    const { dueAt, warnAt } = deadlines(spec, from, target);
    const clock: Clock = {
      id: randomUUID(), ticketId: t.id, policyId, policyName: name, kind: target.kind, calendarId: calendarId || null, state: 'running',
      startedAt: from, dueAt, warnAt, remainingMinutes: null, pausedAt: null, warnedAt: null, metAt: null, breachedAt: null, detail: { target },
    };
    this.loaded.add(t.id);
    this.add(clock, true);
    this.timers(clock);
    // lists show the resolution deadline on the work order itself
    if (target.kind === 'resolution') this.work.part(TICKETS).setDueAt(t.id, dueAt);
    return clock;
  }

  /** Waiting for the customer stops the clocks; the business time left is kept. */
  async pause(ticketId: string, now: Date): Promise<void> {
    const book = await this.calendars();
    for (const c of this.of(ticketId).filter((x) => x.state === 'running')) {
      const spec = book.pick(c.calendarId).spec;
      const remaining = c.dueAt > now ? businessMinutesBetween(spec, now, c.dueAt) : 0;
      this.patch(c, { state: 'paused', pausedAt: now, remainingMinutes: remaining });
      this.cancelTimers(c.id);
    }
  }

  /** The customer answered: paused clocks run on from where they stopped (an amber one stays amber). */
  async resume(ticketId: string, now: Date): Promise<void> {
    const book = await this.calendars();
    for (const c of this.of(ticketId).filter((x) => x.state === 'paused')) {
      const target = (c.detail as { target: SlaTarget }).target;
      const { dueAt, warnAt } = deadlines(book.pick(c.calendarId).spec, now, target, c.remainingMinutes ?? 0);
      const next = this.patch(c, { state: 'running', dueAt, warnAt: c.warnedAt ? now : warnAt, pausedAt: null, remainingMinutes: null });
      this.timers(next);
      if (c.kind === 'resolution') this.work.part(TICKETS).setDueAt(ticketId, dueAt);
    }
  }

  /** Marks clocks of these kinds met (a late one stays breached, with the time it was met). */
  meet(ticketId: string, kinds: string[], now: Date): void {
    for (const c of this.of(ticketId)) {
      if (!kinds.includes(c.kind) || c.metAt || !['running', 'paused', 'breached'].includes(c.state)) continue;
      this.patch(c, { state: c.state === 'breached' ? 'breached' : 'met', metAt: now });
      this.cancelTimers(c.id);
    }
  }

  /** Stops the running or paused clocks of a kind; returns how many. */
  cancel(ticketId: string, kind: string): number {
    let n = 0;
    for (const c of this.of(ticketId)) {
      if (c.kind !== kind || !RUNNING.has(c.state)) continue;
      this.patch(c, { state: 'cancelled' });
      this.cancelTimers(c.id);
      n++;
    }
    return n;
  }

  /** The customer answered (waiting → open): the policy's next-response clock starts, if it has one. */
  async startNextResponse(t: TicketView, now: Date): Promise<void> {
    const existing = this.of(t.id);
    if (existing.some((c) => c.kind === 'next_response' && RUNNING.has(c.state))) return;
    const policyId = existing.find((c) => c.policyId)?.policyId;
    if (!policyId) return;
    const [row] = await this.work.tx.select().from(slaPolicies).where(eq(slaPolicies.id, policyId));
    const raw = (row?.targets as unknown[] | undefined)?.find((x) => (x as { kind?: string }).kind === 'next_response');
    if (!row || !raw) return;
    const cal = (await this.calendars()).pick(row.calendarId, await this.teamCalendarId(t.teamId));
    this.create(t, policyId, row.name, cal.id, cal.spec, slaTarget.parse(raw), now);
  }

  /** A timer fired: the clock turns amber (warned) or red (breached), if it is still due. */
  markWarned(c: Clock, now: Date): void {
    this.patch(c, { warnedAt: now });
  }

  markBreached(c: Clock, now: Date): void {
    this.patch(c, { state: 'breached', breachedAt: now });
  }

  private add(clock: Clock, isNew: boolean): void {
    if (this.clocks.has(clock.id)) return;
    this.clocks.set(clock.id, { clock, dirty: false, isNew });
    this.byTicket.set(clock.ticketId, [...(this.byTicket.get(clock.ticketId) ?? []), clock.id]);
  }

  private patch(c: Clock, patch: Partial<Clock>): Clock {
    const e = this.clocks.get(c.id)!;
    Object.assign(e.clock, patch);
    e.dirty = true;
    return e.clock;
  }

  private timers(c: Clock): void {
    if (c.warnAt && !c.warnedAt) this.schedule.set(`sla:${c.id}:warn`, { kind: WARN_JOB, payload: { slaId: c.id }, runAt: c.warnAt, dedupeKey: `sla:${c.id}:warn` });
    this.schedule.set(`sla:${c.id}:breach`, { kind: BREACH_JOB, payload: { slaId: c.id }, runAt: c.dueAt, dedupeKey: `sla:${c.id}:breach` });
  }

  private cancelTimers(id: string): void {
    for (const key of [`sla:${id}:warn`, `sla:${id}:breach`]) {
      this.schedule.delete(key);
      this.unschedule.add(key);
    }
  }

  async flush(): Promise<void> {
    const tx = this.work.tx;
    const all = [...this.clocks.values()];
    const columns = {
      id: 'uuid', ticket_id: 'uuid', policy_id: 'uuid', policy_name: 'text', kind: 'text', calendar_id: 'uuid', state: 'text',
      started_at: 'timestamptz', due_at: 'timestamptz', warn_at: 'timestamptz', remaining_minutes: 'real', paused_at: 'timestamptz',
      warned_at: 'timestamptz', met_at: 'timestamptz', breached_at: 'timestamptz', detail: 'jsonb',
    };
    await insertRows(tx, 'ticket_slas', columns, all.filter((e) => e.isNew).map((e) => toRow(e.clock)));
    await updateRows(tx, 'ticket_slas', 'id', columns, all.filter((e) => e.dirty && !e.isNew).map((e) => toRow(e.clock)));
    // cancel first: a key cancelled and scheduled again in this unit gets its new job
    await cancelJobs(tx, [...this.unschedule]);
    await enqueueMany(tx, [...this.schedule.values()]);
    for (const e of all) {
      e.dirty = false;
      e.isNew = false;
    }
    this.schedule.clear();
    this.unschedule.clear();
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toRow(c: Clock): Record<string, unknown> {
  return {
    id: c.id, ticket_id: c.ticketId, policy_id: c.policyId, policy_name: c.policyName, kind: c.kind, calendar_id: c.calendarId, state: c.state,
    started_at: iso(c.startedAt), due_at: iso(c.dueAt), warn_at: iso(c.warnAt), remaining_minutes: c.remainingMinutes, paused_at: iso(c.pausedAt),
    warned_at: iso(c.warnedAt), met_at: iso(c.metAt), breached_at: iso(c.breachedAt), detail: c.detail,
  };
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function fromRow(r: Record<string, unknown>): Clock {
  return {
    id: r.id as string, ticketId: r.ticket_id as string, policyId: (r.policy_id as string) ?? null, policyName: r.policy_name as string,
    kind: r.kind as string, calendarId: (r.calendar_id as string) ?? null, state: r.state as string, startedAt: date(r.started_at)!,
    dueAt: date(r.due_at)!, warnAt: date(r.warn_at), remainingMinutes: r.remaining_minutes === null ? null : Number(r.remaining_minutes),
    pausedAt: date(r.paused_at), warnedAt: date(r.warned_at), metAt: date(r.met_at), breachedAt: date(r.breached_at), detail: r.detail,
  };
}

/** The SLA part of a unit of work. */
export const SLA: PartKey<SlaClocks> = { name: 'sla', create: (work) => new SlaClocks(work) };

/** An industry template's SLA policies and daily cut-offs. */
export interface TemplateSla {
  /** calendar: 'default' (office hours with holidays) or 'always_open' (7x24) */
  policies: { name: string; enabled: boolean; conditions: RuleCondition[]; targets: SlaTarget[]; calendar: 'default' | 'always_open' }[];
  cutoffs: { name: string; ticketType: string; at: string; alert: unknown[] }[];
}

/** Replaces what an earlier load of the same template installed (policies and cut-offs of other origins stay). */
export async function installTemplateSla(tx: Tx, cacheKey: object, key: string, sla: TemplateSla): Promise<void> {
  await ensureDefaultCalendars(tx);
  const alwaysOpen = await queryRows<{ id: string }>(tx, sql`
    select id from business_calendars where (spec->>'alwaysOpen')::boolean is true order by created_at limit 1`);
  await tx.delete(slaPolicies).where(eq(slaPolicies.template, key));
  let position = 10;
  for (const p of sla.policies) {
    await tx.insert(slaPolicies).values({
      name: p.name, enabled: p.enabled, position, conditions: p.conditions, targets: p.targets,
      calendarId: p.calendar === 'always_open' ? alwaysOpen[0]?.id ?? null : null, template: key,
    });
    position += 10;
  }
  await tx.delete(dispatchCutoffs).where(eq(dispatchCutoffs.template, key));
  for (const c of sla.cutoffs) {
    const [row] = await tx.insert(dispatchCutoffs).values({ name: c.name, ticketType: c.ticketType, at: c.at, alert: c.alert, template: key }).returning();
    await scheduleCutoff(tx, cacheKey, row);
  }
  invalidateSlaPolicies();
}
