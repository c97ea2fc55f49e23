import { describe, expect, it } from 'vitest';
import { formDefinition, type FormDefinition } from './forms.ts';
import { formatFieldError, validateFields } from './form-validation.ts';

const def: FormDefinition = formDefinition.parse({
  type: 'complaint',
  name: { zh: '投诉', en: 'Complaint' },
  sections: [
    { key: 'main', title: { zh: '投诉', en: 'Complaint' }, fields: [
      { key: 'reason', label: { zh: '投诉事由', en: 'Reason' }, type: 'textarea', required: true, maxLength: 10 },
      { key: 'category', label: { zh: '类别', en: 'Category' }, type: 'select', required: true,
        options: [{ value: 'product_quality', label: { zh: '产品', en: 'Product' } }, { value: 'service_quality', label: { zh: '服务', en: 'Service' } }] },
      { key: 'count', label: { zh: '数量', en: 'Count' }, type: 'integer', min: 1, max: 5 },
      { key: 'when', label: { zh: '日期', en: 'Date' }, type: 'date' },
    ] },
    { key: 'product', title: { zh: '产品', en: 'Product' }, when: { field: 'category', in: ['product_quality'] }, fields: [
      { key: 'batchNumber', label: { zh: '批号', en: 'Batch' }, type: 'text', required: true },
      { key: 'injury', label: { zh: '受伤', en: 'Injury' }, type: 'boolean' },
    ] },
    { key: 'injured', title: { zh: '伤情', en: 'Injury' }, when: { field: 'injury', in: [true] }, fields: [
      { key: 'injuryDetail', label: { zh: '伤情', en: 'Injury detail' }, type: 'text', required: true },
    ] },
  ],
});

const codes = (values: Record<string, unknown>) => validateFields(def, values).errors.map((e) => `${e.key}:${e.code}`).sort();

describe('validateFields', () => {
  it('accepts a complete product-quality complaint and trims text', () => {
    const r = validateFields(def, { reason: '有异味', category: 'product_quality', batchNumber: ' B1 ' });
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ reason: '有异味', category: 'product_quality', batchNumber: 'B1' });
  });

  it('requires the fields of a section only when the section applies', () => {
    expect(codes({ reason: 'x', category: 'product_quality' })).toEqual(['batchNumber:required']);
    expect(codes({ reason: 'x', category: 'service_quality' })).toEqual([]);
    expect(codes({ reason: 'x', category: 'product_quality', batchNumber: 'B', injury: true })).toEqual(['injuryDetail:required']);
  });

  it('rejects values for sections that do not apply, and unknown fields', () => {
    expect(codes({ reason: 'x', category: 'service_quality', batchNumber: 'B', foo: 1 })).toEqual(['batchNumber:not_applicable', 'foo:unknown_field']);
  });

  it('checks types, options, ranges, lengths and dates', () => {
    expect(codes({ reason: 'x'.repeat(11), category: 'nope', count: 1.5, when: '2026-02-30' }))
      .toEqual(['category:not_an_option', 'count:wrong_type', 'reason:too_long', 'when:invalid_date']);
    expect(codes({ reason: 'x', category: 'service_quality', count: 9 })).toEqual(['count:too_large']);
    expect(codes({ reason: 5, category: 'service_quality' })).toEqual(['reason:wrong_type']);
  });

  it('counts Chinese characters, not bytes, against maxLength', () => {
    expect(codes({ reason: '一二三四五六七八九十', category: 'service_quality' })).toEqual([]);
  });

  it('formats errors in both languages with the field label and key', () => {
    const [e] = validateFields(def, { category: 'service_quality' }).errors;
    expect(formatFieldError(def, e, 'zh-CN')).toBe('「投诉事由 (reason)」为必填项');
    expect(formatFieldError(def, e, 'en-US')).toBe('"Reason (reason)" is required');
  });
});

describe('formDefinition', () => {
  it('refuses duplicate keys, selects without options and conditions on unknown fields', () => {
    const bad = formDefinition.safeParse({
      type: 'x', name: { zh: 'x', en: 'x' },
      sections: [{ key: 's', title: { zh: 's', en: 's' }, when: { field: 'ghost', in: ['a'] }, fields: [
        { key: 'a', label: { zh: 'a', en: 'a' }, type: 'select' },
        { key: 'a', label: { zh: 'a', en: 'a' }, type: 'text' },
      ] }],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join('|');
    expect(messages).toContain('duplicate field key a');
    expect(messages).toContain('field a needs options');
    expect(messages).toContain('unknown field ghost');
  });
});
