import type { RuleBody } from '@kefu/shared/rules';
import { taskForm, type IndustryTemplate } from './template.ts';

// The 恒康乳业 hotline procedure (requirements CMP-02, CMP-06..08, INQ-02,
// ORD-01..03) as rules. Positions are abstract; the demo binds them to people.

const pos = (position: string) => ({ kind: 'position' as const, position });
const complaint = [{ field: 'type', op: 'eq' as const, value: 'complaint' }];
const valid = { field: 'fields.validity', op: 'neq' as const, value: 'invalid' };

const injuryActions: RuleBody['actions'] = [
  { type: 'set_priority', priority: 'urgent' },
  {
    type: 'create_subtask', priority: 'urgent', dueInMinutes: 120,
    title: { zh: '人身伤害投诉:客服中心与总经办立即联合上门走访', en: 'Injury complaint: CS center and GM office visit the customer together at once' },
    assignees: [pos('cs_center_manager'), pos('gm_office_director')],
  },
  { type: 'notify', recipients: [pos('senior_management')], template: 'ticket.escalated', urgent: true },
];

const rules: RuleBody[] = [
  {
    name: '无效投诉:解释后关闭', description: 'CMP-02 投诉理由不充分时,接线员解释后关闭,不再转办',
    enabled: true, trigger: 'ticket.created', stopProcessing: true,
    conditions: [...complaint, { field: 'fields.validity', op: 'eq', value: 'invalid' }],
    actions: [{ type: 'set_status', status: 'closed', resolution: '投诉理由不充分,已向客户解释' }],
  },
  {
    name: '产品质量投诉:同时通知品控、客服中心经理、总经办', description: 'CMP-06 电话结束后立即交品控部经理、客服中心经理和总经办主任',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [...complaint, { field: 'fields.category', op: 'eq', value: 'product_quality' }, valid],
    actions: [
      { type: 'assign', to: pos('qc_manager'), strategy: 'direct' },
      { type: 'add_watchers', recipients: [pos('cs_center_manager'), pos('gm_office_director')] },
      { type: 'notify', recipients: [pos('qc_manager'), pos('cs_center_manager'), pos('gm_office_director')], template: 'ticket.routed', urgent: false },
    ],
  },
  {
    name: '人身伤害:联合上门并上报高层', description: 'CMP-07 顾客出现身体损害、生病住院时,客服中心和总经办立即联合上门',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [...complaint, { field: 'fields.injury', op: 'is_true' }],
    actions: injuryActions,
  },
  {
    name: '人身伤害(补录):联合上门并上报高层', description: 'CMP-07 事后补录人身伤害时同样处理',
    enabled: true, trigger: 'ticket.field_changed', stopProcessing: false,
    conditions: [...complaint, { field: 'fields.injury', op: 'changed' }, { field: 'fields.injury', op: 'is_true' }],
    actions: injuryActions,
  },
  {
    name: '服务质量投诉:交客服中心处理', description: 'CMP-08 服务质量问题交客服中心,由其处理或转营销总监',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [...complaint, { field: 'fields.category', op: 'eq', value: 'service_quality' }, valid],
    actions: [
      { type: 'assign', to: pos('cs_center_manager'), strategy: 'direct' },
      { type: 'notify', recipients: [pos('cs_center_manager')], template: 'ticket.routed', urgent: false },
    ],
  },
  {
    name: '潜在订户:转接线员组长', description: 'INQ-02 可能的潜在订户交接线员组长,进入定货程序',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [{ field: 'type', op: 'eq', value: 'inquiry' }, { field: 'fields.potentialOrder', op: 'is_true' }],
    actions: [
      { type: 'assign', to: pos('operator_team_lead'), strategy: 'direct' },
      { type: 'notify', recipients: [pos('operator_team_lead')], template: 'ticket.routed', urgent: false },
    ],
  },
  {
    name: '超出销售范围:致歉并关闭', description: 'ORD-03 不属于销售范围的订户,内勤致电致歉,订单关闭',
    enabled: true, trigger: 'ticket.created', stopProcessing: true,
    conditions: [{ field: 'type', op: 'eq', value: 'order' }, { field: 'fields.outOfArea', op: 'is_true' }],
    actions: [
      {
        type: 'create_subtask', priority: 'normal', dueInMinutes: 240,
        title: { zh: '致电订户致歉:超出公司销售范围', en: 'Call the customer to apologise: outside the sales area' },
        assignees: [pos('sales_clerk')],
      },
      { type: 'set_status', status: 'closed', resolution: '超出销售范围,已安排致歉' },
    ],
  },
  {
    name: '入户订单:交基站内勤', description: 'ORD-01 入户客户的定奶记录单交基站内勤(每日 10:00 前)',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [{ field: 'type', op: 'eq', value: 'order' }, { field: 'fields.deliveryChannel', op: 'eq', value: 'home' }],
    actions: [{ type: 'assign', to: pos('station_clerk'), strategy: 'least_loaded' }],
  },
  {
    name: '零售/卖场订单:交销售内勤', description: 'ORD-01 零售和卖场客户的定奶记录单交销售内勤(每日 10:00 前)',
    enabled: true, trigger: 'ticket.created', stopProcessing: false,
    conditions: [{ field: 'type', op: 'eq', value: 'order' }, { field: 'fields.deliveryChannel', op: 'in', value: ['retail', 'mall'] }],
    actions: [{ type: 'assign', to: pos('sales_clerk'), strategy: 'least_loaded' }],
  },
  {
    name: '回访超期:上报客服中心经理', description: 'CBK-06 三天内必须回访;超期未回访的提醒后上报客服中心经理',
    enabled: true, trigger: 'callback.overdue', stopProcessing: false,
    conditions: [],
    actions: [{ type: 'notify', recipients: [pos('cs_center_manager')], template: 'ticket.escalated', urgent: false }],
  },
];

