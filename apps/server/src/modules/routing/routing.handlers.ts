import type { Change, CausedBy } from '@kefu/shared/events';
import type { EventHandler } from '../../platform/events/event-consumer.ts';
import type { PartKey, UnitOfWork, WorkPart } from '../../platform/events/unit-of-work.ts';
import { insertRows } from '../../db/bulk.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { factsOf, teamHours } from '../tickets/tickets.queries.ts';
import { applyRuleActions } from './apply-rule-actions.ts';
import { evaluateRules, type RuleEvent } from './evaluate-rules.ts';
import { recipientsOf } from '@kefu/shared/rules';
import { AssigneePicker } from './recipients.ts';
import { enabledRules } from './rules.repository.ts';
import { applyCustomerRules, type CustomerRuleEvent } from './customer-rules.ts';

/** The rule log of a unit: every rule that fired or was held back, written in one insert. */
class RuleRuns implements WorkPart {
  rows: Record<string, unknown>[] = [];
  constructor(private work: UnitOfWork) {}
  add(ruleId: string, ruleName: string, ticketId: string, eventId: number, outcome: string, detail: object): void {
    this.rows.push({ rule_id: ruleId, rule_name: ruleName, ticket_id: ticketId, customer_id: null, event_id: eventId, outcome, detail, at: this.work.now.toISOString() });
  }
  /** a rule on a customer event: no work order */
  addForCustomer(ruleId: string, ruleName: string, customerId: string, eventId: number | null, outcome: string, detail: object): void {
    this.rows.push({ rule_id: ruleId, rule_name: ruleName, ticket_id: null, customer_id: customerId, event_id: eventId, outcome, detail, at: this.work.now.toISOString() });
  }
  async flush(): Promise<void> {
    await insertRows(this.work.tx, 'rule_runs', {
      rule_id: 'uuid', rule_name: 'text', ticket_id: 'uuid', customer_id: 'uuid', event_id: 'bigint', outcome: 'text', detail: 'jsonb', at: 'timestamptz',
    }, this.rows);
    this.rows = [];
  }
}
const RULE_RUNS: PartKey<RuleRuns> = { name: 'rule_runs', create: (work) => new RuleRuns(work) };

export interface RoutingLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Routing and escalation rules answer work-order events: for a batch, the
 * work orders are read once (and held until commit), the rules come from the
 * cache, the conditions are checked in memory and the actions go through the
 * tickets, SLA and notifications commands of the unit.
 */
export function routingHandler(log: RoutingLogger): EventHandler {
  return {
    name: 'routing',
    types: ['ticket.created', 'ticket.updated', 'sla.due', 'sla.breached', 'callback.overdue', 'customer.first_contact_overdue'],
    async handle(work, all) {
      const rules = await enabledRules(work.tx, work.db);
      if (!rules.length) return;
      const runs = work.part(RULE_RUNS);
      const aboutCustomers = all.filter((e) => e.type === 'customer.first_contact_overdue') as unknown as CustomerRuleEvent[];
      if (aboutCustomers.length) await applyCustomerRules(work, rules, aboutCustomers, runs.addForCustomer.bind(runs));
      const events = all.filter((e) => e.type !== 'customer.first_contact_overdue');
      if (!events.length) return;
      const tickets = work.part(TICKETS);
      const ids = events.map((e) => e.aggregateId);
      await tickets.load(ids);
      const hours = await teamHours(work);
      const picker = new AssigneePicker(work.tx);
      let watchers: Map<string, string[]> | null = null;
      const watchersOf = (id: string) => watchers?.get(id) ?? [];
      if (rules.some((r) => r.actions.some((a) => recipientsOf(a).some((x) => x.kind === 'watchers')))) watchers = await tickets.watchersOf(ids);
      for (const event of events) {
        const t = tickets.get(event.aggregateId);
        if (!t) continue;
        const payload = event.payload as { changes: Change[]; causedBy: CausedBy | null; sla?: { kind: string } };
        const changed = payload.changes.map((c) => c.field);
        const causedBy = payload.causedBy ?? { ruleIds: [], depth: 0 };
        const facts = factsOf(t, changed, () => hours(t.teamId));
        facts.slaKind = payload.sla?.kind;
        const e: RuleEvent = { type: event.type, changed, causedByRuleIds: causedBy.ruleIds, depth: causedBy.depth };
        for (const v of evaluateRules(rules, e, facts)) {
          if (v.outcome === 'loop_prevented') {
            log.warn({ rule: v.rule.name, ticket: t.id, reason: v.reason }, 'rule not applied: loop prevented');
            runs.add(v.rule.id, v.rule.name, t.id, event.id, 'loop_prevented', { reason: v.reason });
            continue;
          }
          const actions = await applyRuleActions(work, t.id, v.rule, causedBy, { picker, watchers: watchersOf });
          runs.add(v.rule.id, v.rule.name, t.id, event.id, 'fired', { actions });
        }
      }
    },
  };
}


