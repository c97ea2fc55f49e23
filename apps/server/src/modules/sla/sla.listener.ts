import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ticketSlas, tickets } from '../../db/schema/index.ts';
import type { DomainEvent, OutboxDispatcher } from '../../platform/events/outbox-dispatcher.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import { recordTicketChange } from '../tickets/record-ticket-change.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { ruleContext } from '../routing/routing.listener.ts';
import { isTeamWorkingNow } from '../routing/business-hours.ts';
import { BREACH_JOB, WARN_JOB, meetClocks, pauseClocks, resumeClocks, startClocks, startNextResponse } from './sla-clocks.ts';

const START_JOB = 'sla.start';
const TRACK_JOB = 'sla.track';

interface StatusChange { field: string; from: unknown; to: unknown }

/** SLA clocks follow the work order: start, pause while waiting, meet, warn and breach. */
export function registerSla(dispatcher: OutboxDispatcher, deps: { runner: JobRunner; hub: RealtimeHub }): void {
  dispatcher.subscribe('ticket.created', START_JOB);
  dispatcher.subscribe('ticket.updated', TRACK_JOB);
  dispatcher.subscribe('ticket.note_added', TRACK_JOB);
  const notifyDeps = { afterCommit: deps.runner.afterCommit, hub: deps.hub };

  deps.runner.register(START_JOB, async (tx, event: DomainEvent) => {
    const ctx = await ruleContext(tx, event.aggregateId, [], { isBusinessHours: isTeamWorkingNow });
    if (ctx) await startClocks(tx, event.aggregateId, ctx, new Date());
  });

  deps.runner.register(TRACK_JOB, async (tx, event: DomainEvent) => {
    const now = new Date();
    const p = event.payload as { actorId?: string | null; changes?: StatusChange[] };
    if (event.type === 'ticket.note_added') {
      if (p.actorId) await meetClocks(tx, event.aggregateId, ['first_response', 'next_response'], now);
      return;
    }
    const status = (p.changes ?? []).find((c) => c.field === 'status');
    if (!status) return;
    if (status.to === 'pending') await pauseClocks(tx, event.aggregateId, now);
    if (status.from === 'pending') {
      await resumeClocks(tx, event.aggregateId, now);
      if (status.to === 'open') await startNextResponse(tx, event.aggregateId, now);
    }
    if (status.from === 'new') await meetClocks(tx, event.aggregateId, ['first_response'], now);
    if (status.to === 'resolved' || status.to === 'closed') {
      await meetClocks(tx, event.aggregateId, ['first_response', 'next_response', 'resolution'], now);
    } else if (status.to === 'pending' && p.actorId) {
      // answering the customer and waiting for them is a response
      await meetClocks(tx, event.aggregateId, ['next_response'], now);
    }
  });

  const timer = (state: 'warned' | 'breached') => async (tx: Tx, payload: { slaId: string }) => {
    const [c] = await tx.select().from(ticketSlas).where(eq(ticketSlas.id, payload.slaId)).for('update');
    const now = new Date();
    // a paused, met or moved clock is not due: its job is obsolete
    if (!c || c.state !== 'running') return;
    if (state === 'breached' && c.dueAt.getTime() > now.getTime() + 1000) return;
    if (state === 'warned' && (c.warnedAt || !c.warnAt || c.warnAt.getTime() > now.getTime() + 1000)) return;
    await tx.update(ticketSlas).set(state === 'breached' ? { state: 'breached', breachedAt: now } : { warnedAt: now })
      .where(eq(ticketSlas.id, c.id));
    await recordTicketChange(tx, c.ticketId, {
      actorId: null, action: state === 'breached' ? 'sla_breached' : 'sla_warning',
      changes: [{ field: `sla.${c.kind}`, from: 'running', to: state === 'breached' ? 'breached' : 'at_risk' }],
      eventType: state === 'breached' ? 'sla.breached' : 'sla.due',
      extra: { sla: { id: c.id, kind: c.kind, dueAt: c.dueAt.toISOString() } },
    });
    const [t] = await tx.select().from(tickets).where(eq(tickets.id, c.ticketId));
    if (t?.assigneeId) {
      await notifyUsers(tx, [t.assigneeId], {
        kind: state === 'breached' ? 'sla.breached' : 'sla.warning', ticketId: t.id, urgent: state === 'breached',
        vars: { ticket: { id: t.id, number: t.number, subject: t.subject, type: t.type }, sla: { name: c.policyName }, dueAt: c.dueAt.toISOString(), link: `/tickets/${t.id}` },
      }, notifyDeps);
    }
  };
  deps.runner.register(WARN_JOB, timer('warned'));
  deps.runner.register(BREACH_JOB, timer('breached'));
}
