import { describe, expect, it } from 'vitest';
import { formDefinition, type FormDefinition } from '@kefu/shared/forms';
import { translate } from '../../../i18n/translate.ts';
import type { T } from '../../../i18n/i18n-provider.tsx';
import {
  addField,
  addOption,
  addSection,
  conditionFields,
  keyFromLabel,
  moveField,
  moveFieldToSection,
  moveOption,
  moveSection,
  publishedKeys,
  removeField,
  removeSection,
  setCondition,
  toDefinition,
  updateField,
  updateOption,
  updateSection,
} from './form-draft.ts';
import { draftIssues, issueText, issuesAt } from './form-draft-issues.ts';

const complaint: FormDefinition = {
  type: 'complaint',
  name: { zh: '投诉', en: 'Complaint' },
  subjectFields: ['target', 'reason'],
  sections: [
    {
      key: 'basics',
      title: { zh: '基本信息', en: 'Basics' },
      fields: [
        { key: 'target', label: { zh: '投诉对象', en: 'Target' }, type: 'text', required: true },
        { key: 'reason', label: { zh: '投诉原因', en: 'Reason' }, type: 'textarea' },
        {
          key: 'category',
          label: { zh: '类别', en: 'Category' },
          type: 'select',
          options: [
            { value: 'product_quality', label: { zh: '产品质量问题', en: 'Product quality' } },
            { value: 'service_quality', label: { zh: '服务质量问题', en: 'Service quality' } },
          ],
        },
      ],
    },
    {
      key: 'productQuality',
      title: { zh: '产品质量', en: 'Product quality' },
      when: { field: 'category', in: ['product_quality'] },
      fields: [{ key: 'batchNumber', label: { zh: '批号', en: 'Batch number' }, type: 'text' }],
    },
  ],
};

const en: T = (key, vars) => translate('en-US', key, vars);
const zh: T = (key, vars) => translate('zh-CN', key, vars);
const keys = (d: FormDefinition, si: number) => d.sections[si].fields.map((f) => f.key);

