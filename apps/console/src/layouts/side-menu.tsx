import { useMemo } from 'react';
import { Badge, Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useAccess } from '../session/session-provider.tsx';
import { useT } from '../i18n/i18n-provider.tsx';
import { useInboxCounts } from '../notifications/inbox-counts.tsx';
import { isGroup, visibleNav, type NavItem } from './nav.tsx';

/** The navigation menu: in the sidebar on a desk, in the drawer on a phone. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const access = useAccess();
  const t = useT();
  const location = useLocation();
  const nav = useMemo(() => visibleNav(access), [access]);
  const { counts } = useInboxCounts();
  // the inbox: unread messages of my conversations and conversations nobody has taken yet
  const badges: Record<NonNullable<NavItem['badge']>, number> = { inbox: counts ? counts.unread + counts.queue : 0 };

  const link = (path: string, label: string, badge?: NavItem['badge']) => (
    <Link to={path} onClick={onNavigate}>
      {label}
      {badge && badges[badge] ? (
        <Badge count={badges[badge]} size="small" overflowCount={99} style={{ marginInlineStart: 8, boxShadow: 'none' }} data-testid={`menu-badge-${badge}`} />
      ) : null}
    </Link>
  );
  const items: MenuProps['items'] = nav.map((n) =>
    isGroup(n)
      ? {
          key: n.key,
          icon: n.icon,
          label: t(n.label),
          children: n.children.map((c) => ({ key: c.path, icon: c.icon, label: link(c.path, t(c.label), c.badge) })),
        }
      : { key: n.path, icon: n.icon, label: link(n.path, t(n.label), n.badge) },
  );
  const paths = nav.flatMap((n) => (isGroup(n) ? n.children.map((c) => c.path) : [n.path]));
  const selected = paths
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  const openGroup = nav.find((n) => isGroup(n) && n.children.some((c) => c.path === selected));

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={openGroup && isGroup(openGroup) ? [openGroup.key] : []}
      data-testid="side-menu"
    />
  );
}
