import { describe, expect, it } from 'vitest';
import { callbackPolicyBody, callbackPolicyUpdateBody } from '@kefu/shared/callbacks';
import type { FormRecord } from '../../../api/types.ts';
import type { ConditionField } from '../rules/rule-model.ts';
import {
  anchorFields,
  changedFields,
  emptyPolicy,
  fromPolicy,
  fromStep,
  policyPatch,
  toPolicyBody,
  toSpan,
  toStep,
  type CallbackPolicy,
} from './policy-model.ts';

const fields: ConditionField[] = [
  { value: 'type', label: '类型', kind: 'enum', group: 'ticket' },
  { value: 'fields.repairCategory', label: '维修类别', kind: 'enum', group: 'form' },
];

const TEAM = '0b6f1c2e-4a7d-4f3e-9c1a-2d5e8f9a0b1c';
const SCRIPT = '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';

// as the server answers: condition keys in its own order, channels as stored
const leak: CallbackPolicy = {
  id: '04f2a3e9-1fab-4972-82cf-a6df766de705',
  name: '渗漏水维修回访(试漏后3天内)',
  enabled: true,
  kind: 'event',
  callbackType: 'repair',
  triggerStatus: 'resolved',
  conditions: [
    { op: 'eq', field: 'type', value: 'repair' },
    { op: 'eq', field: 'fields.repairCategory', value: 'leak' },
  ],
  anchorField: 'fields.leakTestAt',
  steps: [{ label: '试漏后回访', dueWithin: { businessDays: 3 } }],
  calendarId: null,
  scriptId: SCRIPT,
  assignee: { mode: 'creator' },
  channels: ['sms', 'phone'],
  coverageRequired: true,
  sendSurvey: true,
  targetMinutes: 3,
  template: 'default',
  updatedAt: '2026-11-27T01:24:45.044Z',
};

describe('callback policy editor model', () => {
  it('turns spans into an amount and a unit and back, with exactly one unit', () => {
    expect(fromStep({ label: '安装后一周', startAfter: { days: 7 }, dueWithin: { businessDays: 2 } })).toEqual({
      label: '安装后一周',
      startAmount: 7,
      startUnit: 'days',
      dueAmount: 2,
      dueUnit: 'businessDays',
    });
    expect(toStep({ label: ' 回访 ', startAmount: null, startUnit: 'days', dueAmount: 48, dueUnit: 'hours' })).toEqual({ label: '回访', dueWithin: { hours: 48 } });
    // a start of nothing is "at once"
    expect(toStep({ label: 'x', startAmount: 0, startUnit: 'days', dueAmount: 1, dueUnit: 'days' })).not.toHaveProperty('startAfter');
    expect(toStep({ label: 'x', startAmount: 30, startUnit: 'days', dueAmount: 3, dueUnit: 'businessDays' }).startAfter).toEqual({ days: 30 });
    // working days are whole and at least one
    expect(toSpan(0, 'businessDays')).toEqual({ businessDays: 1 });
    expect(toSpan(2.4, 'businessDays')).toEqual({ businessDays: 2 });
  });

  it('round-trips a policy into a body the shared schema accepts', () => {
    const body = toPolicyBody(fromPolicy(leak), fields);
    expect(callbackPolicyBody.safeParse(body).error?.issues ?? []).toEqual([]);
    const { id: _id, template: _tpl, updatedAt: _at, ...rest } = leak;
    // channels come back in the schema's order
    expect(body).toEqual({ ...rest, channels: ['phone', 'sms'] });
  });

  it('a new policy is valid once it has a name', () => {
    const v = { ...emptyPolicy('回访'), name: '新策略' };
    expect(callbackPolicyBody.safeParse(toPolicyBody(v, fields)).success).toBe(true);
  });

  it('a team assignee carries its team, the others nothing', () => {
    const v = { ...fromPolicy(leak), assigneeMode: 'team' as const, assigneeTeamId: TEAM };
    expect(toPolicyBody(v, fields).assignee).toEqual({ mode: 'team', teamId: TEAM });
    expect(toPolicyBody({ ...v, assigneeMode: 'resolver' }, fields).assignee).toEqual({ mode: 'resolver' });
  });

  it('a PATCH names only what changed, without defaults', () => {
    const v = fromPolicy(leak);
    expect(policyPatch(leak, v, fields)).toEqual({});
    // re-ticking the channels in another order is no change
    expect(policyPatch(leak, { ...v, channels: ['phone', 'sms'] }, fields)).toEqual({});
    const patch = policyPatch(leak, { ...v, name: '渗漏水回访', sendSurvey: false, steps: [{ ...v.steps[0], dueAmount: 5 }] }, fields);
    expect(patch).toEqual({ name: '渗漏水回访', sendSurvey: false, steps: [{ label: '试漏后回访', dueWithin: { businessDays: 5 } }] });
    expect(callbackPolicyUpdateBody.safeParse(patch).success).toBe(true);
    expect(policyPatch(leak, { ...v, anchorField: null, calendarId: undefined }, fields)).toEqual({ anchorField: null });
  });

  it('compares nested values whatever their key order', () => {
    expect(changedFields({ a: { x: 1, y: [1, 2] } }, { a: { y: [1, 2], x: 1 } })).toEqual({});
    expect(changedFields({ a: [1, 2] }, { a: [2, 1] })).toEqual({ a: [2, 1] });
  });

  it('offers the date and datetime fields of the forms to count from', () => {
    const form = (type: string, fieldList: { key: string; type: string; zh: string }[]) =>
      ({
        type,
        definition: {
          name: { zh: type, en: type },
          sections: [{ key: 's', title: { zh: 's', en: 's' }, fields: fieldList.map((f) => ({ key: f.key, type: f.type, label: { zh: f.zh, en: f.key } })) }],
        },
      }) as unknown as FormRecord;
    const forms = [
      form('repair', [
        { key: 'leakTestAt', type: 'datetime', zh: '试漏时间' },
        { key: 'repairCategory', type: 'select', zh: '维修类别' },
      ]),
      form('order', [{ key: 'startDate', type: 'date', zh: '起送日期' }]),
    ];
    const lk = { typeName: (t: string) => ({ repair: '维修', order: '订单' })[t] ?? t, pick: (l: { zh: string }) => l.zh, text: () => '、' };
    expect(anchorFields(forms, lk)).toEqual([
      { value: 'fields.leakTestAt', label: '试漏时间 (维修)', name: '试漏时间' },
      { value: 'fields.startDate', label: '起送日期 (订单)', name: '起送日期' },
    ]);
  });
});
