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

let current: Locale = storedLocale() ?? 'zh-CN';

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
