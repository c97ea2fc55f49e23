import { useMemo, useState } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useAccess } from '../session/session-provider.tsx';
import { useT } from '../i18n/i18n-provider.tsx';
import { isGroup, visibleNav } from './nav.tsx';
import { HeaderBar } from './header-bar.tsx';
import { NotificationsProvider } from '../notifications/notifications-provider.tsx';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const access = useAccess();
  const t = useT();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const nav = useMemo(() => visibleNav(access), [access]);

  const items: MenuProps['items'] = nav.map((n) =>
    isGroup(n)
      ? {
          key: n.key,
          icon: n.icon,
          label: t(n.label),
          children: n.children.map((c) => ({ key: c.path, icon: c.icon, label: <Link to={c.path}>{t(c.label)}</Link> })),
        }
      : { key: n.path, icon: n.icon, label: <Link to={n.path}>{t(n.label)}</Link> },
  );
  const paths = nav.flatMap((n) => (isGroup(n) ? n.children.map((c) => c.path) : [n.path]));
  const selected = paths
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  const openGroup = nav.find((n) => isGroup(n) && n.children.some((c) => c.path === selected));

  return (
    <NotificationsProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} theme="dark" className="kefu-sider">
          <div className="kefu-logo">{collapsed ? t('app.shortName') : t('app.name')}</div>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={openGroup && isGroup(openGroup) ? [openGroup.key] : []}
            data-testid="side-menu"
          />
        </Sider>
        <Layout>
          <Header className="kefu-header">
            <HeaderBar />
          </Header>
          <Content className="kefu-content">
            <Outlet />
          </Content>
        </Layout>
      </Layout>
    </NotificationsProvider>
  );
}
