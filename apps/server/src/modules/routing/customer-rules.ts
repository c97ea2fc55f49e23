import type { EventPayload } from '@kefu/shared/events';
import type { RuleContext } from '@kefu/shared/conditions';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { Rule } from './rules.repository.ts';

export interface CustomerRuleEvent { id: number | null; type: 'customer.first_contact_overdue'; payload: EventPayload<'customer.first_contact_overdue'> }
export type CustomerRunLog = (ruleId: string, ruleName: string, customerId: string, eventId: number | null, outcome: string, detail: object) => void;

/**
 * Rules on customer events (a first contact overdue, CUS-04): the conditions
 * look at the customer's kind and class, and the notify actions reach
 * people, positions, teams or the owner ("assignee"). There is no work order
 * to change, so notices are all they do.
 */
export async function applyCustomerRules(work: UnitOfWork, rules: Rule[], events: CustomerRuleEvent[], log: CustomerRunLog): Promise<void> {
  const dir = await orgDirectory(work.tx, work.db);
  const notices = work.part(NOTICES);
  for (const e of events) {
    const p = e.payload;
    const ctx: RuleContext = {
      type: '', priority: '', channel: '', status: '', teamId: null, assigneeId: p.ownerId,
      customerClass: p.customerClass, customerTier: p.tier, fields: {}, changed: [], businessHours: true,
    };
    const facts = { id: p.customerId, assigneeId: p.ownerId, fields: {}, watchers: () => [] };
    for (const v of evaluateRules(rules, { type: e.type, changed: [], causedByRuleIds: [], depth: 0 }, ctx)) {
      if (v.outcome !== 'fired') continue;
      const told: string[] = [];
      for (const a of v.rule.actions) {
        if (a.type !== 'notify') continue;
        const ids = dir.resolveAll(a.recipients, facts);
        notices.tell(ids, {
          kind: 'customer.first_contact_overdue', ticketId: null, link: `/customers/${p.customerId}`, urgent: a.urgent,
          vars: { customer: { name: p.customerName, tier: p.tier ?? '—' }, owner: { name: dir.users.get(p.ownerId)?.displayName ?? '—' },
            rule: { name: v.rule.name }, dueAt: p.dueAt, link: `/customers/${p.customerId}` },
        });
        told.push(...ids);
      }
      log(v.rule.id, v.rule.name, p.customerId, e.id, 'fired', { actions: [{ type: 'notify', summary: `${told.length} people notified`, userIds: told }] });
    }
  }
}
