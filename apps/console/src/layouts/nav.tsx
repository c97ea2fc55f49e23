import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  FormOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  ContactsOutlined,
  MergeCellsOutlined,
  ShoppingOutlined,
  AuditOutlined,
  BranchesOutlined,
  IdcardOutlined,
  EyeOutlined,
  FieldTimeOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  NotificationOutlined,
  BarChartOutlined,
  SmileOutlined,
  ScheduleOutlined,
  ReadOutlined,
  MessageOutlined,
  CrownOutlined,
  ApiOutlined,
  CommentOutlined,
  BookOutlined,
  ThunderboltOutlined,
  TagsOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import type { Access, AccessKey } from '../access.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { TopLevelPath } from '../routes/top-level-pages.ts';

export interface NavItem {
  path: TopLevelPath;
  label: MessageKey;
  icon: ReactNode;
  access: AccessKey;
  /** a number beside the label: what waits there */
  badge?: 'inbox';
}

export interface NavGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  children: NavItem[];
}

// The sidebar, in order. Each entry names the access key its route checks.
export const NAV: (NavItem | NavGroup)[] = [
  { path: '/workbench', label: 'menu.workbench', icon: <PhoneOutlined />, access: 'workbench' },
  { path: '/inbox', label: 'menu.inbox', icon: <MessageOutlined />, access: 'inbox', badge: 'inbox' },
  { path: '/tickets', label: 'menu.tickets', icon: <ProfileOutlined />, access: 'tickets' },
  {
    key: 'customers',
    label: 'menu.customerGroup',
    icon: <ContactsOutlined />,
    children: [
      { path: '/customers', label: 'menu.customerArchive', icon: <ContactsOutlined />, access: 'customers' },
      // 重复客户: same phone or e-mail, merge with undo (CUS-15)
      // 每日新增/变更 and 客户分配: the supervisor's daily archive work (CUS-01..04)
      { path: '/customers/changes', label: 'menu.customerChanges', icon: <CalendarOutlined />, access: 'customerManage' },
      { path: '/customers/assignment', label: 'menu.customerAssignment', icon: <TeamOutlined />, access: 'customerManage' },
      // 续费管理: services with an expiry, month-end unowned lists, non-renewals, transfers (CUS-09, CUS-10)
      { path: '/renewals', label: 'menu.renewals', icon: <SyncOutlined />, access: 'renewals' },
      { path: '/customers/duplicates', label: 'menu.customerDuplicates', icon: <MergeCellsOutlined />, access: 'customerManage' },
      // 资料质量: wrong phones reported by callbacks or staff, no owner, no address (CUS-15)
      { path: '/customers/data-quality', label: 'menu.customerDataQuality', icon: <AuditOutlined />, access: 'customerManage' },
    ],
  },
  // 订单: shop orders with their remarks and stages (ORD-*)
  { path: '/orders', label: 'menu.orders', icon: <ShoppingOutlined />, access: 'orders' },
  {
    key: 'supervisor',
    label: 'menu.supervisorGroup',
    icon: <EyeOutlined />,
    children: [
      { path: '/supervisor', label: 'menu.supervisor', icon: <EyeOutlined />, access: 'supervisor' },
      // 在线会话监控: live chats, queues and seats; watch, whisper, take over (CHN-18, INQ-09)
      { path: '/supervisor/chats', label: 'menu.liveChats', icon: <CommentOutlined />, access: 'inboxManage' },
    ],
  },
  {
    key: 'callbacks',
    label: 'menu.callbackGroup',
    icon: <CustomerServiceOutlined />,
    children: [
      { path: '/callbacks', label: 'menu.myCallbacks', icon: <CustomerServiceOutlined />, access: 'callbacks' },
      { path: '/callbacks/campaigns', label: 'menu.campaigns', icon: <NotificationOutlined />, access: 'callbackManage' },
      { path: '/callbacks/report', label: 'menu.callbackReport', icon: <BarChartOutlined />, access: 'callbackManage' },
      { path: '/surveys', label: 'menu.surveys', icon: <SmileOutlined />, access: 'surveys' },
    ],
  },
  {
    key: 'knowledge',
    label: 'menu.knowledgeGroup',
    icon: <BookOutlined />,
    children: [
      { path: '/knowledge', label: 'menu.knowledge', icon: <BookOutlined />, access: 'knowledge' },
      { path: '/canned-replies', label: 'menu.cannedReplies', icon: <ThunderboltOutlined />, access: 'cannedReplies' },
    ],
  },
  {
    key: 'settings',
    label: 'menu.settings',
    icon: <SettingOutlined />,
    children: [
      { path: '/settings/departments', label: 'menu.departments', icon: <ApartmentOutlined />, access: 'orgManage' },
      { path: '/settings/teams', label: 'menu.teams', icon: <TeamOutlined />, access: 'orgManage' },
      { path: '/settings/users', label: 'menu.users', icon: <UserOutlined />, access: 'orgManage' },
      { path: '/settings/roles', label: 'menu.roles', icon: <SafetyCertificateOutlined />, access: 'orgManage' },
      { path: '/settings/forms', label: 'menu.forms', icon: <FormOutlined />, access: 'forms' },
      { path: '/settings/rules', label: 'menu.rules', icon: <BranchesOutlined />, access: 'ruleManage' },
      { path: '/settings/positions', label: 'menu.positions', icon: <IdcardOutlined />, access: 'ruleManage' },
      { path: '/settings/sla-policies', label: 'menu.slaPolicies', icon: <FieldTimeOutlined />, access: 'ruleManage' },
      { path: '/settings/calendars', label: 'menu.calendars', icon: <CalendarOutlined />, access: 'ruleManage' },
      { path: '/settings/callback-policies', label: 'menu.callbackPolicies', icon: <ScheduleOutlined />, access: 'callbackManage' },
      { path: '/settings/callback-scripts', label: 'menu.callbackScripts', icon: <ReadOutlined />, access: 'callbackManage' },
      { path: '/settings/customer-classes', label: 'menu.customerClasses', icon: <CrownOutlined />, access: 'customerManage' },
      { path: '/settings/chat-channels', label: 'menu.chatChannels', icon: <ApiOutlined />, access: 'inboxManage' },
      { path: '/settings/knowledge', label: 'menu.kbSettings', icon: <TagsOutlined />, access: 'kbPublish' },
    ],
  },
];

export function isGroup(n: NavItem | NavGroup): n is NavGroup {
  return 'children' in n;
}

/** The nav filtered to what this user may open; empty groups disappear. */
export function visibleNav(access: Access): (NavItem | NavGroup)[] {
  return NAV.flatMap<NavItem | NavGroup>((n) => {
    if (!isGroup(n)) return access[n.access] ? [n] : [];
    const children = n.children.filter((c) => access[c.access]);
    return children.length ? [{ ...n, children }] : [];
  });
}

export function firstAllowedPath(access: Access): string | null {
  for (const n of visibleNav(access)) {
    if (!isGroup(n)) return n.path;
    if (n.children[0]) return n.children[0].path;
  }
  return null;
}

/** Where /settings leads: the first settings page this user may open. */
export function firstSettingsPath(access: Access): string | null {
  const group = visibleNav(access).find((n): n is NavGroup => isGroup(n) && n.key === 'settings');
  return group?.children[0]?.path ?? null;
}
