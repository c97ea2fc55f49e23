import { formatFieldError, validateFields } from '@kefu/shared/form-validation';
import { visibleFields, type FormDefinition } from '@kefu/shared/forms';
import type { Locale } from '../../i18n/locale-store.ts';

export type FieldValues = Record<string, unknown>;
export type FieldErrors = Record<string, string>;

/** Only the values of fields in visible sections: hidden sections are never submitted. */
export function applicableValues(def: FormDefinition, values: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const f of visibleFields(def, values)) {
    if (values[f.key] !== undefined) out[f.key] = values[f.key];
  }
  return out;
}

/** Client-side check with the same rules the server applies; messages keyed by field. */
export function validateForSubmit(
  def: FormDefinition,
  values: FieldValues,
  locale: Locale,
): { clean: FieldValues; errors: FieldErrors } {
  const { values: clean, errors } = validateFields(def, applicableValues(def, values));
  const byKey: FieldErrors = {};
  for (const e of errors) {
    // the message sits under its field, so the "(key)" suffix is noise there
    byKey[e.key] ??= formatFieldError(def, e, locale).replace(` (${e.key})`, '');
  }
  return { clean, errors: byKey };
}

/** Fields whose value changed; a cleared field is sent as null. */
export function changedValues(before: FieldValues, after: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[k] ?? null;
    const b = after[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = b;
  }
  return out;
}

/** Server validation details (path "fields.x" or "x") mapped onto field keys. */
export function detailsToFieldErrors(details: { path: string; message: string }[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details ?? []) {
    const key = d.path.replace(/^\/?(body[./])?(fields[./])?/, '').split(/[./]/)[0];
    if (key) out[key] ??= d.message;
  }
  return out;
}

/** Errors of fields the user has since changed are dropped: they get re-checked on save. */
export function dropChangedErrors(errors: FieldErrors, before: FieldValues, after: FieldValues): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, msg] of Object.entries(errors)) {
    if (JSON.stringify(before[k] ?? null) === JSON.stringify(after[k] ?? null)) out[k] = msg;
  }
  return out;
}
