import { Button, Dropdown, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { PasswordDialog } from './password-dialog.tsx';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../session/session-provider.tsx';
import { useT } from '../i18n/i18n-provider.tsx';
import { LocaleSwitch } from '../components/locale-switch.tsx';
import { NotificationBell } from '../notifications/notification-bell.tsx';

/**
 * The header's right side. On a phone the user's name and "sign out" move
 * into the user menu, so the bell, the language switch and that menu fit
 * on one line beside the ☰.
 */
export function HeaderBar({ phone }: { phone: boolean }) {
  const me = useMe();
  const { signOut } = useSession();
  const t = useT();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  const logout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
  const who = (
    <>
      {me.displayName}
      {me.jobNumber ? <Typography.Text type="secondary"> ({me.jobNumber})</Typography.Text> : null}
    </>
  );
  const items: MenuProps['items'] = [
    ...(phone ? [{ key: 'who', label: who, disabled: true }, { type: 'divider' as const }] : []),
    { key: 'notifications', icon: <BellOutlined />, label: t('notification.preferences') },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{t('password.title')}</span> },
    ...(phone ? [{ key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span> }] : []),
  ];
  return (
    <div className="kefu-header-bar">
      <PasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      <span data-header-item>
        <NotificationBell />
      </span>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'notifications') navigate('/me/notifications');
            if (key === 'password') setChangingPassword(true);
            if (key === 'logout') void logout();
          },
        }}
      >
        <Typography.Link data-header-item data-testid="user-menu" className="kefu-user-menu" aria-label={me.displayName}>
          <UserOutlined />
          {phone ? null : (
            <span data-testid="current-user" className="kefu-user-name">
              {who}
            </span>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Typography.Link>
      </Dropdown>
      <span data-header-item>
        <LocaleSwitch />
      </span>
      {phone ? null : (
        <Button type="text" icon={<LogoutOutlined />} data-testid="logout" data-header-item onClick={() => void logout()}>
          {t('header.logout')}
        </Button>
      )}
    </div>
  );
}
