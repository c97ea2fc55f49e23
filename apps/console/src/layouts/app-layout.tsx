import { useState } from 'react';
import { Button, Drawer, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet } from 'react-router';
import { useT } from '../i18n/i18n-provider.tsx';
import { usePhoneLayout } from '../hooks/use-media-query.ts';
import { HeaderBar } from './header-bar.tsx';
import { SideMenu } from './side-menu.tsx';
import { SIDER_WIDTH } from './layout-size.ts';
import { NotificationsProvider } from '../notifications/notifications-provider.tsx';
import { InboxCountsProvider } from '../notifications/inbox-counts.tsx';
import { ChatAlerts } from '../notifications/chat-alerts.tsx';
import { useAccess } from '../session/session-provider.tsx';

const { Sider, Header, Content } = Layout;

/** A sidebar on a desk; on a phone the menu opens as a drawer from the header's ☰. */
export function AppLayout() {
  const t = useT();
  const phone = usePhoneLayout();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const access = useAccess();

  return (
    <NotificationsProvider>
      <InboxCountsProvider>
        {/* a chat offered to me: desktop notice and sound, wherever I am in the console */}
        {access.inbox ? <ChatAlerts /> : null}
        <Layout style={{ minHeight: '100vh' }}>
          {phone ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={264}
              closable={false}
              className="kefu-menu-drawer"
              styles={{ body: { padding: 0 } }}
            >
              <div className="kefu-logo">{t('app.name')}</div>
              <SideMenu onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          ) : (
            <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={SIDER_WIDTH} theme="dark" className="kefu-sider">
              <div className="kefu-logo">{collapsed ? t('app.shortName') : t('app.name')}</div>
              <SideMenu />
            </Sider>
          )}
          <Layout style={{ minWidth: 0 }}>
            <Header className={phone ? 'kefu-header kefu-header-phone' : 'kefu-header'} data-testid="app-header">
              {phone ? (
                <>
                  <Button
                    type="text"
                    icon={<MenuOutlined />}
                    aria-label={t('header.menu')}
                    onClick={() => setDrawerOpen(true)}
                    data-testid="menu-toggle"
                    data-header-item
                  />
                  <span className="kefu-header-title" data-header-item>
                    {t('app.shortName')}
                  </span>
                </>
              ) : null}
              <HeaderBar phone={phone} />
            </Header>
            <Content className={phone ? 'kefu-content kefu-content-phone' : 'kefu-content'} data-testid="app-content">
              <Outlet />
            </Content>
          </Layout>
        </Layout>
      </InboxCountsProvider>
    </NotificationsProvider>
  );
}
