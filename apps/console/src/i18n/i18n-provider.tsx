import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { currentLocale, rememberLocale, type Locale } from './locale-store.ts';
import { translate, type MessageKey, type Vars } from './translate.ts';

export type T = (key: MessageKey, vars?: Vars) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: T;
}

const I18nContext = createContext<I18nValue | null>(null);

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = currentLocale();
    applyLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    rememberLocale(l);
    applyLocale(l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? antdZhCN : antdEnUS}
        theme={{ token: { colorPrimary: '#1668dc', borderRadius: 4 } }}
        componentSize="middle"
        button={{ autoInsertSpace: false }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

export const useT = (): T => useI18n().t;
export const useLocale = (): [Locale, (l: Locale) => void] => {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
};
