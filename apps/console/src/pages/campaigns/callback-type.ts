import type { T } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';

/** 投诉回访, 售后回访…; a type this console does not know yet shows its code. */
export function callbackTypeLabel(t: T, code: string): string {
  const key = `campaign.type.${code}`;
  return hasMessage(key) ? t(key) : code;
}
