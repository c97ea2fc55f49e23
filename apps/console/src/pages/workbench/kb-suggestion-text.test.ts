import { describe, expect, it } from 'vitest';
import { formDefinition } from '@kefu/shared/forms';
import { suggestionText } from './kb-suggestion-text.ts';

const def = formDefinition.parse({
  type: 'complaint',
  name: { zh: '投诉', en: 'Complaint' },
  sections: [
    {
      key: 'main', title: { zh: '投诉', en: 'Complaint' },
      fields: [
        { key: 'reason', label: { zh: '原因', en: 'Reason' }, type: 'textarea' },
        { key: 'category', label: { zh: '类别', en: 'Category' }, type: 'select', options: [{ value: 'quality', label: { zh: '产品质量问题', en: 'Product quality' } }] },
        { key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'number' },
      ],
    },
    {
      key: 'quality', title: { zh: '质量', en: 'Quality' }, when: { field: 'category', in: ['quality'] },
      fields: [{ key: 'symptom', label: { zh: '症状', en: 'Symptom' }, type: 'multiselect', options: [{ value: 'smell', label: { zh: '异味', en: 'Odd smell' } }, { value: 'lump', label: { zh: '结块', en: 'Lumps' } }] }],
    },
  ],
});
const zh = (l: { zh: string }) => l.zh;

describe('what the workbench asks the knowledge base', () => {
  it('joins the summary, the text and the chosen options\' labels of visible sections', () => {
    expect(suggestionText(def, { reason: ' 鲜奶有异味 ', category: 'quality', amount: 12, symptom: ['smell', 'lump'] }, '来电咨询', zh)).toBe('来电咨询 鲜奶有异味 产品质量问题 异味 结块');
    // the quality section is hidden without the category: its values say nothing
    expect(suggestionText(def, { reason: '保质期多久', symptom: ['smell'] }, '', zh)).toBe('保质期多久');
    expect(suggestionText(null, {}, '  ', zh)).toBe('');
    expect(suggestionText(def, { reason: '奶'.repeat(3000) }, '', zh)).toHaveLength(2000);
  });
});
