import { eq } from 'drizzle-orm';
import type { Change, DomainEvent } from '@kefu/shared/events';
import { ticketSlas } from '../../db/schema/index.ts';
import type { EventHandler } from '../../platform/events/event-consumer.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { factsOf, teamHours } from '../tickets/tickets.queries.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { BREACH_JOB, SLA, WARN_JOB, type Clock } from './sla.commands.ts';

/**
 * SLA clocks follow the work order: a new one gets the clocks of the first
 * matching policy; waiting for the customer pauses them, an answer resumes
 * them, a reply or a resolution meets them.
 */
export const slaHandler: EventHandler = {
  name: 'sla',
  types: ['ticket.created', 'ticket.updated', 'ticket.note_added'],
  async handle(work, events) {
    const tickets = work.part(TICKETS);
    const clocks = work.part(SLA);
    const ids = events.map((e) => e.aggregateId);
    await tickets.load(ids);
    await clocks.load(ids);
    const hours = await teamHours(work);
    for (const e of events) {
      const t = tickets.get(e.aggregateId);
      if (!t) continue;
      if (e.type === 'ticket.created') {
        await clocks.startForNew(t, factsOf(t, [], () => hours(t.teamId)));
        continue;
      }
      await track(work, e as DomainEvent<'ticket.updated' | 'ticket.note_added'>);
    }
  },
};


async function track(work: UnitOfWork, e: DomainEvent<'ticket.updated' | 'ticket.note_added'>): Promise<void> {
  const clocks = work.part(SLA);
  const now = new Date(e.payload.at);
  const id = e.aggregateId;
  if (e.type === 'ticket.note_added') {
    if (e.payload.actorId) clocks.meet(id, ['first_response', 'next_response'], now);
    return;
  }
  const status = (e.payload.changes as Change[]).find((c) => c.field === 'status');
  if (!status) return;
  if (status.to === 'pending') await clocks.pause(id, now);
  if (status.from === 'pending') {
    await clocks.resume(id, now);
    const t = work.part(TICKETS).get(id);
    if (status.to === 'open' && t) await clocks.startNextResponse(t, now);
  }
  if (status.from === 'new') clocks.meet(id, ['first_response'], now);
  if (status.to === 'resolved' || status.to === 'closed') {
    clocks.meet(id, ['first_response', 'next_response', 'resolution'], now);
  } else if (status.to === 'pending' && e.payload.actorId) {
    // answering the customer and waiting for them is a response
    clocks.meet(id, ['next_response'], now);
  }
}

/** The warning (amber) and breach (red) timers of each clock: on the timeline, an event for the rules, a notice to the assignee. */
export function registerSlaTimers(runner: JobRunner): void {
  const timer = (state: 'warned' | 'breached') => async (work: UnitOfWork, payload: { slaId: string }) => {
    const [c] = await work.tx.select().from(ticketSlas).where(eq(ticketSlas.id, payload.slaId)).for('update');
    const now = new Date();
    // a paused, met or moved clock is not due: its job is obsolete
    if (!c || c.state !== 'running') return;
    if (state === 'breached' && c.dueAt.getTime() > now.getTime() + 1000) return;
    if (state === 'warned' && (c.warnedAt || !c.warnAt || c.warnAt.getTime() > now.getTime() + 1000)) return;
    await fire(work, c, state, now);
  };
  runner.registerUnit(WARN_JOB, timer('warned'));
  runner.registerUnit(BREACH_JOB, timer('breached'));
}

async function fire(work: UnitOfWork, c: Clock, state: 'warned' | 'breached', now: Date): Promise<void> {
  const tickets = work.part(TICKETS);
  const clocks = work.part(SLA);
  await tickets.load([c.ticketId]);
  await clocks.load([c.ticketId]);
  const clock = clocks.of(c.ticketId).find((x) => x.id === c.id)!;
  if (state === 'breached') clocks.markBreached(clock, now);
  else clocks.markWarned(clock, now);
  tickets.recordSla(c.ticketId, state === 'breached' ? 'breached' : 'at_risk', { id: c.id, kind: c.kind, dueAt: c.dueAt }, now);
  const t = tickets.get(c.ticketId);
  if (t?.assigneeId) {
    work.part(NOTICES).tell([t.assigneeId], {
      kind: state === 'breached' ? 'sla.breached' : 'sla.warning', ticketId: t.id, urgent: state === 'breached',
      vars: { ticket: { id: t.id, number: t.number, subject: t.subject, type: t.type }, sla: { name: c.policyName }, dueAt: c.dueAt.toISOString(), link: `/tickets/${t.id}` },
    });
  }
}
