import { useMemo } from 'react';
import { api, itemsOf } from '../../../api/client.ts';
import { useDirectory, useForms } from '../../../api/shared-data.ts';
import type { BusinessCalendar } from '../../../api/types.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useRuleLookups } from '../rules/use-rule-lookups.ts';
import type { CallbackScript } from '../callback-scripts/script-model.ts';
import { anchorFields } from './policy-model.ts';
import type { WordsContext } from './policy-words.ts';

/** Condition fields that mean nothing for a callback policy: "what changed" and the SLA clock's kind. */
const NOT_FOR_POLICIES = ['changed', 'sla.kind'];

/** Everything the policy list and editor name: condition fields, date fields to count from, calendars, scripts, teams. */
export function usePolicyLookups() {
  const t = useT();
  const { lk, fields: allFields } = useRuleLookups();
  const forms = useForms();
  const directory = useDirectory();
  const calendars = useRequest(() => api.get<{ items: BusinessCalendar[] }>('/calendars').then(itemsOf), []);
  const scripts = useRequest(() => api.get<{ items: CallbackScript[] }>('/callback-scripts').then(itemsOf), []);
  return useMemo(() => {
    const fields = allFields.filter((f) => !NOT_FOR_POLICIES.includes(f.value));
    const anchors = anchorFields(forms ?? [], lk);
    const teams = directory?.teams ?? [];
    const words: WordsContext = {
      t,
      fields: allFields,
      lk,
      // a field no form has any more is shown by its key, so the policy still reads
      anchorName: (f) => anchors.find((a) => a.value === f)?.name ?? f.replace(/^fields\./, ''),
      teamName: (id) => teams.find((x) => x.id === id)?.name,
    };
    return {
      lk,
      fields,
      anchors,
      teams,
      calendars: calendars.data ?? [],
      scripts: scripts.data ?? [],
      words,
    };
  }, [t, lk, allFields, forms, directory, calendars.data, scripts.data]);
}

export type PolicyLookups = ReturnType<typeof usePolicyLookups>;
