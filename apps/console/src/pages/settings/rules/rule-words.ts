import type { Recipient, RuleAction, RuleCondition } from '@kefu/shared/rules';
import { findField, type ConditionField, type Lookups, type Scalar } from './rule-model.ts';
import { recipientLabel } from './recipient-model.ts';

// Rules and their parts in words, for lists, history and the test dialog.

function valueWords(c: RuleCondition, field: ConditionField | undefined, lk: Lookups): string {
  const one = (x: Scalar) => {
    const o = field?.options?.find((opt) => opt.value === x);
    if (o) return o.label;
    if (typeof x === 'boolean') return lk.text(x ? 'common.yes' : 'common.no');
    return String(x);
  };
  if (c.value === undefined) return '';
  return Array.isArray(c.value) ? c.value.map(one).join(lk.text('rule.listSep')) : one(c.value);
}

export function describeCondition(c: RuleCondition, fields: ConditionField[], lk: Lookups): string {
  const field = findField(fields, c.field);
  const name = field?.label ?? c.field;
  return lk.text(`rule.opText.${c.op}`, { field: name, value: valueWords(c, field, lk) });
}

export function describeAction(a: RuleAction, lk: Lookups): string {
  const people = (list: Recipient[]) => list.map((r) => recipientLabel(r, lk)).join(lk.text('rule.listSep'));
  switch (a.type) {
    case 'assign':
      return !a.strategy || a.strategy === 'direct'
        ? lk.text('rule.say.assignDirect', { who: recipientLabel(a.to, lk) })
        : lk.text('rule.say.assign', { who: recipientLabel(a.to, lk), strategy: lk.text(`rule.strategy.${a.strategy}`) });
    case 'notify':
      return lk.text(a.urgent ? 'rule.say.notifyUrgent' : 'rule.say.notify', { who: people(a.recipients) });
    case 'add_watchers':
      return lk.text('rule.say.addWatchers', { who: people(a.recipients) });
    case 'set_priority':
      return lk.text('rule.say.setPriority', { priority: lk.priority(a.priority) });
    case 'set_status':
      return lk.text('rule.say.setStatus', { status: lk.status(a.status) }) + (a.resolution ? `(${a.resolution})` : '');
    case 'create_subtask':
      return (
        lk.text('rule.say.subtask', { title: lk.locale === 'zh-CN' ? a.title.zh : a.title.en, who: people(a.assignees) }) +
        (a.dueInMinutes ? lk.text('rule.say.due', { minutes: a.dueInMinutes }) : '')
      );
    case 'hide_from':
      return lk.text('rule.say.hideFrom', { who: recipientLabel(a.who, lk) });
    case 'escalate':
      return lk.text(a.urgent === false ? 'rule.say.escalate' : 'rule.say.escalateUrgent', { chain: a.chain.map((r) => recipientLabel(r, lk)).join(' → ') });
    case 'start_sla':
      return lk.text(a.businessDays !== undefined ? 'rule.say.startSlaDays' : 'rule.say.startSla', {
        kind: lk.text(`sla.kind.${a.kind}`),
        n: a.businessDays ?? a.minutes ?? '',
      });
    case 'cancel_sla':
      return lk.text('rule.say.cancelSla', { kind: lk.text(`sla.kind.${a.kind}`) });
    default: {
      const type = (a as { type: string }).type;
      return lk.text(`rule.actionType.${type}`);
    }
  }
}
