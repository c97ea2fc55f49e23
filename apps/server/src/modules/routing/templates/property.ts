import type { FormDefinition } from '@kefu/shared/forms';
import type { RuleBody } from '@kefu/shared/rules';
import { taskForm, type IndustryTemplate } from './template.ts';

// Property management (物业): effective vs communicative complaints (CMP-09..14),
// the FRM-11 complaint record, and the escalation tiers front desk → CS
// supervisor → CS department head → property manager (CMP-17, CMP-20).

const o = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });
const l = (zh: string, en: string) => ({ zh, en });
const pos = (position: string) => ({ kind: 'position' as const, position });
const isType = { field: 'type', op: 'eq' as const, value: 'property_complaint' };

export const propertyComplaintForm: FormDefinition = {
  type: 'property_complaint',
  name: l('业户投诉记录', 'Resident complaint'),
  subjectFields: ['nature', 'effectiveArea', 'communicativeType', 'place'],
  sections: [
    {
      key: 'record', title: l('投诉记录', 'Complaint record'),
      fields: [
        { key: 'nature', label: l('投诉性质', 'Nature'), type: 'select', required: true,
          options: [o('effective', '有效投诉', 'Effective complaint'), o('communicative', '沟通性投诉(抱怨)', 'Communicative complaint')] },
        { key: 'incidentTime', label: l('发生时间', 'Time of the incident'), type: 'datetime' },
        { key: 'place', label: l('地点', 'Place'), type: 'text', required: true, maxLength: 200 },
        { key: 'respondent', label: l('被投诉人', 'Person complained about'), type: 'text', maxLength: 64 },
        { key: 'respondentDepartment', label: l('被投诉部门', 'Department complained about'), type: 'text', maxLength: 64 },
        { key: 'course', label: l('发生经过', 'Course of events'), type: 'textarea', required: true, maxLength: 2000 },
        { key: 'demand', label: l('住户要求', "Resident's demand"), type: 'textarea', maxLength: 1000 },
        { key: 'major', label: l('重大投诉/重要业户', 'Major complaint or important resident'), type: 'boolean' },
        { key: 'emotional', label: l('情绪激烈,需经理接待', 'Emotional: manager takes over'), type: 'boolean' },
      ],
    },
    {
      key: 'effective', title: l('有效投诉', 'Effective complaint'), when: { field: 'nature', in: ['effective'] },
      fields: [{ key: 'effectiveArea', label: l('投诉内容', 'Area'), type: 'select', required: true, options: [
        o('management_service', '管理服务失职', 'Management service failure'), o('arbitrary_charging', '乱收费', 'Arbitrary charging'),
        o('maintenance_negligence', '设备维修保养失职', 'Maintenance negligence'), o('violation', '违规行为', 'Violation')] }],
    },
    {
      key: 'communicative', title: l('沟通性投诉', 'Communicative complaint'), when: { field: 'nature', in: ['communicative'] },
      fields: [{ key: 'communicativeType', label: l('类型', 'Kind'), type: 'select', required: true, options: [
        o('help_seeking', '求助型', 'Help-seeking'), o('inquiry', '咨询型', 'Inquiry'), o('venting', '发泄型', 'Venting')] }],
    },
  ],
};

const rules: RuleBody[] = [
  {
    name: '有效投诉:客服主管会同责任部门主管到现场', description: 'CMP-13 判断性质,确定责任部门,带上负责部门的主管到现场了解情况',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.nature', op: 'eq', value: 'effective' }],
    actions: [
      { type: 'assign', to: pos('cs_supervisor'), strategy: 'direct' },
      { type: 'create_subtask', priority: 'high', dueInMinutes: 240, assignees: [pos('cs_supervisor')],
        title: { zh: '会同责任部门主管到现场了解情况', en: 'Visit the site with the responsible department supervisor' } },
    ],
  },
  {
    name: '沟通性投诉:前台处理或答复', description: 'CMP-14 确认身份、查看缴费情况,通知相关部门处理或直接答复',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.nature', op: 'eq', value: 'communicative' }],
    actions: [{ type: 'assign', to: pos('front_desk'), strategy: 'least_loaded' }],
  },
  {
    name: '重大投诉/重要业户:客服部主任负责', description: 'CMP-20 重大投诉和重要业户投诉由客服部主任处理,并报物业经理',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.major', op: 'is_true' }],
    actions: [
      { type: 'set_priority', priority: 'high' },
      { type: 'assign', to: pos('cs_department_head'), strategy: 'direct' },
      { type: 'notify', recipients: [pos('property_manager')], template: 'ticket.escalated', urgent: false },
    ],
  },
  {
    name: '情绪激烈:经理接待', description: 'CMP-17 住户情绪激烈时立即联系经理,在经理办公室单独接待',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [isType, { field: 'fields.emotional', op: 'is_true' }],
    actions: [{ type: 'notify', recipients: [pos('property_manager')], template: 'ticket.escalated', urgent: true }],
  },
  {
    name: '首次响应超时:升级客服部主任', description: 'CMP-20 处理不了的问题及时上报,不得拖延',
    enabled: true, trigger: 'sla.breached', stopProcessing: false,
    conditions: [isType, { field: 'sla.kind', op: 'eq', value: 'first_response' }],
    actions: [{ type: 'assign', to: pos('cs_department_head'), strategy: 'direct' }, { type: 'set_priority', priority: 'high' }],
  },
  {
    name: '处理超时:升级物业经理', description: 'CMP-20 重要事件上报社区主任/物业经理',
    enabled: true, trigger: 'sla.breached', stopProcessing: false,
    conditions: [isType, { field: 'sla.kind', op: 'eq', value: 'resolution' }],
    actions: [{ type: 'assign', to: pos('property_manager'), strategy: 'direct' }, { type: 'set_priority', priority: 'urgent' },
      { type: 'notify', recipients: [pos('property_manager'), pos('cs_department_head')], template: 'ticket.escalated', urgent: true }],
  },
];

export const propertyTemplate: IndustryTemplate = {
  key: 'property',
  name: { zh: '物业服务中心', en: 'Property management' },
  description: { zh: '有效投诉/沟通性投诉分流、现场处理与逐级升级', en: 'Effective vs communicative complaints, site visits and escalation tiers' },
  positions: [
    { key: 'front_desk', name: '前台接待员', nameEn: 'Front desk', demoHolders: ['operator', 'operator2'] },
    { key: 'cs_supervisor', name: '客服主管', nameEn: 'CS supervisor', demoHolders: ['lead'] },
    { key: 'cs_department_head', name: '客服部主任', nameEn: 'CS department head', demoHolders: ['cs_manager'] },
    { key: 'property_manager', name: '物业经理/社区主任', nameEn: 'Property manager', demoHolders: ['gm_office'] },
  ],
  rules,
  forms: [taskForm, propertyComplaintForm],
  slaPolicies: [{
    name: '业户投诉', enabled: true, calendar: 'default', conditions: [isType],
    targets: [{ kind: 'first_response', minutes: 30, warnAtPercent: 80 }, { kind: 'resolution', businessDays: 1, warnAtPercent: 80 }],
  }],
};
