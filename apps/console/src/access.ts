import type { Permission } from '@kefu/shared/permissions';

// Every access key the console checks, computed in one place from the
// signed-in user's permissions. Routes and menu entries name a key; the
// server enforces the same permissions, this only hides what cannot work.
export interface Access {
  workbench: boolean;
  tickets: boolean;
  ticketUpdate: boolean;
  ticketAssign: boolean;
  ticketNote: boolean;
  customers: boolean;
  customerCreate: boolean;
  customerUpdate: boolean;
  customerPii: boolean;
  /** class rules and recomputes, class overrides */
  customerManage: boolean;
  orgManage: boolean;
  forms: boolean;
  /** edit form definitions and publish new versions */
  formManage: boolean;
  ruleManage: boolean;
  supervisor: boolean;
  /** make my callbacks (回访) */
  callbacks: boolean;
  /** callback policies, scripts, campaigns, reports, closing a loop */
  callbackManage: boolean;
  /** satisfaction surveys */
  surveys: boolean;
  /** the unified inbox (在线会话): take, reply, note */
  inbox: boolean;
  /** transfer anyone's conversation, take one over from a colleague */
  inboxManage: boolean;
  /** read the knowledge base (知识库): everyone signed in */
  knowledge: boolean;
  /** write articles and send them for review; keep my team's canned replies */
  kbEdit: boolean;
  /** approve, archive; categories, synonyms, everyone's canned replies */
  kbPublish: boolean;
  /** the canned replies (话术) page: those who answer chats, and their editors */
  cannedReplies: boolean;
  /** the renewals board (续费管理): my services, or everyone's with renewalManage */
  renewals: boolean;
  /** add and change customers' services, kinds, month-end sends, transfer paperwork */
  renewalManage: boolean;
  /** approve or reject transfer requests (域名转出) */
  renewalApprove: boolean;
  /** shop orders (订单) and their remarks */
  orders: boolean;
  /** record orders, write remarks, move stages */
  orderEdit: boolean;
  /** add shops and their policies */
  shopManage: boolean;
}

export type AccessKey = keyof Access;

export function computeAccess(permissions: readonly string[]): Access {
  const has = (p: Permission) => permissions.includes(p);
  return {
    workbench: has('ticket:create'),
    tickets: has('ticket:view'),
    ticketUpdate: has('ticket:update'),
    ticketAssign: has('ticket:assign'),
    ticketNote: has('ticket:note'),
    customers: has('customer:view'),
    customerCreate: has('customer:create'),
    customerUpdate: has('customer:update'),
    customerPii: has('customer:view_pii'),
    customerManage: has('customer:manage'),
    orgManage: has('org:manage'),
    forms: has('form:view') || has('form:manage'),
    formManage: has('form:manage'),
    ruleManage: has('rule:manage'),
    supervisor: has('supervisor:view'),
    callbacks: has('callback:work') || has('callback:manage'),
    callbackManage: has('callback:manage'),
    surveys: has('survey:manage'),
    inbox: has('conversation:work'),
    inboxManage: has('conversation:manage'),
    knowledge: true,
    kbEdit: has('kb:edit') || has('kb:publish'),
    kbPublish: has('kb:publish'),
    cannedReplies: has('conversation:work') || has('kb:edit') || has('kb:publish'),
    renewals: has('renewal:view') || has('renewal:manage'),
    renewalManage: has('renewal:manage'),
    renewalApprove: has('renewal:approve_transfer'),
    orders: has('order:view'),
    orderEdit: has('order:edit'),
    shopManage: has('shop:manage'),
  };
}
