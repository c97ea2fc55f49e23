import { z } from 'zod';
import { TICKET_STATUSES } from './ticket-status.ts';

// A form definition is data: the console renders it, the server validates
// against it. Field keys are a stable API contract (see README "Form fields").

export const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localized>;

export const FIELD_TYPES = [
  'text', 'textarea', 'number', 'integer', 'select', 'multiselect', 'date', 'datetime', 'boolean',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldOption = z.object({ value: z.string().min(1).max(64), label: localized });

const KEY = /^[a-z][a-zA-Z0-9]{0,47}$/;

export const fieldDef = z.object({
  key: z.string().regex(KEY, 'field keys are camelCase ASCII'),
  label: localized,
  type: z.enum(FIELD_TYPES),
  required: z.boolean().optional(),
  options: z.array(fieldOption).optional(),
  maxLength: z.number().int().positive().max(10000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  help: localized.optional(),
});
export type FieldDef = z.infer<typeof fieldDef>;

/** A section shows only when another field has one of the listed values. */
export const sectionCondition = z.object({
  field: z.string(),
  in: z.array(z.union([z.string(), z.boolean()])).min(1),
});

export const sectionDef = z.object({
  key: z.string().regex(KEY),
  title: localized,
  when: sectionCondition.optional(),
  fields: z.array(fieldDef).min(1),
});
export type SectionDef = z.infer<typeof sectionDef>;

export const formDefinition = z
  .object({
    type: z.string().regex(/^[a-z][a-z_]{1,31}$/),
    name: localized,
    sections: z.array(sectionDef).min(1),
    lifecycle: z.record(z.enum(TICKET_STATUSES), z.array(z.enum(TICKET_STATUSES))).optional(),
    /** fields whose values make the work order's title when none is given */
    subjectFields: z.array(z.string()).optional(),
    /** made by the system (e.g. tasks rules create), not offered at intake */
    internal: z.boolean().optional(),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    for (const s of def.sections) {
      for (const f of s.fields) {
        if (seen.has(f.key)) ctx.addIssue({ code: 'custom', message: `duplicate field key ${f.key}` });
        seen.add(f.key);
        if ((f.type === 'select' || f.type === 'multiselect') && !f.options?.length) {
          ctx.addIssue({ code: 'custom', message: `field ${f.key} needs options` });
        }
      }
    }
    for (const s of def.sections) {
      if (s.when && !seen.has(s.when.field)) {
        ctx.addIssue({ code: 'custom', message: `section ${s.key} depends on unknown field ${s.when.field}` });
      }
    }
  });
export type FormDefinition = z.infer<typeof formDefinition>;

// definitions are read-only once loaded and every intake asks several times
const fieldLists = new WeakMap<FormDefinition, FieldDef[]>();

/** Every field of the form, in order (do not modify the list: it is shared). */
export function allFields(def: FormDefinition): FieldDef[] {
  let list = fieldLists.get(def);
  if (!list) {
    list = def.sections.flatMap((s) => s.fields);
    fieldLists.set(def, list);
  }
  return list;
}

export function isSectionVisible(section: SectionDef, values: Record<string, unknown>): boolean {
  if (!section.when) return true;
  const v = values[section.when.field];
  return section.when.in.some((x) => x === v);
}

/** Keys of the fields that apply to these values (conditional sections resolved). */
export function visibleFields(def: FormDefinition, values: Record<string, unknown>): FieldDef[] {
  return def.sections.filter((s) => isSectionVisible(s, values)).flatMap((s) => s.fields);
}
