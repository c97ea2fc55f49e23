import type { FormDefinition } from '@kefu/shared/forms';
import type { RuleBody } from '@kefu/shared/rules';
import { taskForm, type IndustryTemplate } from './template.ts';

// Network company (网络公司): complaints escalate by their target (CMP-22..25).
// An employee → their department manager by written notice; a manager → the
// superior at once, optionally withheld from the manager; the general manager →
// the managers' meeting agenda, away from the GM's own approval.

const o = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });
const l = (zh: string, en: string) => ({ zh, en });
const pos = (position: string) => ({ kind: 'position' as const, position });
const isType = { field: 'type', op: 'eq' as const, value: 'staff_complaint' };
const superior = { kind: 'superior_of_job_number_in_field' as const, field: 'staffId', topPosition: 'general_manager' };

export const staffComplaintForm: FormDefinition = {
  type: 'staff_complaint',
  name: l('员工投诉单', 'Complaint about staff'),
  subjectFields: ['targetLevel', 'staffName', 'reason'],
  sections: [
    {
      key: 'target', title: l('投诉对象', 'Who is complained about'),
      fields: [
        { key: 'targetLevel', label: l('对象级别', 'Level'), type: 'select', required: true,
          options: [o('employee', '普通员工', 'Employee'), o('manager', '部门经理', 'Manager'), o('general_manager', '总经理', 'General manager')] },
        { key: 'staffName', label: l('姓名', 'Name'), type: 'text', maxLength: 32 },
        { key: 'reason', label: l('投诉事由', 'Reason'), type: 'textarea', required: true, maxLength: 2000 },
        { key: 'result', label: l('处理结果', 'Result'), type: 'textarea', maxLength: 2000 },
      ],
    },
    {
      key: 'staff', title: l('员工信息', 'Staff'), when: { field: 'targetLevel', in: ['employee', 'manager'] },
      fields: [
        { key: 'staffId', label: l('工号', 'Job number'), type: 'text', required: true, maxLength: 32 },
        { key: 'withholdFromTarget', label: l('不通知被投诉人', 'Withhold from the person'), type: 'boolean',
          help: l('客服经理有不将该问题通知被投诉者的权力', 'The CS manager may keep the complaint from the person complained about') },
      ],
    },
  ],
};

const rules: RuleBody[] = [
  {
    name: '投诉普通员工:书面转部门经理', description: 'CMP-23 将投诉转交部门经理处理,结果返回客服存档',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.targetLevel', op: 'eq', value: 'employee' }],
    actions: [
      { type: 'assign', to: superior, strategy: 'direct' },
      { type: 'notify', recipients: [superior], template: 'ticket.routed', urgent: false },
      { type: 'add_watchers', recipients: [pos('cs_manager')] },
    ],
  },
  {
    name: '投诉经理:立即报上级', description: 'CMP-24 对经理的投诉立即报其上级,并告知总经理',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.targetLevel', op: 'eq', value: 'manager' }],
    actions: [
      { type: 'assign', to: superior, strategy: 'direct' },
      { type: 'notify', recipients: [superior, pos('general_manager')], template: 'ticket.escalated', urgent: true },
      { type: 'add_watchers', recipients: [pos('cs_manager')] },
    ],
  },
  {
    name: '对被投诉人保密', description: 'CMP-24 / AUD-13 客服经理可不通知被投诉者',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.withholdFromTarget', op: 'is_true' }],
    actions: [{ type: 'hide_from', who: { kind: 'job_number_in_field', field: 'staffId' } }],
  },
  {
    name: '投诉总经理:列入经理会议', description: 'CMP-25 总经理需在经理会议上给出解决结果,工单不经总经理本人审批',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.targetLevel', op: 'eq', value: 'general_manager' }],
    actions: [
      { type: 'hide_from', who: pos('general_manager') },
      { type: 'assign', to: pos('cs_manager'), strategy: 'direct' },
      { type: 'create_subtask', priority: 'high', assignees: [pos('meeting_secretary')],
        title: { zh: '列入下次经理会议议程:总经理需给出解决结果', en: "On the next managers' meeting agenda: the GM presents the resolution" } },
    ],
  },
];

export const networkCompanyTemplate: IndustryTemplate = {
  key: 'network_company',
  name: { zh: '网络公司(按投诉对象升级)', en: 'Network company (escalation by target)' },
  description: { zh: '投诉员工、经理、总经理的不同升级链,以及对被投诉人保密', en: 'Escalation chains by complaint target, with confidentiality' },
  positions: [
    { key: 'cs_manager', name: '客服经理', nameEn: 'CS manager', demoHolders: ['cs_manager'] },
    { key: 'general_manager', name: '总经理', nameEn: 'General manager', demoHolders: ['gm_office'] },
    { key: 'meeting_secretary', name: '经理会议秘书', nameEn: "Managers' meeting secretary", demoHolders: ['admin'] },
    // receives the month-end list of next month's unowned renewals (RPT-19)
    { key: 'market_director', name: '市场总监', nameEn: 'Market director', demoHolders: ['marketing'] },
  ],
  rules,
  forms: [taskForm, staffComplaintForm],
  slaPolicies: [{ name: '员工投诉', enabled: true, calendar: 'default', conditions: [isType], targets: [{ kind: 'resolution', businessDays: 2, warnAtPercent: 80 }] }],
};
