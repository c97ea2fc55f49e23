import { useMemo } from 'react';
import type { Localized } from '@kefu/shared/forms';
import { useLocale, useT } from './i18n-provider.tsx';
import { hasMessage } from './translate.ts';

/** Labels for codes that come from the server (statuses, permissions, actions...). */
export function useLabels() {
  const t = useT();
  const [locale] = useLocale();
  return useMemo(() => {
    const dyn = (prefix: string, code: string) => {
      const key = `${prefix}.${code}`;
      return hasMessage(key) ? t(key) : code;
    };
    const pick = (l: Localized | undefined | null) => (l ? (locale === 'zh-CN' ? l.zh : l.en) : '');
    return {
      pick,
      status: (s: string) => dyn('status', s),
      priority: (p: string) => dyn('priority', p),
      channel: (c: string) => dyn('channel', c),
      dataScope: (s: string) => dyn('dataScope', s),
      permission: (p: string) => dyn('perm', p),
      permissionGroup: (g: string) => dyn('permGroup', g),
      action: (a: string) => dyn('action', a),
      direction: (d: string) => dyn('direction', d),
      /** Short built-in name (投诉) when there is one, else the form definition's name. */
      type: (type: string, name?: Localized | null) =>
        hasMessage(`type.${type}`) || !name ? dyn('type', type) : pick(name),
    };
  }, [t, locale]);
}

export type Labels = ReturnType<typeof useLabels>;
