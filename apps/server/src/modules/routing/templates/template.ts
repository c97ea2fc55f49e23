import type { FormDefinition } from '@kefu/shared/forms';
import type { Recipient, RuleBody } from '@kefu/shared/rules';
import type { SlaPolicyBody } from '@kefu/shared/sla';

/** An industry template: the positions its rules name, its rules, and forms it needs. */
export interface IndustryTemplate {
  key: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  positions: { key: string; name: string; nameEn: string; demoHolders: string[] }[];
  rules: RuleBody[];
  forms: FormDefinition[];
  /** calendar: 'default' (office hours with holidays) or 'always_open' (7x24) */
  slaPolicies: (Omit<SlaPolicyBody, 'calendarId'> & { calendar: 'default' | 'always_open' })[];
  /** daily dispatch cut-offs on working days (ORD-01) */
  cutoffs?: { name: string; ticketType: string; at: string; alert: Recipient[] }[];
}

export const taskForm: FormDefinition = {
  type: 'task',
  name: { zh: '任务', en: 'Task' },
  subjectFields: ['content'],
  internal: true,
  sections: [{
    key: 'task',
    title: { zh: '任务内容', en: 'Task' },
    fields: [
      { key: 'content', label: { zh: '任务内容', en: 'What to do' }, type: 'textarea', required: true, maxLength: 2000 },
      { key: 'outcome', label: { zh: '处理结果', en: 'Outcome' }, type: 'textarea', maxLength: 2000 },
    ],
  }],
};
