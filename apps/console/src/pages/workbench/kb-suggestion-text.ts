import type { FormDefinition, Localized } from '@kefu/shared/forms';
import { applicableValues, type FieldValues } from '../../components/dynamic-form/form-values.ts';

/** The server reads at most this much of a text to suggest articles for. */
const MAX = 2000;

/**
 * What the knowledge base is asked about while the operator types: the call's
 * summary, the form's text and the labels of the options chosen (产品质量问题
 * finds articles where a code like `quality` would not), in visible sections.
 */
export function suggestionText(def: FormDefinition | null, values: FieldValues, summary: string, pick: (l: Localized) => string): string {
  const parts = [summary.trim()];
  if (def) {
    const shown = applicableValues(def, values);
    for (const f of def.sections.flatMap((s) => s.fields)) {
      const v = shown[f.key];
      if ((f.type === 'text' || f.type === 'textarea') && typeof v === 'string') parts.push(v.trim());
      const chosen = f.type === 'select' && typeof v === 'string' ? [v] : f.type === 'multiselect' && Array.isArray(v) ? v : [];
      for (const c of chosen) {
        const o = f.options?.find((x) => x.value === c);
        if (o) parts.push(pick(o.label));
      }
    }
  }
  return parts.filter(Boolean).join(' ').slice(0, MAX);
}
