import type { AccessKey } from '../access.ts';

/**
 * Every top-level page of the console, with the access key its route checks
 * (null: anyone signed in). The router builds its routes from this list, and
 * the browser layout test visits each one at phone and desktop widths — a page
 * added here is checked there without touching the test. Pages with an id in
 * their path (a work order, a customer, a callback) hang off these.
 */
export const TOP_LEVEL_PAGES = [
  { path: '/workbench', access: 'workbench' },
  { path: '/inbox', access: 'inbox' },
  { path: '/tickets', access: 'tickets' },
  { path: '/customers', access: 'customers' },
  { path: '/customers/changes', access: 'customerManage' },
  { path: '/customers/assignment', access: 'customerManage' },
  { path: '/customers/duplicates', access: 'customerManage' },
  { path: '/customers/data-quality', access: 'customerManage' },
  { path: '/renewals', access: 'renewals' },
  { path: '/orders', access: 'orders' },
  { path: '/supervisor', access: 'supervisor' },
  { path: '/supervisor/chats', access: 'inboxManage' },
  { path: '/callbacks', access: 'callbacks' },
  { path: '/callbacks/campaigns', access: 'callbackManage' },
  { path: '/callbacks/report', access: 'callbackManage' },
  { path: '/surveys', access: 'surveys' },
  { path: '/knowledge', access: 'knowledge' },
  { path: '/canned-replies', access: 'cannedReplies' },
  { path: '/me/notifications', access: null },
  { path: '/settings/departments', access: 'orgManage' },
  { path: '/settings/teams', access: 'orgManage' },
  { path: '/settings/users', access: 'orgManage' },
  { path: '/settings/roles', access: 'orgManage' },
  { path: '/settings/forms', access: 'forms' },
  { path: '/settings/rules', access: 'ruleManage' },
  { path: '/settings/positions', access: 'ruleManage' },
  { path: '/settings/sla-policies', access: 'ruleManage' },
  { path: '/settings/calendars', access: 'ruleManage' },
  { path: '/settings/callback-policies', access: 'callbackManage' },
  { path: '/settings/callback-scripts', access: 'callbackManage' },
  { path: '/settings/customer-classes', access: 'customerManage' },
  { path: '/settings/chat-channels', access: 'inboxManage' },
  { path: '/settings/knowledge', access: 'kbPublish' },
] as const satisfies readonly { path: string; access: AccessKey | null }[];

export type TopLevelPath = (typeof TOP_LEVEL_PAGES)[number]['path'];

/** The pages outside the signed-in layout. */
export const PUBLIC_PAGES = ['/login'] as const;
