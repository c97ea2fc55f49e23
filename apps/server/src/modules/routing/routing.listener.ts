import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { customers, ruleRuns, tickets } from '../../db/schema/index.ts';
import type { DomainEvent, OutboxDispatcher } from '../../platform/events/outbox-dispatcher.ts';
import type { JobRunner, RunnerLogger } from '../../platform/jobs/job-runner.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import type { CausedBy } from '../tickets/record-ticket-change.ts';
import { applyRuleActions } from './apply-rule-actions.ts';
import { evaluateRules, type RuleEvent } from './evaluate-rules.ts';
import { enabledRules } from './rules.repository.ts';
import type { RuleContext } from './rule-conditions.ts';

export const EVALUATE_JOB = 'routing.evaluate';

export interface RoutingDeps {
  db: Db;
  runner: JobRunner;
  hub: RealtimeHub;
  timeZone: string;
  log: RunnerLogger;
  /** whether a team is inside its working hours now (business calendars) */
  isBusinessHours: (tx: Tx, teamId: string | null, at: Date) => Promise<boolean>;
}

/** Whether any of these conditions asks about business hours (the one fact that costs queries to know). */
export function asksBusinessHours(conditionLists: { field: string }[][]): boolean {
  return conditionLists.some((list) => list.some((c) => c.field === 'businessHours'));
}

/**
 * The facts rule conditions look at, as the work order is now. Business hours
 * are looked up only when some condition asks (`needBusinessHours`), else false.
 */
export async function ruleContext(tx: Tx, ticketId: string, changed: string[], deps: Pick<RoutingDeps, 'isBusinessHours'>,
  needBusinessHours = true): Promise<RuleContext | null> {
  const [row] = await tx.select({ t: tickets, customerClass: customers.customerClass }).from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId)).where(eq(tickets.id, ticketId));
  if (!row) return null;
  const t = row.t;
  return {
    type: t.type, priority: t.priority, channel: t.channel, status: t.status, teamId: t.teamId, assigneeId: t.assigneeId,
    customerClass: row.customerClass, fields: t.fields as Record<string, unknown>, changed,
    businessHours: needBusinessHours ? await deps.isBusinessHours(tx, t.teamId, new Date()) : false,
  };
}

export function registerRouting(dispatcher: OutboxDispatcher, deps: RoutingDeps): void {
  for (const type of ['ticket.created', 'ticket.updated', 'sla.due', 'sla.breached', 'callback.overdue']) dispatcher.subscribe(type, EVALUATE_JOB);
  const evaluate = async (tx: Tx, event: DomainEvent) => {
    const payload = event.payload as { changes?: { field: string }[]; causedBy?: CausedBy | null; sla?: { kind: string } };
    const changed = (payload.changes ?? []).map((c) => c.field);
    const causedBy = payload.causedBy ?? { ruleIds: [], depth: 0 };
    const rules = await enabledRules(tx, deps.db);
    const ctx = await ruleContext(tx, event.aggregateId, changed, deps, asksBusinessHours(rules.map((r) => r.conditions)));
    if (!ctx) return;
    ctx.slaKind = payload.sla?.kind;
    const e: RuleEvent = { type: event.type, changed, causedByRuleIds: causedBy.ruleIds, depth: causedBy.depth };
    const verdicts = evaluateRules(rules, e, ctx);
    for (const v of verdicts) {
      if (v.outcome === 'loop_prevented') {
        deps.log.warn({ rule: v.rule.name, ticket: event.aggregateId, reason: v.reason }, 'rule not applied: loop prevented');
        await tx.insert(ruleRuns).values({
          ruleId: v.rule.id, ruleName: v.rule.name, ticketId: event.aggregateId, eventId: event.id, outcome: 'loop_prevented', detail: { reason: v.reason },
        });
        continue;
      }
      const actions = await applyRuleActions(tx, event.aggregateId, v.rule, causedBy, {
        afterCommit: deps.runner.afterCommit, hub: deps.hub, timeZone: deps.timeZone,
      });
      await tx.insert(ruleRuns).values({
        ruleId: v.rule.id, ruleName: v.rule.name, ticketId: event.aggregateId, eventId: event.id, outcome: 'fired', detail: { actions },
      });
    }
  };
  deps.runner.register(EVALUATE_JOB, evaluate);
  // a new work order is routed in the transaction that saves it: whoever it
  // concerns is told the moment it exists, however long the job queue is
  // (later changes and timers go through the queue)
  dispatcher.subscribeInline('ticket.created', EVALUATE_JOB, evaluate);
}
