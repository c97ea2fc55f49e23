import type { RuleTrigger } from '@kefu/shared/rules';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { tickets } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { evaluateRules } from './evaluate-rules.ts';
import { activeUsers, resolveAll } from './recipients.ts';
import { enabledRules } from './rules.repository.ts';
import type { RoutingDeps } from './routing.listener.ts';
import { ruleContext } from './routing.listener.ts';

const EVENT_OF: Record<RuleTrigger, string> = {
  'ticket.created': 'ticket.created',
  'ticket.updated': 'ticket.updated',
  'ticket.field_changed': 'ticket.updated',
  'ticket.status_reached': 'ticket.updated',
  'sla.due': 'sla.due',
  'sla.breached': 'sla.breached',
  'callback.overdue': 'callback.overdue',
};

/**
 * "Test against work order X": which rules would fire for this trigger and
 * what each action would do, with the people it would reach — nothing is changed.
 */
export async function previewRules(db: Db, ticketId: string, trigger: RuleTrigger, changed: string[], deps: Pick<RoutingDeps, 'isBusinessHours'>) {
  const ctx = await ruleContext(db, ticketId, changed, deps);
  if (!ctx) throw notFound('ticket');
  const [t] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  const facts = { id: t.id, assigneeId: t.assigneeId, fields: t.fields as Record<string, unknown> };
  const verdicts = evaluateRules(await enabledRules(db, db), { type: EVENT_OF[trigger], changed, causedByRuleIds: [], depth: 0 }, ctx)
    .filter((v) => v.rule.trigger === trigger);
  const out = [];
  for (const v of verdicts) {
    const actions = [];
    for (const a of v.rule.actions) {
      const who = a.type === 'assign' ? [a.to] : a.type === 'notify' || a.type === 'add_watchers' ? a.recipients
        : a.type === 'create_subtask' ? a.assignees : a.type === 'hide_from' ? [a.who] : a.type === 'escalate' ? a.chain : [];
      const people = await activeUsers(db, await resolveAll(db, who, facts));
      actions.push({ action: a, people: people.map((p) => p.name) });
    }
    out.push({ ruleId: v.rule.id, ruleName: v.rule.name, outcome: v.outcome, actions });
  }
  return { context: ctx, rules: out };
}
