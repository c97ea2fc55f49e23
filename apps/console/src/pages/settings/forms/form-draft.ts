import type { FieldDef, FieldType, FormDefinition, Localized, SectionDef } from '@kefu/shared/forms';

// The form editor's model: a draft of a form definition and the edits a
// manager makes to it — pure functions from one draft to the next, so the
// editor's screens stay thin and every edit is unit-tested. A draft may be
// incomplete (empty labels, a select without options); form-draft-issues.ts
// says what stops it from being published.

export type FormDraft = FormDefinition;
export type SectionCondition = NonNullable<SectionDef['when']>;

export const OPTION_TYPES: readonly FieldType[] = ['select', 'multiselect'];
const NUMBER_TYPES: readonly FieldType[] = ['number', 'integer'];
const TEXT_TYPES: readonly FieldType[] = ['text', 'textarea'];

const blank = (): Localized => ({ zh: '', en: '' });

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export function allKeys(draft: FormDraft): Set<string> {
  return new Set(draft.sections.flatMap((s) => s.fields.map((f) => f.key)));
}

/** `base`, or `base2`, `base3`… — the first not in `taken`. */
export function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** A field key from its English label: "Batch number" → "batchNumber" (camelCase ASCII, as the API wants). */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/^[\d ]+/, '') // a key starts with a letter
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  return key.slice(0, 48);
}

// ---- sections

export function addSection(draft: FormDraft): FormDraft {
  const taken = new Set(draft.sections.map((s) => s.key));
  return { ...draft, sections: [...draft.sections, { key: uniqueKey('section', taken), title: blank(), fields: [] }] };
}

export function removeSection(draft: FormDraft, si: number): FormDraft {
  const gone = new Set(draft.sections[si]?.fields.map((f) => f.key) ?? []);
  return {
    ...draft,
    sections: draft.sections.filter((_, i) => i !== si),
    subjectFields: draft.subjectFields?.filter((k) => !gone.has(k)),
  };
}

export function moveSection(draft: FormDraft, from: number, to: number): FormDraft {
  return { ...draft, sections: moveItem(draft.sections, from, to) };
}

export function updateSection(draft: FormDraft, si: number, patch: Partial<Pick<SectionDef, 'key' | 'title'>>): FormDraft {
  return { ...draft, sections: draft.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) };
}

/** Show a section only when a field has one of some values; undefined: always. */
export function setCondition(draft: FormDraft, si: number, when: SectionCondition | undefined): FormDraft {
  return {
    ...draft,
    sections: draft.sections.map((s, i) => {
      if (i !== si) return s;
      const { when: _old, ...rest } = s;
      return when ? { ...rest, when } : rest;
    }),
  };
}

/** Fields a section's condition may look at: choices and yes/no fields of the sections before it. */
export function conditionFields(draft: FormDraft, si: number): FieldDef[] {
  return draft.sections
    .slice(0, si)
    .flatMap((s) => s.fields)
    .filter((f) => f.type === 'select' || f.type === 'boolean');
}

// ---- fields

export function addField(draft: FormDraft, si: number): { draft: FormDraft; key: string } {
  const key = uniqueKey('newField', allKeys(draft));
  const field: FieldDef = { key, label: blank(), type: 'text' };
  const sections = draft.sections.map((s, i) => (i === si ? { ...s, fields: [...s.fields, field] } : s));
  return { draft: { ...draft, sections }, key };
}

export function removeField(draft: FormDraft, si: number, fi: number): FormDraft {
  const key = draft.sections[si]?.fields[fi]?.key;
  return {
    ...draft,
    sections: draft.sections.map((s, i) => (i === si ? { ...s, fields: s.fields.filter((_, j) => j !== fi) } : s)),
    subjectFields: draft.subjectFields?.filter((k) => k !== key),
  };
}

export function moveField(draft: FormDraft, si: number, from: number, to: number): FormDraft {
  return { ...draft, sections: draft.sections.map((s, i) => (i === si ? { ...s, fields: moveItem(s.fields, from, to) } : s)) };
}

/** Moves a field to the end of another section. */
export function moveFieldToSection(draft: FormDraft, si: number, fi: number, target: number): FormDraft {
  const field = draft.sections[si]?.fields[fi];
  if (!field || si === target || !draft.sections[target]) return draft;
  return {
    ...draft,
    sections: draft.sections.map((s, i) => {
      if (i === si) return { ...s, fields: s.fields.filter((_, j) => j !== fi) };
      if (i === target) return { ...s, fields: [...s.fields, field] };
      return s;
    }),
  };
}

