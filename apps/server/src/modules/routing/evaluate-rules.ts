import type { RuleTrigger } from '@kefu/shared/rules';
import type { Rule } from './rules.repository.ts';
import { allConditionsHold, type RuleContext } from '@kefu/shared/conditions';

export interface RuleEvent {
  /** ticket.created, ticket.updated, sla.due, sla.breached */
  type: string;
  changed: string[];
  /** rules whose actions led to this event */
  causedByRuleIds: string[];
  depth: number;
}

export const MAX_RULE_DEPTH = 5;

/** The rule triggers an event answers to. */
export function triggersOf(e: RuleEvent): RuleTrigger[] {
  switch (e.type) {
    case 'ticket.created':
      return ['ticket.created'];
    case 'ticket.updated': {
      const out: RuleTrigger[] = ['ticket.updated'];
      if (e.changed.some((c) => c.startsWith('fields.'))) out.push('ticket.field_changed');
      if (e.changed.includes('status')) out.push('ticket.status_reached');
      return out;
    }
    case 'sla.due':
      return ['sla.due'];
    case 'sla.breached':
      return ['sla.breached'];
    case 'callback.overdue':
      return ['callback.overdue'];
    case 'customer.first_contact_overdue':
      return ['customer.first_contact_overdue'];
    default:
      return [];
  }
}

export type Verdict =
  | { rule: Rule; outcome: 'fired' }
  | { rule: Rule; outcome: 'loop_prevented'; reason: string };

/**
 * Which rules fire for an event, in order. A rule never fires again on a
 * change it caused itself (directly or through other rules), and chains of
 * rule-caused changes stop at MAX_RULE_DEPTH: both are reported, not silent.
 */
export function evaluateRules(all: Rule[], e: RuleEvent, ctx: RuleContext): Verdict[] {
  const triggers = new Set(triggersOf(e));
  const out: Verdict[] = [];
  for (const rule of all) {
    if (!rule.enabled || !triggers.has(rule.trigger)) continue;
    if (!allConditionsHold(ctx, rule.conditions)) continue;
    if (e.causedByRuleIds.includes(rule.id)) {
      out.push({ rule, outcome: 'loop_prevented', reason: 'the event was caused by this rule\'s own action' });
      continue;
    }
    if (e.depth >= MAX_RULE_DEPTH) {
      out.push({ rule, outcome: 'loop_prevented', reason: `rule chain deeper than ${MAX_RULE_DEPTH}` });
      continue;
    }
    out.push({ rule, outcome: 'fired' });
    if (rule.stopProcessing) break;
  }
  return out;
}