export const dairyHotlineTemplate: IndustryTemplate = {
  key: 'dairy_hotline',
  name: { zh: '乳业热线(恒康乳业流程)', en: 'Dairy hotline' },
  description: {
    zh: '订奶、投诉(产品质量/服务质量、人身伤害)、咨询转订户的热线流程',
    en: 'Hotline orders, complaints (product / service quality, injury) and inquiry-to-order conversion',
  },
  positions: [
    { key: 'cs_center_manager', name: '客服中心经理', nameEn: 'CS center manager', demoHolders: ['cs_manager'] },
    { key: 'operator_team_lead', name: '接线员组长', nameEn: 'Operator team lead', demoHolders: ['lead'] },
    { key: 'qc_manager', name: '品控部经理', nameEn: 'QC department manager', demoHolders: ['qc_manager'] },
    { key: 'gm_office_director', name: '总经办主任', nameEn: 'GM office director', demoHolders: ['gm_office'] },
    { key: 'marketing_director', name: '营销总监', nameEn: 'Marketing director', demoHolders: ['marketing'] },
    { key: 'senior_management', name: '公司高层', nameEn: 'Senior management', demoHolders: ['gm_office', 'cs_manager'] },
    { key: 'sales_clerk', name: '销售内勤', nameEn: 'Sales clerk', demoHolders: ['sales_clerk'] },
    { key: 'station_clerk', name: '基站内勤', nameEn: 'Base-station clerk', demoHolders: ['station_clerk'] },
  ],
  rules,
  forms: [taskForm],
  cutoffs: [{ name: '每日 10:00 订奶记录单分派', ticketType: 'order', at: '10:00', alert: [pos('operator_team_lead')] }],
  slaPolicies: [
    {
      name: '人身伤害投诉(7x24)', enabled: true, calendar: 'always_open',
      conditions: [{ field: 'type', op: 'eq', value: 'complaint' }, { field: 'fields.injury', op: 'is_true' }],
      targets: [{ kind: 'first_response', minutes: 15, warnAtPercent: 60 }, { kind: 'resolution', minutes: 240, warnAtPercent: 75 }],
    },
    {
      name: '投诉:即时受理,迅速有结果', enabled: true, calendar: 'default',
      conditions: [{ field: 'type', op: 'eq', value: 'complaint' }],
      targets: [{ kind: 'first_response', minutes: 30, warnAtPercent: 80 }, { kind: 'resolution', businessDays: 2, warnAtPercent: 80 }],
    },
    {
      name: '订奶:次日起送前分派', enabled: true, calendar: 'default',
      conditions: [{ field: 'type', op: 'eq', value: 'order' }],
      targets: [{ kind: 'resolution', businessDays: 1, warnAtPercent: 80 }],
    },
    {
      name: '咨询与报修', enabled: true, calendar: 'default',
      conditions: [{ field: 'type', op: 'in', value: ['inquiry', 'repair'] }],
      targets: [{ kind: 'first_response', minutes: 60, warnAtPercent: 80 }, { kind: 'resolution', businessDays: 2, warnAtPercent: 80 }],
    },
  ],
};