/**
 * Changes a field. A new type drops the settings that no longer apply (a
 * text field has no options); a new key is followed by the conditions and
 * subject fields that named the old one.
 */
export function updateField(draft: FormDraft, si: number, fi: number, patch: Partial<FieldDef>): FormDraft {
  const old = draft.sections[si]?.fields[fi];
  if (!old) return draft;
  let field: FieldDef = { ...old, ...patch };
  if (patch.type && patch.type !== old.type) field = fitToType(field);
  const renamed = patch.key !== undefined && patch.key !== old.key ? { from: old.key, to: patch.key } : null;
  const sections = draft.sections.map((s, i) => {
    const fields = i === si ? s.fields.map((f, j) => (j === fi ? field : f)) : s.fields;
    const when = s.when && renamed && s.when.field === renamed.from ? { ...s.when, field: renamed.to } : s.when;
    return when ? { ...s, fields, when } : { ...s, fields };
  });
  const subjectFields = renamed ? draft.subjectFields?.map((k) => (k === renamed.from ? renamed.to : k)) : draft.subjectFields;
  return { ...draft, sections, ...(subjectFields ? { subjectFields } : {}) };
}

function fitToType(f: FieldDef): FieldDef {
  const { options, min, max, maxLength, ...rest } = f;
  return {
    ...rest,
    ...(OPTION_TYPES.includes(f.type) ? { options: options ?? [] } : {}),
    ...(NUMBER_TYPES.includes(f.type) ? { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) } : {}),
    ...(TEXT_TYPES.includes(f.type) && maxLength !== undefined ? { maxLength } : {}),
  };
}

// ---- options of a choice field

type FieldOption = NonNullable<FieldDef['options']>[number];

function withOptions(draft: FormDraft, si: number, fi: number, change: (options: FieldOption[]) => FieldOption[]): FormDraft {
  const field = draft.sections[si]?.fields[fi];
  if (!field) return draft;
  return updateField(draft, si, fi, { options: change(field.options ?? []) });
}

export function addOption(draft: FormDraft, si: number, fi: number): FormDraft {
  return withOptions(draft, si, fi, (options) => {
    const taken = new Set(options.map((o) => o.value));
    return [...options, { value: uniqueKey(`option${options.length + 1}`, taken), label: blank() }];
  });
}

export function updateOption(draft: FormDraft, si: number, fi: number, oi: number, patch: Partial<FieldOption>): FormDraft {
  return withOptions(draft, si, fi, (options) => options.map((o, i) => (i === oi ? { ...o, ...patch } : o)));
}

export function removeOption(draft: FormDraft, si: number, fi: number, oi: number): FormDraft {
  return withOptions(draft, si, fi, (options) => options.filter((_, i) => i !== oi));
}

export function moveOption(draft: FormDraft, si: number, fi: number, from: number, to: number): FormDraft {
  return withOptions(draft, si, fi, (options) => moveItem(options, from, to));
}

// ---- what the editor sends

/** The draft as PUT /forms/:type takes it: text trimmed, empty help dropped. */
export function toDefinition(draft: FormDraft): FormDefinition {
  const trim = (l: Localized): Localized => ({ zh: l.zh.trim(), en: l.en.trim() });
  return {
    ...draft,
    name: trim(draft.name),
    sections: draft.sections.map((s) => ({
      ...s,
      title: trim(s.title),
      fields: s.fields.map((f) => {
        const { help, ...rest } = f;
        const helpText = help ? trim(help) : undefined;
        return {
          ...rest,
          key: f.key.trim(),
          label: trim(f.label),
          ...(helpText && (helpText.zh || helpText.en) ? { help: { zh: helpText.zh || helpText.en, en: helpText.en || helpText.zh } } : {}),
          ...(f.options ? { options: f.options.map((o) => ({ value: o.value.trim(), label: trim(o.label) })) } : {}),
        };
      }),
    })),
  };
}

/** Keys of the published version: renaming one would break API clients and reports, so the editor locks them. */
export function publishedKeys(published: FormDefinition | undefined): Set<string> {
  return published ? allKeys(published) : new Set();
}
