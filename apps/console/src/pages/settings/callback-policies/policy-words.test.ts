import { describe, expect, it } from 'vitest';
import type { CallbackPolicyBody } from '@kefu/shared/callbacks';
import { hasMessage, translate, type MessageKey } from '../../../i18n/translate.ts';
import type { T } from '../../../i18n/i18n-provider.tsx';
import type { ConditionField, Lookups } from '../rules/rule-model.ts';
import { policyErrorPath, policyInWords, stepsSummary, type WordsContext } from './policy-words.ts';

const zh: T = (key, vars) => translate('zh-CN', key, vars);
const en: T = (key, vars) => translate('en-US', key, vars);

function context(t: T): WordsContext {
  const lk = {
    locale: 'zh-CN',
    typeName: (type: string) => ({ complaint: '投诉', repair: '维修' })[type] ?? type,
    text: (key: string, vars?: Record<string, string | number>) => (hasMessage(key) ? t(key as MessageKey, vars) : key),
  } as unknown as Lookups;
  const fields: ConditionField[] = [
    {
      value: 'fields.repairCategory',
      label: '维修类别',
      kind: 'enum',
      group: 'form',
      options: [
        { value: 'leak', label: '渗漏水' },
        { value: 'safety', label: '安全设施' },
      ],
    },
  ];
  return { t, fields, lk, anchorName: (f) => (f === 'fields.leakTestAt' ? '试漏时间' : f), teamName: (id) => (id === 'team-1' ? '回访组' : undefined) };
}

const complaint: CallbackPolicyBody = {
  name: '投诉处理后回访(三天内)',
  enabled: true,
  kind: 'event',
  callbackType: 'complaint',
  triggerStatus: 'resolved',
  conditions: [{ field: 'type', op: 'eq', value: 'complaint' }],
  anchorField: null,
  steps: [{ label: '投诉回访', dueWithin: { businessDays: 3 } }],
  calendarId: null,
  scriptId: null,
  assignee: { mode: 'creator' },
  channels: ['phone'],
  coverageRequired: true,
  sendSurvey: true,
  targetMinutes: 5,
};

const installation: CallbackPolicyBody = {
  ...complaint,
  kind: 'schedule',
  triggerStatus: 'closed',
  conditions: [
    { field: 'type', op: 'eq', value: 'repair' },
    { field: 'fields.repairCategory', op: 'eq', value: 'leak' },
  ],
  steps: [
    { label: '安装后一周', startAfter: { days: 7 }, dueWithin: { businessDays: 2 } },
    { label: '安装后一月', startAfter: { days: 30 }, dueWithin: { businessDays: 3 } },
  ],
  assignee: { mode: 'team', teamId: 'team-1' },
  coverageRequired: false,
  channels: ['phone', 'sms'],
};

describe('callback policies in words', () => {
  it('says a complaint policy in one sentence', () => {
    expect(policyInWords(complaint, context(zh))).toBe('投诉工单办结后,由建单接线员在3个工作日内回访;须100%回访;发送满意度调查;方式:电话');
    expect(policyInWords(complaint, context(en))).toBe(
      'When a 投诉 work order is resolved, the recording agent calls back within 3 working days; every one must be called back; a satisfaction survey is sent; by Phone',
    );
  });

  it('says the other conditions, the anchor, each step and the team', () => {
    const words = policyInWords({ ...installation, anchorField: 'fields.leakTestAt' }, context(zh));
    expect(words).toBe(
      '维修工单(「维修类别」为 渗漏水)关闭后,自试漏时间起算,由回访组(负载最少的成员)回访2次:安装后一周(7天后起2个工作日内)、安装后一月(30天后起3个工作日内);方式:电话、短信',
    );
    // no survey is sent on "closed": the sentence does not promise one
    expect(words).not.toContain('满意度');
  });

  it('summarises the steps for the list', () => {
    const name = (f: string) => (f === 'fields.leakTestAt' ? '试漏时间' : f);
    expect(stepsSummary(zh, complaint, name)).toBe('办结后3个工作日内');
    expect(stepsSummary(zh, { ...complaint, anchorField: 'fields.leakTestAt' }, name)).toBe('试漏时间后3个工作日内');
    expect(stepsSummary(zh, { ...complaint, steps: [installation.steps[0]] }, name)).toBe('办结7天后起2个工作日内');
    expect(stepsSummary(zh, installation, name)).toBe('关闭后 7天 · 30天');
  });

  it('says several steps by when they start, not by their labels (typed in one language)', () => {
    const name = (f: string) => f;
    const summary = stepsSummary(en, { ...installation, triggerStatus: 'closed' }, name);
    expect(summary).toBe('7 days · 30 days after closing');
    expect(summary).not.toMatch(/\p{Script=Han}/u);
  });

  it('names the fields of a validation error', () => {
    expect(policyErrorPath('body.steps.0.dueWithin', zh)).toBe('回访 1 · 期限');
    expect(policyErrorPath('body.assignee.teamId', zh)).toBe('回访人 · 班组');
    expect(policyErrorPath('conditions.1.value', zh)).toBe('条件 2 · value');
  });
});
