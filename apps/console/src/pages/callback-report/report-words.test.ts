import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate.ts';
import type { T } from '../../i18n/i18n-provider.tsx';
import { reasonShare } from './report-words.ts';

const en: T = (key, vars) => translate('en-US', key, vars);
const zh: T = (key, vars) => translate('zh-CN', key, vars);

describe('report words', () => {
  it('says how often a reason was named in words, in both languages', () => {
    expect(reasonShare(en, 4, 4)).toBe('4 of 4 · 100%');
    expect(reasonShare(en, 1, 3)).toBe('1 of 3 · 33%');
    expect(reasonShare(zh, 1, 3)).toBe('1/3 次 · 33%');
  });
});
