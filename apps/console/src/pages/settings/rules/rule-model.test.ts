import { describe, expect, it } from 'vitest';
import { ruleBody as ruleSchema, type RuleAction, type Recipient } from '@kefu/shared/rules';
import type { FormRecord, Rule } from '../../../api/types.ts';
import { translate, hasMessage } from '../../../i18n/translate.ts';
import { conditionFields, fromAction, fromRule, newAction, opsFor, reorder, ruleWith, toAction, toCondition, toRuleBody, ACTION_TYPES, type Lookups } from './rule-model.ts';
import { describeAction, describeCondition } from './rule-words.ts';
import { decodeRecipient, encodeRecipient } from './recipient-model.ts';

const UID = '0b6f1c2e-4a7d-4f3e-9c1a-2d5e8f9a0b1c';
const TID = '1c7a2d3f-5b8e-4a4f-8d2b-3e6f9a0b1c2d';

const complaint: FormRecord = {
  id: UID,
  type: 'complaint',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  definition: {
    type: 'complaint',
    name: { zh: '投诉电话记录单', en: 'Complaint' },
    sections: [
      {
        key: 'c',
        title: { zh: '投诉', en: 'Complaint' },
        fields: [
          { key: 'category', label: { zh: '类别', en: 'Category' }, type: 'select', options: [{ value: 'product_quality', label: { zh: '产品质量问题', en: 'Product quality' } }] },
          { key: 'injury', label: { zh: '人身伤害', en: 'Injury' }, type: 'boolean' },
          { key: 'staffId', label: { zh: '员工工号', en: 'Staff no.' }, type: 'text' },
          { key: 'quantity', label: { zh: '数量', en: 'Quantity' }, type: 'integer' },
        ],
      },
    ],
  },
};

const lk: Lookups = {
  locale: 'zh-CN',
  typeName: (x) => (x === 'complaint' ? '投诉' : x),
  priority: (p) => translate('zh-CN', `priority.${p}` as never),
  status: (s) => translate('zh-CN', `status.${s}` as never),
  channel: (c) => c,
  userName: (id) => (id === UID ? '刘强' : undefined),
  teamName: (id) => (id === TID ? '早班' : undefined),
  positionName: (key) => (key === 'qc_manager' ? '品控部经理' : undefined),
  pick: (l) => l.zh,
  text: (key, vars) => (hasMessage(key) ? translate('zh-CN', key, vars) : key),
};
const fields = conditionFields([complaint], lk, { users: [{ id: UID, displayName: '刘强', jobNumber: 'Q01' }], teams: [{ id: TID, name: '早班' }] });

describe('recipients', () => {
  it('encode and decode every kind', () => {
    const all: Recipient[] = [
      { kind: 'position', position: 'qc_manager' },
      { kind: 'user', userId: UID },
      { kind: 'team', teamId: TID },
      { kind: 'assignee' },
      { kind: 'watchers' },
      { kind: 'job_number_in_field', field: 'staffId' },
      { kind: 'superior_of_job_number_in_field', field: 'staffId', topPosition: 'qc_manager' },
    ];
    for (const r of all) expect(decodeRecipient(encodeRecipient(r))).toEqual(r);
    expect(decodeRecipient('position:')).toBeNull();
    expect(decodeRecipient('nonsense')).toBeNull();
    expect(decodeRecipient('superior:staffId')).toBeNull();
  });
});

describe('conditions', () => {
  it('offer form fields with their kind and options', () => {
    expect(fields.find((f) => f.value === 'fields.category')).toMatchObject({ kind: 'enum', group: 'form', options: [{ value: 'product_quality', label: '产品质量问题' }] });
    expect(fields.find((f) => f.value === 'fields.injury')?.kind).toBe('boolean');
    expect(fields.find((f) => f.value === 'type')?.options).toEqual([{ value: 'complaint', label: '投诉' }]);
    expect(opsFor('boolean')).toContain('is_true');
    expect(opsFor('boolean', 'eq')).toContain('eq');
  });

  it('coerce values to what the operator needs', () => {
    expect(toCondition({ field: 'fields.injury', op: 'is_true', value: 'x' }, 'boolean')).toEqual({ field: 'fields.injury', op: 'is_true' });
    expect(toCondition({ field: 'priority', op: 'in', value: 'high' }, 'enum')).toEqual({ field: 'priority', op: 'in', value: ['high'] });
    expect(toCondition({ field: 'fields.quantity', op: 'eq', value: '12' }, 'number')).toEqual({ field: 'fields.quantity', op: 'eq', value: 12 });
    expect(toCondition({ field: 'fields.quantity', op: 'not_in', value: ['1', '2'] }, 'number')).toEqual({ field: 'fields.quantity', op: 'not_in', value: [1, 2] });
  });

  it('read as words', () => {
    expect(describeCondition({ field: 'fields.category', op: 'eq', value: 'product_quality' }, fields, lk)).toBe('「类别 (投诉)」为 产品质量问题');
    expect(describeCondition({ field: 'fields.injury', op: 'is_true' }, fields, lk)).toBe('「人身伤害 (投诉)」为是');
    expect(describeCondition({ field: 'priority', op: 'in', value: ['high', 'urgent'] }, fields, lk)).toBe('「优先级」是 高、紧急 之一');
  });
});

