import { allFields, visibleFields, type FieldDef, type FormDefinition } from './forms.ts';
import { isSaneInstant } from './instant.ts';

export type FieldErrorCode =
  | 'unknown_field'
  | 'not_applicable'
  | 'required'
  | 'wrong_type'
  | 'too_long'
  | 'not_an_option'
  | 'too_small'
  | 'too_large'
  | 'invalid_date';

export interface FieldError {
  key: string;
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_MAX_TEXT = 200;
const DEFAULT_MAX_TEXTAREA = 4000;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function validDate(s: string): boolean {
  if (!DATE.test(s) || !isSaneInstant(`${s}T00:00:00Z`)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === s;
}

function checkValue(f: FieldDef, v: unknown): FieldError | null {
  const err = (code: FieldErrorCode, params?: FieldError['params']): FieldError => ({ key: f.key, code, params });
  switch (f.type) {
    case 'text':
    case 'textarea': {
      if (typeof v !== 'string') return err('wrong_type', { expected: 'string' });
      const max = f.maxLength ?? (f.type === 'text' ? DEFAULT_MAX_TEXT : DEFAULT_MAX_TEXTAREA);
      if ([...v].length > max) return err('too_long', { max });
      return null;
    }
    case 'number':
    case 'integer': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return err('wrong_type', { expected: 'number' });
      if (f.type === 'integer' && !Number.isInteger(v)) return err('wrong_type', { expected: 'integer' });
      if (f.min !== undefined && v < f.min) return err('too_small', { min: f.min });
      if (f.max !== undefined && v > f.max) return err('too_large', { max: f.max });
      return null;
    }
    case 'boolean':
      return typeof v === 'boolean' ? null : err('wrong_type', { expected: 'boolean' });
    case 'select':
      if (typeof v !== 'string') return err('wrong_type', { expected: 'string' });
      return f.options!.some((o) => o.value === v)
        ? null
        : err('not_an_option', { options: f.options!.map((o) => o.value).join(', ') });
    case 'multiselect': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return err('wrong_type', { expected: 'string[]' });
      const bad = v.find((x) => !f.options!.some((o) => o.value === x));
      return bad === undefined ? null : err('not_an_option', { options: f.options!.map((o) => o.value).join(', ') });
    }
    case 'date':
      if (typeof v !== 'string') return err('wrong_type', { expected: 'YYYY-MM-DD' });
      return validDate(v) ? null : err('invalid_date');
    case 'datetime':
      if (typeof v !== 'string' || !isSaneInstant(v) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) {
        return err('invalid_date');
      }
      return null;
  }
}

/**
 * Validates submitted field values against a form definition. Returns the
 * cleaned values (empty optional values dropped) and every error found, so a
 * client can show all problems at once.
 */
export function validateFields(
  def: FormDefinition,
  values: Record<string, unknown>,
): { values: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const known = new Map(allFields(def).map((f) => [f.key, f]));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push({ key, code: 'unknown_field' });
  }
  const visible = visibleFields(def, values);
  const visibleKeys = new Set(visible.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (known.has(key) && !visibleKeys.has(key) && !isEmpty(values[key])) {
      errors.push({ key, code: 'not_applicable' });
    }
  }
  const clean: Record<string, unknown> = {};
  for (const f of visible) {
    const v = values[f.key];
    if (isEmpty(v)) {
      if (f.required) errors.push({ key: f.key, code: 'required' });
      continue;
    }
    const e = checkValue(f, typeof v === 'string' && f.type !== 'textarea' ? v.trim() : v);
    if (e) errors.push(e);
    else clean[f.key] = typeof v === 'string' && f.type !== 'textarea' ? v.trim() : v;
  }
  return { values: clean, errors };
}

const MESSAGES: Record<'zh-CN' | 'en-US', Record<FieldErrorCode, string>> = {
  'zh-CN': {
    unknown_field: '未知字段「{key}」',
    not_applicable: '字段「{label}」在当前选项下不适用',
    required: '「{label}」为必填项',
    wrong_type: '「{label}」类型错误,应为 {expected}',
    too_long: '「{label}」不能超过 {max} 个字',
    not_an_option: '「{label}」的取值无效,可选:{options}',
    too_small: '「{label}」不能小于 {min}',
    too_large: '「{label}」不能大于 {max}',
    invalid_date: '「{label}」不是有效日期',
  },
  'en-US': {
    unknown_field: 'Unknown field "{key}"',
    not_applicable: '"{label}" does not apply to the chosen options',
    required: '"{label}" is required',
    wrong_type: '"{label}" has the wrong type; expected {expected}',
    too_long: '"{label}" must be at most {max} characters',
    not_an_option: '"{label}" has an invalid value; allowed: {options}',
    too_small: '"{label}" must be at least {min}',
    too_large: '"{label}" must be at most {max}',
    invalid_date: '"{label}" is not a valid date',
  },
};

export function formatFieldError(def: FormDefinition, e: FieldError, locale: 'zh-CN' | 'en-US'): string {
  const f = allFields(def).find((x) => x.key === e.key);
  const label = f ? (locale === 'zh-CN' ? f.label.zh : f.label.en) : e.key;
  const vars: Record<string, string | number> = { key: e.key, label: `${label} (${e.key})`, ...e.params };
  return MESSAGES[locale][e.code].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
