import { allFields, type FormDefinition } from '@kefu/shared/forms';
import { words } from '../../platform/search/tokenize.ts';

function display(def: FormDefinition, key: string, v: unknown): string | null {
  const f = allFields(def).find((x) => x.key === key);
  if (!f || v === undefined || v === null || v === '' || typeof v === 'boolean') return null;
  const label = (val: unknown) => f.options?.find((o) => o.value === val)?.label.zh ?? String(val);
  if (f.type === 'select') return label(v);
  if (f.type === 'multiselect' && Array.isArray(v)) return v.map(label).join('、');
  return String(v);
}

/** A title from the fields the definition names, e.g. "产品质量问题 · 异味 · 鲜奶". */
export function deriveSubject(def: FormDefinition, fields: Record<string, unknown>): string {
  const keys = def.subjectFields ?? allFields(def).slice(0, 3).map((f) => f.key);
  const parts = keys.map((k) => display(def, k, fields[k])).filter((x): x is string => !!x);
  const text = parts.join(' · ') || def.name.zh;
  return [...text].length > 80 ? `${[...text].slice(0, 79).join('')}…` : text;
}

/** Search words of a work order: its number, subject, customer name and every text value. */
export function ticketSearchWords(number: string, subject: string, customerName: string, def: FormDefinition, fields: Record<string, unknown>): string[] {
  const texts = [subject, customerName];
  for (const [k, v] of Object.entries(fields)) {
    const d = display(def, k, v);
    if (d) texts.push(d);
  }
  return [...new Set([number.toLowerCase(), ...words(texts.join(' \n '))])];
}
