import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASS_RULES } from '@kefu/shared/customer-classes-api';
import { translate } from '../../i18n/translate.ts';
import { className, classColor, conditionWords, reasonWords } from './class-words.ts';

const zh = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('zh-CN', key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('en-US', key, vars);

describe('customer class words', () => {
  it('says a condition with its unit, and a tag condition without', () => {
    expect(conditionWords(zh, { measure: 'revenueQuarter', op: '>=', value: 5000 })).toBe('季度营收(ARPU) ≥ 5,000 元');
    expect(conditionWords(en, { measure: 'referrals', op: '>', value: 2 })).toBe('Referrals > 2');
    expect(conditionWords(zh, { measure: 'tag', op: 'has', value: '福利单位' })).toBe('标签 包含 福利单位');
  });

  it('says why: the conditions that held with the customer\'s figure, an override, or the fallback', () => {
    expect(reasonWords(zh, { quarter: '2026Q3', override: null, matched: [{ measure: 'revenueQuarter', op: '>=', value: 5000, actual: 6200 }] }))
      .toBe('季度营收(ARPU) ≥ 5,000 元(6,200)');
    expect(reasonWords(zh, { quarter: '2026Q3', override: { reason: '集团客户', until: '2027-03-31' }, matched: [] })).toBe('手动定级:集团客户(至 2027-03-31)');
    expect(reasonWords(en, { quarter: '2026Q3', override: null, matched: [] })).toBe('Meets no other class\'s conditions');
  });

  it('names classes from the rules and colours them by rank', () => {
    expect(className(DEFAULT_CLASS_RULES, 'A', '—')).toBe('A类客户 (A)');
    expect(className(DEFAULT_CLASS_RULES, 'C', '—')).toBe('C类客户 (C)');
    expect(className(DEFAULT_CLASS_RULES, 'X', '—')).toBe('X');
    expect(className(DEFAULT_CLASS_RULES, null, '—')).toBe('—');
    expect([classColor(DEFAULT_CLASS_RULES, 'A'), classColor(DEFAULT_CLASS_RULES, 'B'), classColor(DEFAULT_CLASS_RULES, 'C')]).toEqual(['gold', 'blue', undefined]);
  });
});
