import { describe, expect, it } from 'vitest';
import { localeFromBrowser } from './locale-store.ts';

describe('the language before anyone chose one', () => {
  it("follows the browser's preferred languages", () => {
    expect(localeFromBrowser(['en-US', 'en'])).toBe('en-US');
    expect(localeFromBrowser(['en-GB'])).toBe('en-US');
    expect(localeFromBrowser(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(localeFromBrowser(['de-DE', 'en-US'])).toBe('en-US');
  });

  it('is Chinese when the browser names neither', () => {
    expect(localeFromBrowser(['fr-FR'])).toBe('zh-CN');
    expect(localeFromBrowser([])).toBe('zh-CN');
  });
});