describe('actions', () => {
  const samples: RuleAction[] = [
    { type: 'assign', to: { kind: 'position', position: 'qc_manager' }, strategy: 'least_loaded' },
    { type: 'notify', recipients: [{ kind: 'assignee' }, { kind: 'user', userId: UID }], template: 'ticket.escalated', urgent: true },
    { type: 'add_watchers', recipients: [{ kind: 'team', teamId: TID }] },
    { type: 'set_priority', priority: 'urgent' },
    { type: 'set_status', status: 'closed', resolution: '已解释' },
    { type: 'create_subtask', title: { zh: '上门走访', en: 'Visit' }, assignees: [{ kind: 'job_number_in_field', field: 'staffId' }], dueInMinutes: 120, priority: 'urgent' },
    { type: 'hide_from', who: { kind: 'job_number_in_field', field: 'staffId' } },
    { type: 'escalate', chain: [{ kind: 'position', position: 'qc_manager' }, { kind: 'user', userId: UID }], urgent: true },
    { type: 'start_sla', kind: 'resolution', businessDays: 2 },
    { type: 'start_sla', kind: 'first_response', minutes: 30, calendarId: TID },
    { type: 'cancel_sla', kind: 'resolution' },
  ];

  it('survive the editor round trip unchanged', () => {
    for (const a of samples) expect(toAction(fromAction(a))).toEqual(a);
  });

  it('new actions of every type become valid rules once filled in', () => {
    for (const type of ACTION_TYPES) {
      const v = newAction(type);
      const filled = { ...v, to: 'assignee', who: 'watchers', recipients: ['assignee'], assignees: ['assignee'], chain: ['assignee', 'watchers'], titleZh: '任务', slaAmount: 60 };
      const body = toRuleBody({ name: 'r', enabled: true, trigger: 'ticket.created', stopProcessing: false, conditions: [], actions: [filled] }, fields);
      expect(ruleSchema.safeParse(body).error?.issues ?? []).toEqual([]);
    }
  });

  it('an action of a type the editor does not know is kept as it is', () => {
    const future = { type: 'call_robot', script: 'x' } as unknown as RuleAction;
    expect(fromAction(future)).toMatchObject({ type: 'call_robot', raw: future });
    expect(toAction(fromAction(future))).toBe(future);
  });

  it('a subtask without an English title uses the Chinese one', () => {
    expect(toAction({ type: 'create_subtask', titleZh: '回访', titleEn: '', assignees: ['assignee'] })).toMatchObject({ title: { zh: '回访', en: '回访' } });
  });

  it('read as words', () => {
    expect(describeAction(samples[0], lk)).toBe('分派给 品控部经理(岗位)· 工单最少者');
    expect(describeAction({ type: 'assign', to: { kind: 'assignee' }, strategy: 'direct' }, lk)).toBe('分派给 当前处理人');
    expect(describeAction(samples[1], lk)).toBe('紧急通知 当前处理人、刘强');
    expect(describeAction(samples[5], lk)).toContain('上门走访');
  });
});

describe('whole rules', () => {
  const rule: Rule = {
    id: UID,
    name: '产品质量投诉',
    description: null,
    enabled: false,
    position: 30,
    trigger: 'ticket.created',
    conditions: [{ field: 'type', op: 'eq', value: 'complaint' }],
    actions: [{ type: 'set_priority', priority: 'high' }],
    stopProcessing: true,
    template: 'dairy_hotline',
    version: 3,
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('a change sends the complete rule, never just the changed key', () => {
    const body = ruleWith(rule, { position: 10 });
    expect(body).toEqual({
      name: rule.name,
      description: null,
      enabled: false,
      position: 10,
      trigger: 'ticket.created',
      conditions: rule.conditions,
      actions: rule.actions,
      stopProcessing: true,
    });
    expect(ruleSchema.strict().safeParse(body).success).toBe(true);
  });

  it('edit values give back the same rule', () => {
    expect(toRuleBody(fromRule(rule), fields, rule.position)).toEqual(ruleWith(rule));
  });

  it('reorder renumbers only what moved', () => {
    const rules = [10, 20, 30, 40].map((position, i) => ({ id: String(i), position }));
    expect(reorder(rules, 2, 1).map((x) => [x.rule.id, x.position])).toEqual([
      ['2', 20],
      ['1', 30],
    ]);
    expect(reorder(rules, 0, 3).map((x) => [x.rule.id, x.position])).toEqual([
      ['1', 10],
      ['2', 20],
      ['3', 30],
      ['0', 40],
    ]);
    expect(reorder(rules, 1, 1)).toEqual([]);
    // equal positions are spread out
    expect(reorder([{ id: 'a', position: 5 }, { id: 'b', position: 5 }], 1, 0).map((x) => x.position)).toEqual([10, 20]);
  });
});