describe('form editor: editing a draft', () => {
  it('starts from a definition the shared schema accepts, with no issues', () => {
    expect(draftIssues(complaint)).toEqual([]);
  });

  it('adds a field with a free key, then reorders it and moves it to another section', () => {
    const { draft, key } = addField(complaint, 0);
    expect(key).toBe('newField');
    expect(keys(draft, 0)).toEqual(['target', 'reason', 'category', 'newField']);
    expect(addField(draft, 0).key).toBe('newField2');
    const up = moveField(draft, 0, 3, 0);
    expect(keys(up, 0)).toEqual(['newField', 'target', 'reason', 'category']);
    const moved = moveFieldToSection(up, 0, 0, 1);
    expect(keys(moved, 0)).toEqual(['target', 'reason', 'category']);
    expect(keys(moved, 1)).toEqual(['batchNumber', 'newField']);
  });

  it('says what a new field still needs, in the user language, and nothing once it is filled in', () => {
    const { draft } = addField(complaint, 1);
    const issues = draftIssues(draft);
    expect(issues).toEqual([
      { code: 'field_label_missing', section: 1, field: 1, lang: 'zh' },
      { code: 'field_label_missing', section: 1, field: 1, lang: 'en' },
    ]);
    expect(issueText(en, draft, issues[0], (l) => l.en)).toBe('Field "newField" in "Product quality" has no Chinese label');
    expect(issueText(zh, draft, issues[1], (l) => l.zh)).toBe('「产品质量」中的字段「newField」缺少英文名称');
    const named = updateField(draft, 1, 1, { label: { zh: '购买渠道', en: 'Bought at' }, key: keyFromLabel('Bought at') });
    expect(named.sections[1].fields[1].key).toBe('boughtAt');
    expect(draftIssues(named)).toEqual([]);
    expect(formDefinition.safeParse(toDefinition(named)).success).toBe(true);
  });

  it('makes camelCase keys from English labels', () => {
    expect(keyFromLabel('Batch number')).toBe('batchNumber');
    expect(keyFromLabel('  Date of the 2nd visit! ')).toBe('dateOfThe2ndVisit');
    expect(keyFromLabel('3 days')).toBe('days');
    expect(keyFromLabel('投诉')).toBe('');
  });

  it('gives a choice field options and drops them when it becomes text', () => {
    let d = updateField(complaint, 0, 0, { type: 'select' });
    expect(d.sections[0].fields[0].options).toEqual([]);
    expect(draftIssues(d)).toEqual([{ code: 'options_missing', section: 0, field: 0 }]);
    d = addOption(addOption(d, 0, 0), 0, 0);
    expect(d.sections[0].fields[0].options!.map((o) => o.value)).toEqual(['option1', 'option2']);
    d = updateOption(d, 0, 0, 0, { value: 'shop', label: { zh: '门店', en: 'Shop' } });
    d = updateOption(d, 0, 0, 1, { value: 'shop', label: { zh: '网店', en: 'Web shop' } });
    expect(draftIssues(d)).toEqual([{ code: 'option_value_duplicate', section: 0, field: 0, option: 1 }]);
    d = updateOption(d, 0, 0, 1, { value: 'web' });
    d = moveOption(d, 0, 0, 1, 0);
    expect(d.sections[0].fields[0].options!.map((o) => o.value)).toEqual(['web', 'shop']);
    expect(draftIssues(d)).toEqual([]);
    const text = updateField(d, 0, 0, { type: 'text' });
    expect(text.sections[0].fields[0]).not.toHaveProperty('options');
  });

  it('keeps min and max only on numbers, and says when min is above max', () => {
    let d = updateField(complaint, 0, 0, { type: 'integer', min: 5, max: 1 });
    expect(draftIssues(d)).toEqual([{ code: 'min_above_max', section: 0, field: 0 }]);
    d = updateField(d, 0, 0, { type: 'text' });
    expect(d.sections[0].fields[0]).not.toHaveProperty('min');
  });

  it('finds duplicate and malformed keys', () => {
    const dup = updateField(complaint, 1, 0, { key: 'target' });
    expect(draftIssues(dup)).toEqual([{ code: 'field_key_duplicate', section: 1, field: 0 }]);
    const bad = updateField(complaint, 1, 0, { key: 'Batch-no' });
    expect(draftIssues(bad)).toEqual([{ code: 'field_key_invalid', section: 1, field: 0 }]);
  });

  it('renames a key everywhere it is used: conditions and subject fields', () => {
    const d = updateField(complaint, 0, 2, { key: 'kind' });
    expect(d.sections[1].when).toEqual({ field: 'kind', in: ['product_quality'] });
    const r = updateField(complaint, 0, 0, { key: 'about' });
    expect(r.subjectFields).toEqual(['about', 'reason']);
  });

  it('adds a conditional section that depends on a choice above it', () => {
    let d = addSection(complaint);
    expect(d.sections[2].key).toBe('section');
    expect(conditionFields(d, 2).map((f) => f.key)).toEqual(['category']);
    d = updateSection(d, 2, { key: 'serviceQuality', title: { zh: '服务质量', en: 'Service quality' } });
    d = addField(d, 2).draft;
    d = updateField(d, 2, 0, { key: 'staffName', label: { zh: '员工姓名', en: 'Staff name' } });
    d = setCondition(d, 2, { field: 'category', in: [] });
    expect(draftIssues(d)).toEqual([{ code: 'condition_values_empty', section: 2 }]);
    d = setCondition(d, 2, { field: 'category', in: ['nope'] });
    expect(draftIssues(d)).toEqual([{ code: 'condition_value_unknown', section: 2 }]);
    d = setCondition(d, 2, { field: 'category', in: ['service_quality'] });
    expect(draftIssues(d)).toEqual([]);
    expect(formDefinition.safeParse(toDefinition(d)).success).toBe(true);
    // moved above the field it depends on, the condition no longer works
    const above = moveSection(d, 2, 0);
    expect(draftIssues(above)).toEqual([{ code: 'condition_field_not_before', section: 0 }]);
    expect(issueText(en, above, draftIssues(above)[0], (l) => l.en)).toBe(
      'The condition of "Service quality" must name a field of a section above it',
    );
    expect(setCondition(d, 2, undefined).sections[2]).not.toHaveProperty('when');
  });

  it('says when a section is empty or depends on a field that went away', () => {
    const empty = addSection(complaint);
    expect(issuesAt(draftIssues(empty), { section: 2 }).map((i) => i.code)).toEqual([
      'section_title_missing',
      'section_title_missing',
      'section_empty',
    ]);
    const gone = removeField(complaint, 0, 2);
    expect(draftIssues(gone)).toEqual([{ code: 'condition_field_unknown', section: 1 }]);
    const noSubject = removeSection(complaint, 0);
    expect(noSubject.subjectFields).toEqual([]);
    expect(draftIssues(removeSection(noSubject, 0))).toEqual([{ code: 'no_sections' }]);
  });

  it('trims text and drops empty help before publishing; knows the published keys', () => {
    const d = updateField(complaint, 0, 0, { label: { zh: ' 投诉对象 ', en: 'Target ' }, help: { zh: ' ', en: '' } });
    const def = toDefinition(d);
    expect(def.sections[0].fields[0].label).toEqual({ zh: '投诉对象', en: 'Target' });
    expect(def.sections[0].fields[0]).not.toHaveProperty('help');
    const oneLang = toDefinition(updateField(complaint, 0, 0, { help: { zh: '写明产品', en: '' } }));
    expect(oneLang.sections[0].fields[0].help).toEqual({ zh: '写明产品', en: '写明产品' });
    expect([...publishedKeys(complaint)]).toEqual(['target', 'reason', 'category', 'batchNumber']);
    expect(publishedKeys(undefined).size).toBe(0);
  });
});
