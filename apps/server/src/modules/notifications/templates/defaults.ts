import type { LocalizedTemplate } from './render.ts';
import type { NotificationKind as NotificationEvent } from '@kefu/shared/notifications-api';

// Default wording of staff notifications, per event and language. Titles serve
// as e-mail subjects and in-app headlines; bodies as the mail text and the SMS.

// the list is shared with the console (packages/shared): one place to add a kind
export { NOTIFICATION_KINDS as NOTIFICATION_EVENTS, isNotificationKind as isNotificationEvent } from '@kefu/shared/notifications-api';
export type { NotificationKind as NotificationEvent } from '@kefu/shared/notifications-api';

const COMMON_VARIABLES = ['recipient.name', 'ticket.number', 'ticket.subject', 'ticket.typeLabel', 'customer.name', 'link'] as const;

/**
 * What the sender of each event provides. `target.name` is whoever a rule routed
 * the work order to, as the recipient should read it (您 / you, or a role or
 * department name); `dueAt` is a Date or an ISO timestamp.
 */
export const templateVariables: Record<NotificationEvent, readonly string[]> = {
  'ticket.assigned': COMMON_VARIABLES,
  'ticket.routed': [...COMMON_VARIABLES, 'rule.name', 'target.name'],
  'ticket.escalated': [...COMMON_VARIABLES, 'escalation.level', 'escalation.reason'],
  'sla.warning': [...COMMON_VARIABLES, 'sla.name', 'dueAt'],
  'sla.breached': [...COMMON_VARIABLES, 'sla.name', 'dueAt'],
  'task.created': [...COMMON_VARIABLES, 'task.title', 'dueAt'],
  'dispatch.digest': ['recipient.name', 'cutoff.name', 'cutoff.count', 'cutoff.numbers', 'link'],
  'callback.due_soon': ['recipient.name', 'callback.source', 'callback.step', 'customer.name', 'dueAt', 'link'],
  'callback.overdue': ['recipient.name', 'callback.source', 'callback.step', 'customer.name', 'callback.agent', 'dueAt', 'link'],
  'chat.sla_breached': ['recipient.name', 'chat.visitor', 'chat.channel', 'chat.target', 'chat.agent', 'dueAt', 'link'],
  'customer.first_contact_overdue': ['recipient.name', 'customer.name', 'customer.tier', 'owner.name', 'rule.name', 'dueAt', 'link'],
  'renewal.due': ['recipient.name', 'customer.name', 'service.name', 'service.kind', 'service.expiresAt', 'service.daysLeft', 'link'],
  'renewal.month_end_list': ['recipient.name', 'list.month', 'list.count', 'list.names', 'link'],
};

const zhGreeting = '{{recipient.name}}，您好：';
const zhFooter = '主题：{{ticket.subject}}\n客户：{{customer.name}}\n查看工单：{{link}}';
const enGreeting = 'Hello {{recipient.name}},';
const enFooter = 'Subject: {{ticket.subject}}\nCustomer: {{customer.name}}\nOpen the work order: {{link}}';

const lines = (...parts: string[]) => parts.join('\n');

