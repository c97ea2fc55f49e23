import { useMemo } from 'react';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';

/** Labels for the callback codes the server sends (statuses, outcomes, results…); an unknown code shows as is. */
export function useCallbackLabels() {
  const t = useT();
  return useMemo(() => {
    const dyn = (prefix: string, code: string | null | undefined) => {
      if (!code) return '';
      const key = `callback.${prefix}.${code}`;
      return hasMessage(key) ? t(key) : code;
    };
    return {
      status: (s: string) => dyn('status', s),
      outcome: (o: string | null) => dyn('outcome', o),
      result: (r: string) => dyn('result', r),
      satisfaction: (s: string | null) => dyn('satisfaction', s),
      channel: (c: string) => dyn('channel', c),
      type: (c: string) => dyn('type', c),
    };
  }, [t]);
}

export type CallbackLabels = ReturnType<typeof useCallbackLabels>;
