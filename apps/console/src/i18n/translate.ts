import zhCN from './zh-CN.ts';
import enUS from './en-US.ts';
import type { Locale } from './locale-store.ts';

export type MessageKey = keyof typeof zhCN;
export type Vars = Record<string, string | number | null | undefined>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** For keys built at runtime (statuses, permissions, actions): falls back when unknown. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