export const defaultTemplates: Record<NotificationEvent, LocalizedTemplate> = {
  'ticket.assigned': {
    'zh-CN': {
      title: '工单 {{ticket.number}} 已分派给您：{{ticket.subject}}',
      body: lines(zhGreeting, '{{ticket.typeLabel}}工单 {{ticket.number}} 已分派给您处理。', zhFooter),
    },
    'en-US': {
      title: 'Work order {{ticket.number}} assigned to you: {{ticket.subject}}',
      body: lines(enGreeting, 'Work order {{ticket.number}} ({{ticket.typeLabel}}) has been assigned to you.', enFooter),
    },
  },
  'ticket.routed': {
    'zh-CN': {
      title: '新转办工单 {{ticket.number}}：{{ticket.subject}}',
      body: lines(zhGreeting, '{{ticket.typeLabel}}工单 {{ticket.number}} 已按规则「{{rule.name}}」转交{{target.name}}处理。', zhFooter),
    },
    'en-US': {
      title: 'Work order {{ticket.number}} routed to {{target.name}}: {{ticket.subject}}',
      body: lines(enGreeting, 'Work order {{ticket.number}} ({{ticket.typeLabel}}) was routed to {{target.name}} by the rule "{{rule.name}}".', enFooter),
    },
  },
  'ticket.escalated': {
    'zh-CN': {
      title: '工单 {{ticket.number}} 已升级，请您跟进：{{ticket.subject}}',
      body: lines(
        zhGreeting,
        '{{ticket.typeLabel}}工单 {{ticket.number}} 已升级至第 {{escalation.level}} 级，需要您跟进。',
        '升级原因：{{escalation.reason}}',
        zhFooter,
      ),
    },
    'en-US': {
      title: 'Work order {{ticket.number}} escalated to you: {{ticket.subject}}',
      body: lines(
        enGreeting,
        'Work order {{ticket.number}} ({{ticket.typeLabel}}) has been escalated to level {{escalation.level}} and needs your attention.',
        'Reason: {{escalation.reason}}',
        enFooter,
      ),
    },
  },
  'sla.warning': {
    'zh-CN': {
      title: '工单 {{ticket.number}} 即将超时：{{ticket.subject}}',
      body: lines(zhGreeting, '{{ticket.typeLabel}}工单 {{ticket.number}} 的「{{sla.name}}」时限将于 {{dueAt}} 到期，请抓紧处理。', zhFooter),
    },
    'en-US': {
      title: 'Work order {{ticket.number}} due soon: {{ticket.subject}}',
      body: lines(enGreeting, 'The "{{sla.name}}" deadline of work order {{ticket.number}} ({{ticket.typeLabel}}) is {{dueAt}}. Please act on it soon.', enFooter),
    },
  },
  'sla.breached': {
    'zh-CN': {
      title: '工单 {{ticket.number}} 已超时：{{ticket.subject}}',
      body: lines(zhGreeting, '{{ticket.typeLabel}}工单 {{ticket.number}} 的「{{sla.name}}」时限已于 {{dueAt}} 到期，请立即处理。', zhFooter),
    },
    'en-US': {
      title: 'Work order {{ticket.number}} is overdue: {{ticket.subject}}',
      body: lines(enGreeting, 'The "{{sla.name}}" deadline of work order {{ticket.number}} ({{ticket.typeLabel}}) passed at {{dueAt}}. Please act on it now.', enFooter),
    },
  },
  'task.created': {
    'zh-CN': {
      title: '新任务：{{task.title}}（工单 {{ticket.number}}）',
      body: lines(zhGreeting, '{{ticket.typeLabel}}工单 {{ticket.number}} 有一项新任务需要您完成：{{task.title}}', '截止时间：{{dueAt}}', zhFooter),
    },
    'en-US': {
      title: 'New task: {{task.title}} (work order {{ticket.number}})',
      body: lines(enGreeting, 'Work order {{ticket.number}} ({{ticket.typeLabel}}) has a new task for you: {{task.title}}', 'Due: {{dueAt}}', enFooter),
    },
  },
  'dispatch.digest': {
    'zh-CN': {
      title: '\u300c{{cutoff.name}}\u300d\uff1a{{cutoff.count}} \u5f20\u5355\u636e\u5f85\u5904\u7406',
      body: lines(zhGreeting, '\u622a\u6b62\u65f6\u95f4\u5df2\u5230\uff0c\u4ee5\u4e0b\u5355\u636e\u5c1a\u672a\u5904\u7406\uff1a{{cutoff.numbers}}', '\u67e5\u770b\uff1a{{link}}'),
    },
    'en-US': {
      title: '{{cutoff.name}}: {{cutoff.count}} forms waiting',
      body: lines(enGreeting, 'The cut-off has come; these forms are still waiting: {{cutoff.numbers}}', 'Open: {{link}}'),
    },
  },
  'callback.due_soon': {
    'zh-CN': {
      title: '回访即将到期：{{customer.name}}（{{callback.source}}）',
      body: lines(zhGreeting, '「{{callback.source}}」的{{callback.step}}回访须在 {{dueAt}} 前完成，客户：{{customer.name}}。', '去回访：{{link}}'),
    },
    'en-US': {
      title: 'Callback due soon: {{customer.name}} ({{callback.source}})',
      body: lines(enGreeting, 'The {{callback.step}} callback of "{{callback.source}}" to {{customer.name}} is due by {{dueAt}}.', 'Open: {{link}}'),
    },
  },
  'callback.overdue': {
    'zh-CN': {
      title: '回访已超期：{{customer.name}}（{{callback.source}}）',
      body: lines(zhGreeting, '「{{callback.source}}」的{{callback.step}}回访已于 {{dueAt}} 到期仍未完成，客户：{{customer.name}}，负责人：{{callback.agent}}。', '查看：{{link}}'),
    },
    'en-US': {
      title: 'Callback overdue: {{customer.name}} ({{callback.source}})',
      body: lines(enGreeting, 'The {{callback.step}} callback of "{{callback.source}}" to {{customer.name}} was due at {{dueAt}} and is not done; agent: {{callback.agent}}.', 'Open: {{link}}'),
    },
  },
  // a conversation missed its first-response or resolution target: to the team lead, once
  'chat.sla_breached': {
    'zh-CN': {
      title: '会话超时未{{chat.target}}：{{chat.visitor}}（{{chat.channel}}）',
      body: lines(zhGreeting, '「{{chat.channel}}」中 {{chat.visitor}} 的会话{{chat.target}}时限已于 {{dueAt}} 到期，接待人：{{chat.agent}}。', '查看会话：{{link}}'),
    },
    'en-US': {
      title: 'Conversation past its {{chat.target}} target: {{chat.visitor}} ({{chat.channel}})',
      body: lines(enGreeting, 'The {{chat.target}} target of the conversation with {{chat.visitor}} on "{{chat.channel}}" passed at {{dueAt}}; agent: {{chat.agent}}.', 'Open the conversation: {{link}}'),
    },
  },
  // a newly assigned customer not contacted in time (CUS-04): escalated by a rule
  'customer.first_contact_overdue': {
    'zh-CN': {
      title: '新客户未按时首次联系：{{customer.name}}',
      body: lines(zhGreeting, '客户 {{customer.name}}（{{customer.tier}} 类）分配给 {{owner.name}} 后，应于 {{dueAt}} 前首次联系，至今未联系（规则：{{rule.name}}）。', '查看客户：{{link}}'),
    },
    'en-US': {
      title: 'New customer not contacted in time: {{customer.name}}',
      body: lines(enGreeting, 'Customer {{customer.name}} (class {{customer.tier}}), assigned to {{owner.name}}, was to be contacted first by {{dueAt}} and has not been (rule: {{rule.name}}).', 'Open the customer: {{link}}'),
    },
  },
  'renewal.due': {
    'zh-CN': {
      title: '续费提醒：{{customer.name}} 的{{service.kind}}「{{service.name}}」将于 {{service.expiresAt}} 到期',
      body: lines(zhGreeting, '您负责的客户 {{customer.name}} 的{{service.kind}}「{{service.name}}」将于 {{service.expiresAt}} 到期（还有 {{service.daysLeft}} 天），请安排续费并通知客户；客户不续费时请登记原因并反馈。', '查看：{{link}}'),
    },
    'en-US': {
      title: 'Renewal due: {{service.kind}} "{{service.name}}" of {{customer.name}} expires on {{service.expiresAt}}',
      body: lines(enGreeting, 'The {{service.kind}} "{{service.name}}" of your customer {{customer.name}} expires on {{service.expiresAt}} (in {{service.daysLeft}} days). Plan the renewal and tell the customer; if they do not renew, record why and report back.', 'Open: {{link}}'),
    },
  },
  'renewal.month_end_list': {
    'zh-CN': {
      title: '{{list.month}} 无人负责客户续费名单（{{list.count}} 项）',
      body: lines(zhGreeting, '下月（{{list.month}}）到期、尚无业务人员负责的客户服务共 {{list.count}} 项：{{list.names}}。请安排负责人跟进续费。', '查看名单：{{link}}'),
    },
    'en-US': {
      title: 'Unowned renewals for {{list.month}} ({{list.count}})',
      body: lines(enGreeting, 'Next month ({{list.month}}), {{list.count}} customer services with no salesperson expire: {{list.names}}. Assign someone to follow up the renewals.', 'Open the list: {{link}}'),
    },
  },
};
