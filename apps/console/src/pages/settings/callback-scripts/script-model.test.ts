import { describe, expect, it } from 'vitest';
import { callbackScriptBody, callbackScriptUpdateBody, fillScript } from '@kefu/shared/callbacks';
import { translate } from '../../../i18n/translate.ts';
import type { T } from '../../../i18n/i18n-provider.tsx';
import {
  emptyScript,
  fromScript,
  nextQuestionKey,
  scriptErrorPath,
  scriptPatch,
  toScriptBody,
  unknownVariables,
  type CallbackScript,
} from './script-model.ts';
import { insertVariable, variableParts } from '../../../utils/variable-text.ts';

const zh: T = (key, vars) => translate('zh-CN', key, vars);

const standard: CallbackScript = {
  id: 'c8a36e10-0fb4-4078-b88f-1d6d2e859c5c',
  name: '标准回访话术',
  opening: '您好,我是{company}的客服代表,工号{jobNumber}。请问您是{customerName}先生/女士吗?',
  questions: [
    { key: 'resolved', text: '问题现在是否已经彻底解决?', kind: 'yes_no' },
    { key: 'attitude', text: '您对处理人员的服务态度是否满意?', kind: 'choice', options: ['满意', '一般', '不满意'] },
    { key: 'suggestion', text: '您对我们的产品和服务还有什么建议吗?', kind: 'text' },
  ],
  branches: {
    satisfied: { prompt: '请问您还有其他建议吗?', closing: '非常感谢您的支持。', followUp: 'close' },
    neutral: { prompt: '', closing: '感谢您的宝贵意见。', followUp: 'close' },
    unsatisfied: { prompt: '能否告诉我您对哪方面不满意?', closing: '非常抱歉给您带来不便。', followUp: 'reopen' },
  },
  updatedAt: '2026-11-27T01:24:45.044Z',
};

describe('callback script editor model', () => {
  it('round-trips a script into a body the shared schema accepts', () => {
    const body = toScriptBody(fromScript(standard));
    expect(callbackScriptBody.safeParse(body).error?.issues ?? []).toEqual([]);
    const { id: _id, updatedAt: _at, ...rest } = standard;
    expect(body).toEqual(rest);
  });

  it('a new script has the usual follow-ups and needs its texts', () => {
    const v = emptyScript();
    expect(Object.values(v.branches).map((b) => b.followUp)).toEqual(['close', 'close', 'reopen']);
    expect(callbackScriptBody.safeParse(toScriptBody(v)).success).toBe(false);
    const filled = { ...v, name: '关怀话术', opening: '您好', branches: { satisfied: { ...v.branches.satisfied, closing: '再见' }, neutral: { ...v.branches.neutral, closing: '再见' }, unsatisfied: { ...v.branches.unsatisfied, closing: '抱歉' } } };
    expect(callbackScriptBody.safeParse(toScriptBody(filled)).success).toBe(true);
  });

  it('keeps options only on choice questions', () => {
    const v = fromScript(standard);
    v.questions[1] = { ...v.questions[1], kind: 'text' };
    v.questions[0] = { ...v.questions[0], kind: 'choice', options: [' 是 ', '', '否'] };
    const body = toScriptBody(v);
    expect(body.questions[1]).toEqual({ key: 'attitude', text: '您对处理人员的服务态度是否满意?', kind: 'text' });
    expect(body.questions[0].options).toEqual(['是', '否']);
  });

  it('keeps a question optional when the manager says so; the others must be answered on a reached callback', () => {
    const optional = { ...standard, questions: standard.questions.map((q) => (q.key === 'suggestion' ? { ...q, required: false } : q)) };
    const v = fromScript(optional);
    expect(v.questions.map((q) => q.required)).toEqual([true, true, false]);
    const body = toScriptBody(v);
    expect(body.questions.map((q) => q.required)).toEqual([undefined, undefined, false]);
    expect(callbackScriptBody.safeParse(body).success).toBe(true);
    expect(scriptPatch(optional, v)).toEqual({});
    expect(scriptPatch(standard, v).questions?.[2]).toMatchObject({ key: 'suggestion', required: false });
  });

  it('a PATCH names only what changed', () => {
    const v = fromScript(standard);
    expect(scriptPatch(standard, v)).toEqual({});
    // reordering the questions changes the questions, nothing else
    const moved = { ...v, questions: [v.questions[1], v.questions[0], v.questions[2]] };
    const patch = scriptPatch(standard, moved);
    expect(Object.keys(patch)).toEqual(['questions']);
    expect(patch.questions?.map((q) => q.key)).toEqual(['attitude', 'resolved', 'suggestion']);
    const branch = scriptPatch(standard, { ...v, branches: { ...v.branches, neutral: { ...v.branches.neutral, followUp: 'rectify' } } });
    expect(branch).toEqual({ branches: { ...standard.branches, neutral: { ...standard.branches.neutral, followUp: 'rectify' } } });
    expect(callbackScriptUpdateBody.safeParse(branch).success).toBe(true);
  });

  it('gives new questions the first free key', () => {
    expect(nextQuestionKey([])).toBe('q1');
    expect(nextQuestionKey(['resolved', 'q1', 'q3'])).toBe('q2');
  });

  it('inserts a variable at the cursor, replacing the selection', () => {
    expect(insertVariable('您好,', 3, 3, 'customerName')).toEqual({ text: '您好,{customerName}', caret: 17 });
    expect(insertVariable('您好XX先生', 2, 4, 'customerName')).toEqual({ text: '您好{customerName}先生', caret: 16 });
    expect(insertVariable('', 5, 9, 'date').text).toBe('{date}');
  });

  it('finds variables the preview cannot fill', () => {
    expect(unknownVariables('您好{customerName},{custmerName}{company}{custmerName}')).toEqual(['custmerName']);
    const text = '您好{customerName},我是{company}';
    expect(variableParts(text)).toEqual([
      { text: '您好' },
      { text: '{customerName}', variable: 'customerName' },
      { text: ',我是' },
      { text: '{company}', variable: 'company' },
    ]);
    expect(fillScript(text, { customerName: '王女士', company: '示例' })).toBe('您好王女士,我是示例');
  });

  it('names the fields of a validation error', () => {
    expect(scriptErrorPath('body.questions.1.options', zh)).toBe('问题 2 · 选项');
    expect(scriptErrorPath('body.branches.unsatisfied.closing', zh)).toBe('按满意程度 · 不满意 · 结束语');
  });
});
