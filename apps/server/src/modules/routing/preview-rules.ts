import type { RuleTrigger } from '@kefu/shared/rules';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { factsOf, isVisibleTo, teamHours } from '../tickets/tickets.queries.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { evaluateRules } from './evaluate-rules.ts';
import { recipientsOf } from '@kefu/shared/rules';
import { enabledRules } from './rules.repository.ts';

const EVENT_OF: Record<RuleTrigger, string> = {
  'ticket.created': 'ticket.created',
  'ticket.updated': 'ticket.updated',
  'ticket.field_changed': 'ticket.updated',
  'ticket.status_reached': 'ticket.updated',
  'sla.due': 'sla.due',
  'sla.breached': 'sla.breached',
  'callback.overdue': 'callback.overdue',
  // tried against the work order's customer
  'customer.first_contact_overdue': 'customer.first_contact_overdue',
};

/**
 * "Test against work order X": which rules would fire for this trigger and
 * what each action would do, with the people it would reach — nothing is changed.
 */
export async function previewRules(db: Db, viewer: Principal, ticketId: string, trigger: RuleTrigger, changed: string[]) {
  return db.transaction(async (tx) => {
    // a unit that is never flushed: it only reads
    const work = new UnitOfWork(tx, { db });
    const tickets = work.part(TICKETS);
    await tickets.load([ticketId], { lock: false });
    const t = tickets.get(ticketId);
    // a work order outside the viewer's scope, or hidden from them, does not exist for them
    if (!t || !isVisibleTo(viewer, t)) throw notFound('ticket');
    const hours = await teamHours(work);
    const ctx = factsOf(t, changed, () => hours(t.teamId));
    const dir = await tickets.directory();
    const watchers = (await tickets.watchersOf([t.id])).get(t.id) ?? [];
    const facts = { id: t.id, assigneeId: t.assigneeId, fields: t.fields as Record<string, unknown>, watchers: () => watchers };
    const verdicts = evaluateRules(await enabledRules(tx, db), { type: EVENT_OF[trigger], changed, causedByRuleIds: [], depth: 0 }, ctx)
      .filter((v) => v.rule.trigger === trigger);
    const rules = verdicts.map((v) => ({
      ruleId: v.rule.id, ruleName: v.rule.name, outcome: v.outcome,
      actions: v.rule.actions.map((a) => ({ action: a, people: dir.resolveAll(recipientsOf(a), facts).map((id) => dir.users.get(id)?.displayName ?? id) })),
    }));
    return { context: { ...ctx }, rules };
  });
}
