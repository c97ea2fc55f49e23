import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@kefu/shared/forms';
import { applicableValues, changedValues, detailsToFieldErrors, validateForSubmit } from './form-values.ts';

const l = (zh: string, en: string) => ({ zh, en });
const complaint: FormDefinition = {
  type: 'complaint',
  name: l('投诉', 'Complaint'),
  sections: [
    {
      key: 'main',
      title: l('投诉内容', 'Complaint'),
      fields: [
        { key: 'target', label: l('投诉对象', 'Target'), type: 'text', required: true },
        {
          key: 'category',
          label: l('投诉类别', 'Category'),
          type: 'select',
          required: true,
          options: [
            { value: 'product_quality', label: l('产品质量', 'Product') },
            { value: 'service_quality', label: l('服务质量', 'Service') },
          ],
        },
      ],
    },
    {
      key: 'product',
      title: l('产品质量问题', 'Product quality'),
      when: { field: 'category', in: ['product_quality'] },
      fields: [
        { key: 'batchNumber', label: l('生产批号', 'Batch number'), type: 'text', required: true },
        { key: 'productionDate', label: l('出厂日期', 'Production date'), type: 'date' },
      ],
    },
    {
      key: 'service',
      title: l('服务质量问题', 'Service quality'),
      when: { field: 'category', in: ['service_quality'] },
      fields: [{ key: 'staffId', label: l('员工工号', 'Staff number'), type: 'text' }],
    },
  ],
};

describe('applicableValues', () => {
  it('drops values of sections the current answers hide', () => {
    const values = { target: '牛奶', category: 'service_quality', batchNumber: 'B1', staffId: 'S9' };
    expect(applicableValues(complaint, values)).toEqual({ target: '牛奶', category: 'service_quality', staffId: 'S9' });
  });
});

describe('validateForSubmit', () => {
  it('accepts a product complaint even when a hidden section still holds a typed value', () => {
    const { clean, errors } = validateForSubmit(
      complaint,
      { target: ' 牛奶 ', category: 'product_quality', batchNumber: 'B20261126-7', staffId: 'typed before switching' },
      'zh-CN',
    );
    expect(errors).toEqual({});
    expect(clean).toEqual({ target: '牛奶', category: 'product_quality', batchNumber: 'B20261126-7' });
  });

  it('keys messages by field, in the chosen language, without the key suffix', () => {
    const zh = validateForSubmit(complaint, { category: 'product_quality', productionDate: '2026-02-30' }, 'zh-CN').errors;
    expect(zh).toEqual({
      target: '「投诉对象」为必填项',
      batchNumber: '「生产批号」为必填项',
      productionDate: '「出厂日期」不是有效日期',
    });
    const en = validateForSubmit(complaint, {}, 'en-US').errors;
    expect(en.target).toBe('"Target" is required');
  });
});

describe('changedValues', () => {
  it('sends only what changed, and null for a cleared field', () => {
    expect(changedValues({ a: 1, b: 'x', c: ['p'] }, { a: 1, c: ['p', 'q'] })).toEqual({ b: null, c: ['p', 'q'] });
  });
});

describe('detailsToFieldErrors', () => {
  it('maps server paths onto field keys', () => {
    expect(
      detailsToFieldErrors([
        { path: 'fields.batchNumber', message: 'a' },
        { path: 'body.fields.target', message: 'b' },
      ]),
    ).toEqual({ batchNumber: 'a', target: 'b' });
  });
});
