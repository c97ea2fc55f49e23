// The chosen UI language lives in localStorage so it survives reloads and is
// known before the session loads; the API client reads it for Accept-Language.
export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];

const KEY = 'kefu.locale';

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en-US';
}

export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * The browser's preferred languages mapped to ours: the first Chinese or
 * English one wins; Chinese when neither is listed (the centre's language).
 */
export function localeFromBrowser(languages: readonly string[]): Locale {
  for (const l of languages) {
    const lang = l.toLowerCase();
    if (lang.startsWith('zh')) return 'zh-CN';
    if (lang.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

// until the user chooses (here or on their account), the browser's language
let current: Locale = storedLocale() ?? localeFromBrowser(browserLanguages());

export function currentLocale(): Locale {
  return current;
}

export function rememberLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
