import { describe, expect, it } from 'vitest';
import { surveyAnswerBody } from '@kefu/shared/callbacks';
import { ratingOptions, ratingWord } from './rating-scale.ts';
import { linkProblem, localized, missingAnswers, toAnswerBody, type PublicQuestion } from './answer-model.ts';

describe('rating scales', () => {
  it('offers each scale best first, the best being the scale itself', () => {
    expect(ratingOptions(2)).toEqual([
      { value: 2, word: 'satisfied' },
      { value: 1, word: 'unsatisfied' },
    ]);
    expect(ratingOptions(3).map((o) => o.word)).toEqual(['satisfied', 'neutral', 'unsatisfied']);
    expect(ratingOptions(5).map((o) => o.value)).toEqual([5, 4, 3, 2, 1]);
    expect(ratingOptions(5)[0].word).toBe('verySatisfied');
  });

  it('names a rating on its scale', () => {
    expect(ratingWord(5, 3)).toBe('neutral');
    expect(ratingWord(3, 3)).toBe('satisfied');
    expect(ratingWord(2, 1)).toBe('unsatisfied');
    expect(ratingWord(3, 4)).toBeNull();
  });
});

const questions: PublicQuestion[] = [
  { key: 'q1', text: { zh: '送奶员是否准时?', en: 'Was the delivery on time?' }, kind: 'choice', options: [{ zh: '是', en: 'Yes' }, { zh: '否', en: 'No' }] },
  { key: 'q2', text: { zh: '客服态度', en: 'Agent attitude' }, kind: 'rating', required: true },
  { key: 'q3', text: { zh: '其他建议', en: 'Other suggestions' }, kind: 'text', required: false },
];

describe('answers', () => {
  it('asks for the rating and every required question, a choice of index 0 counting as answered', () => {
    expect(missingAnswers(questions, { rating: null, answers: {}, comment: '' })).toEqual(['rating', 'q1', 'q2']);
    expect(missingAnswers(questions, { rating: 5, answers: { q1: 0, q2: 4 }, comment: '' })).toEqual([]);
    expect(missingAnswers(questions, { rating: 5, answers: { q1: 0, q2: 4, q3: '  ' }, comment: '' })).toEqual([]);
  });

  it('sends choices as indexes, trims text, leaves out blank optional answers', () => {
    const body = toAnswerBody(questions, { rating: 4, answers: { q1: 1, q2: 5, q3: '   ' }, comment: ' 很好 ' });
    expect(body).toEqual({ rating: 4, answers: { q1: 1, q2: 5 }, comment: '很好' });
    expect(surveyAnswerBody.safeParse(body).success).toBe(true);
  });

  it('shows the text in the page\'s language', () => {
    expect(localized(questions[0].text, 'en-US')).toBe('Was the delivery on time?');
    expect(localized(questions[0].text, 'zh-CN')).toBe('送奶员是否准时?');
    expect(localized({ zh: '只有中文', en: '' }, 'en-US')).toBe('只有中文');
  });
});

describe('link problems', () => {
  it('maps the API\'s errors to the page shown', () => {
    expect(linkProblem(404, 'SURVEY_LINK_INVALID')).toBe('invalid');
    expect(linkProblem(410, 'SURVEY_LINK_EXPIRED')).toBe('expired');
    expect(linkProblem(409, 'SURVEY_LINK_USED')).toBe('used');
    expect(linkProblem(0, 'NETWORK')).toBe('network');
    expect(linkProblem(500, 'INTERNAL')).toBe('other');
  });
});
