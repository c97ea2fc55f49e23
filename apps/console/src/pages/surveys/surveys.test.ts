import { describe, expect, it } from 'vitest';
import { surveyBody } from '@kefu/shared/callbacks';
import { move, newQuestion, nextKey, questionProblems, toSurveyBody, withKind, type QuestionDraft } from './survey-model.ts';
import { SURVEY_DELIVERIES } from '@kefu/shared/callbacks-api';
import { commentsOf, ratingDistribution, type SurveyResponse } from './results-model.ts';
import { deliveryText } from './survey-delivery.tsx';
import { translate } from '../../i18n/translate.ts';
import type { T } from '../../i18n/i18n-provider.tsx';

describe('questionnaire builder', () => {
  it('gives keys q1, q2… and never reuses one after a removal', () => {
    expect(nextKey([])).toBe('q1');
    const q1 = newQuestion([]);
    const q2 = newQuestion([q1]);
    const q3 = newQuestion([q1, q2]);
    expect([q1, q2, q3].map((q) => q.key)).toEqual(['q1', 'q2', 'q3']);
    expect(newQuestion([q1, q3]).key).toBe('q4');
  });

  it('reorders, ignoring moves past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('a choice question gets two options; another kind drops them', () => {
    const q = withKind(newQuestion([]), 'choice');
    expect(q.options).toHaveLength(2);
    expect(withKind(q, 'text').options).toEqual([]);
  });

  it('builds a body the shared schema accepts, options only on choice questions', () => {
    const questions: QuestionDraft[] = [
      { key: 'q1', zh: ' 送奶是否准时 ', en: 'Delivered on time?', kind: 'choice', options: [{ zh: '是', en: 'Yes' }, { zh: '否', en: 'No' }], required: true },
      { key: 'q2', zh: '其他建议', en: 'Suggestions', kind: 'text', options: [{ zh: 'x', en: 'x' }], required: false },
    ];
    const body = toSurveyBody({ name: '2026 下半年满意度', kind: 'periodic', scale: 3, validDays: 14 }, questions);
    expect(body.questions[0].text.zh).toBe('送奶是否准时');
    expect(body.questions[1]).not.toHaveProperty('options');
    expect(surveyBody.safeParse(body).success).toBe(true);
    expect(questionProblems(questions)).toEqual([]);
  });

  it('names what is missing: a language, an option', () => {
    const q: QuestionDraft = { key: 'q1', zh: '态度', en: '', kind: 'choice', options: [{ zh: '好', en: 'Good' }, { zh: '', en: '' }], required: true };
    expect(questionProblems([q])).toEqual([{ index: 0, problem: 'text' }, { index: 0, problem: 'options' }]);
  });
});

const resp = (over: Partial<SurveyResponse>): SurveyResponse => ({
  id: 'i', surveyId: 's', surveyName: 'n', customerId: 'c', customerName: '王芳', ticketId: null, ticketNumber: null, agentName: null, channel: 'sms',
  sentAt: '2026-11-20T01:00:00Z', answeredAt: null, expiresAt: '2026-11-27T01:00:00Z', rating: null, scale: 5, scorePct: null, comment: null, answers: null,
  sendError: null, delivery: 'sent', skipReason: null, ...over,
});

describe('survey results', () => {
  it('counts each rating of the scale, best first, unanswered left out', () => {
    const rs = [resp({ answeredAt: '2026-11-21T00:00:00Z', rating: 5 }), resp({ answeredAt: '2026-11-21T00:00:00Z', rating: 5 }), resp({ answeredAt: '2026-11-22T00:00:00Z', rating: 2 }), resp({})];
    expect(ratingDistribution(rs, 5).map((d) => [d.value, d.count])).toEqual([[5, 2], [4, 0], [3, 0], [2, 1], [1, 0]]);
    expect(ratingDistribution(rs, 2).map((d) => d.word)).toEqual(['satisfied', 'unsatisfied']);
  });

  it('lists comments newest first', () => {
    const rs = [resp({ id: 'a', answeredAt: '2026-11-21T00:00:00Z', comment: '送得晚' }), resp({ id: 'b', answeredAt: '2026-11-22T00:00:00Z', comment: '很好' }), resp({ id: 'c', answeredAt: '2026-11-23T00:00:00Z', comment: '  ' })];
    expect(commentsOf(rs).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('says where an invitation stands in the server\'s words, the same on the work order, the customer and the results', () => {
    const zh: T = (key, vars) => translate('zh-CN', key, vars);
    const en: T = (key, vars) => translate('en-US', key, vars);
    // the newcomer's case: not sent yet (waiting for the end of the rest time) never reads as sent
    expect(deliveryText(zh, resp({ sentAt: null, delivery: 'queued' }))).toBe('待发送');
    expect(deliveryText(zh, resp({}))).toBe('已发送');
    expect(deliveryText(zh, resp({ sentAt: null, delivery: 'skipped', skipReason: 'ticket_reopened' }))).toBe('未发送:工单已重新打开');
    expect(deliveryText(en, resp({ sentAt: null, delivery: 'skipped', skipReason: 'ticket_reopened' }))).toBe('Not sent: the work order was reopened');
    for (const d of SURVEY_DELIVERIES) {
      for (const t of [zh, en]) expect(deliveryText(t, resp({ delivery: d })), d).not.toContain('survey.delivery');
    }
  });
});
