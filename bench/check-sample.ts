// Guards the generator against drifting from the app: a sample of generated
// work orders must pass the form validation, and carry the subject and the
// search words the app itself would compute.

import { validateFields } from '@kefu/shared/form-validation';
import { deriveSubject, ticketSearchWords } from '../apps/server/src/modules/tickets/tickets.queries.ts';
import { grams } from '../apps/server/src/platform/search/tokenize.ts';
import type { Batch } from './generate.ts';
import type { Org } from './org.ts';

function lexemes(literal: string): Set<string> {
  const out = new Set<string>();
  for (const m of literal.matchAll(/'((?:[^']|'')*)'/g)) out.add(m[1].replace(/''/g, "'").replace(/\\\\/g, '\\'));
  return out;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

export function checkSample(batch: Batch, org: Org, max = 300): void {
  const t = batch.tickets;
  const names = new Map<string, string>();
  for (let i = 0; i < batch.customers.id.length; i++) names.set(batch.customers.id[i], batch.customers.name[i]);
  let checked = 0;
  for (let i = 0; i < t.id.length && checked < max; i++) {
    const name = names.get(t.customer_id[i]);
    if (name === undefined) continue; // a repeat caller from an earlier batch
    checked++;
    const def = org.forms[t.type[i]].definition;
    const fields = JSON.parse(t.fields[i]) as Record<string, unknown>;
    const { values, errors } = validateFields(def, fields);
    if (errors.length) throw new Error(`generated ${t.type[i]} fields invalid: ${JSON.stringify(errors)} in ${t.fields[i]}`);
    const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
    if (sorted(values) !== sorted(fields)) throw new Error(`generated fields not in clean form: ${t.fields[i]}`);
    if (deriveSubject(def, fields) !== t.subject[i]) throw new Error(`subject differs: ${t.subject[i]}`);
    const expected = new Set(ticketSearchWords(t.number[i], t.subject[i], name, def, fields));
    if (!sameSet(expected, lexemes(t.search_vector[i]))) {
      throw new Error(`search words differ for ${t.number[i]}:\n app: ${[...expected].sort().join('|')}\n gen: ${[...lexemes(t.search_vector[i])].sort().join('|')}`);
    }
  }
  const c = batch.customers;
  for (let i = 0; i < Math.min(c.id.length, max); i++) {
    const expected = new Set([...grams(c.name[i]), ...grams(c.address[i])]);
    if (!sameSet(expected, lexemes(c.search_vector[i]))) throw new Error(`customer grams differ for ${c.name[i]}`);
    if (!/^1[3-9]\d{9}$/.test(c.phone[i])) throw new Error(`bad phone ${c.phone[i]}`);
  }
  if (checked === 0 && t.id.length) throw new Error('no work order of the sample could be checked');
}
