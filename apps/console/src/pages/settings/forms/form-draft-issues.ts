import { formDefinition, type FieldDef, type Localized } from '@kefu/shared/forms';
import type { T } from '../../../i18n/i18n-provider.tsx';
import { OPTION_TYPES, toDefinition, type FormDraft } from './form-draft.ts';

// What stops a draft from being published, found in the browser so the
// manager sees every problem at once, in their language, next to the part it
// is about. The server checks the same definition again (formDefinition).

export type IssueCode =
  | 'name_missing'
  | 'no_sections'
  | 'section_title_missing'
  | 'section_key_invalid'
  | 'section_key_duplicate'
  | 'section_empty'
  | 'field_label_missing'
  | 'field_key_invalid'
  | 'field_key_duplicate'
  | 'options_missing'
  | 'option_value_invalid'
  | 'option_value_duplicate'
  | 'option_label_missing'
  | 'min_above_max'
  | 'condition_field_unknown'
  | 'condition_field_not_before'
  | 'condition_field_type'
  | 'condition_values_empty'
  | 'condition_value_unknown'
  | 'invalid';

export interface DraftIssue {
  code: IssueCode;
  section?: number;
  field?: number;
  option?: number;
  /** which language a missing text is missing in */
  lang?: 'zh' | 'en';
}

const KEY = /^[a-z][a-zA-Z0-9]{0,47}$/;
const missingLangs = (l: Localized | undefined): ('zh' | 'en')[] =>
  (['zh', 'en'] as const).filter((lang) => !l?.[lang]?.trim());

export function draftIssues(draft: FormDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const lang of missingLangs(draft.name)) issues.push({ code: 'name_missing', lang });
  if (!draft.sections.length) issues.push({ code: 'no_sections' });

  const fieldAt = new Map<string, { section: number; field: FieldDef }>();
  const sectionKeys = new Set<string>();
  draft.sections.forEach((s, si) => {
    for (const lang of missingLangs(s.title)) issues.push({ code: 'section_title_missing', section: si, lang });
    if (!KEY.test(s.key)) issues.push({ code: 'section_key_invalid', section: si });
    else if (sectionKeys.has(s.key)) issues.push({ code: 'section_key_duplicate', section: si });
    sectionKeys.add(s.key);
    if (!s.fields.length) issues.push({ code: 'section_empty', section: si });
    s.fields.forEach((f, fi) => {
      const at = { section: si, field: fi };
      for (const lang of missingLangs(f.label)) issues.push({ code: 'field_label_missing', ...at, lang });
      if (!KEY.test(f.key.trim())) issues.push({ code: 'field_key_invalid', ...at });
      else if (fieldAt.has(f.key)) issues.push({ code: 'field_key_duplicate', ...at });
      else fieldAt.set(f.key, { section: si, field: f });
      if (OPTION_TYPES.includes(f.type)) issues.push(...optionIssues(f, si, fi));
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) issues.push({ code: 'min_above_max', ...at });
    });
  });

  draft.sections.forEach((s, si) => {
    if (!s.when) return;
    const target = fieldAt.get(s.when.field);
    if (!target) issues.push({ code: 'condition_field_unknown', section: si });
    else if (target.section >= si) issues.push({ code: 'condition_field_not_before', section: si });
    else if (target.field.type !== 'select' && target.field.type !== 'boolean') issues.push({ code: 'condition_field_type', section: si });
    else if (!s.when.in.length) issues.push({ code: 'condition_values_empty', section: si });
    else if (s.when.in.some((v) => !valueFits(target.field, v))) issues.push({ code: 'condition_value_unknown', section: si });
  });

  // anything the shared schema still refuses (a guard: the checks above should catch it first)
  if (!issues.length && !formDefinition.safeParse(toDefinition(draft)).success) issues.push({ code: 'invalid' });
  return issues;
}

function optionIssues(f: FieldDef, si: number, fi: number): DraftIssue[] {
  const options = f.options ?? [];
  if (!options.length) return [{ code: 'options_missing', section: si, field: fi }];
  const issues: DraftIssue[] = [];
  const seen = new Set<string>();
  options.forEach((o, oi) => {
    const at = { section: si, field: fi, option: oi };
    const value = o.value.trim();
    if (!value || value.length > 64) issues.push({ code: 'option_value_invalid', ...at });
    else if (seen.has(value)) issues.push({ code: 'option_value_duplicate', ...at });
    seen.add(value);
    for (const lang of missingLangs(o.label)) issues.push({ code: 'option_label_missing', ...at, lang });
  });
  return issues;
}

function valueFits(f: FieldDef, v: string | boolean): boolean {
  return f.type === 'boolean' ? typeof v === 'boolean' : f.options?.some((o) => o.value === v) ?? false;
}

/** The issues of one section, field or option, for marking the place in the editor. */
export function issuesAt(issues: DraftIssue[], at: { section: number; field?: number; option?: number }): DraftIssue[] {
  return issues.filter(
    (i) => i.section === at.section && (at.field === undefined || i.field === at.field) && (at.option === undefined || i.option === at.option),
  );
}

/** An issue in a sentence that names the section and field in the user's language. */
export function issueText(t: T, draft: FormDraft, issue: DraftIssue, pick: (l: Localized) => string): string {
  const section = issue.section !== undefined ? draft.sections[issue.section] : undefined;
  const field = section && issue.field !== undefined ? section.fields[issue.field] : undefined;
  const name = (l: Localized | undefined, fallback: string) => (l ? pick(l) || l.zh || l.en : '') || fallback;
  return t(`formEditor.issue.${issue.code}`, {
    section: section ? name(section.title, t('formEditor.sectionN', { n: issue.section! + 1 })) : '',
    field: field ? name(field.label, field.key) : '',
    option: issue.option !== undefined ? issue.option + 1 : '',
    lang: issue.lang ? t(`formEditor.lang.${issue.lang}`) : '',
  });
}
