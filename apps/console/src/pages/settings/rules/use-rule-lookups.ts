import { useMemo } from 'react';
import type { Position } from '../../../api/types.ts';
import { useDirectory, useForms, usePositions } from '../../../api/shared-data.ts';
import { useLocale, useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { hasMessage } from '../../../i18n/translate.ts';
import { conditionFields, type ConditionField, type Lookups } from './rule-model.ts';

export function positionLabel(p: Position, locale: string): string {
  return locale === 'en-US' && p.nameEn ? p.nameEn : p.name;
}

/** Names for everything a rule refers to, and the fields its conditions can test. */
export function useRuleLookups(): { lk: Lookups; fields: ConditionField[]; ready: boolean } {
  const t = useT();
  const [locale] = useLocale();
  const labels = useLabels();
  const directory = useDirectory();
  const positions = usePositions();
  const forms = useForms();
  return useMemo(() => {
    const lk: Lookups = {
      locale,
      typeName: (type) => labels.type(type, forms?.find((f) => f.type === type)?.definition.name),
      priority: labels.priority,
      status: labels.status,
      channel: labels.channel,
      userName: (id) => directory?.users.find((u) => u.id === id)?.displayName,
      teamName: (id) => directory?.teams.find((x) => x.id === id)?.name,
      positionName: (key) => {
        const p = positions?.find((x) => x.key === key);
        return p ? positionLabel(p, locale) : undefined;
      },
      pick: labels.pick,
      text: (key, vars) => (hasMessage(key) ? t(key, vars) : key),
    };
    return { lk, fields: conditionFields(forms ?? [], lk, directory), ready: !!(directory && positions && forms) };
  }, [t, locale, labels, directory, positions, forms]);
}
