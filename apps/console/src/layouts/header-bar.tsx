import { Button, Dropdown, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { BellOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { PasswordDialog } from './password-dialog.tsx';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../session/session-provider.tsx';
import { useT } from '../i18n/i18n-provider.tsx';
import { LocaleSwitch } from '../components/locale-switch.tsx';
import { NotificationBell } from '../notifications/notification-bell.tsx';

export function HeaderBar() {
  const me = useMe();
  const { signOut } = useSession();
  const t = useT();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <Space size="middle" style={{ float: 'right' }}>
      <PasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      <NotificationBell />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'notifications', icon: <BellOutlined />, label: t('notification.preferences') },
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{t('password.title')}</span> },
          ],
          onClick: ({ key }) => {
            if (key === 'notifications') navigate('/me/notifications');
            if (key === 'password') setChangingPassword(true);
          },
        }}
      >
        <Typography.Link data-testid="user-menu" style={{ color: 'inherit' }}>
          <span data-testid="current-user">
            <UserOutlined /> {me.displayName}
            {me.jobNumber ? <Typography.Text type="secondary"> ({me.jobNumber})</Typography.Text> : null}
          </span>{' '}
          <DownOutlined style={{ fontSize: 10 }} />
        </Typography.Link>
      </Dropdown>
      <LocaleSwitch />
      <Tooltip title={t('header.logout')}>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          data-testid="logout"
          onClick={async () => {
            await signOut();
            navigate('/login', { replace: true });
          }}
        >
          {t('header.logout')}
        </Button>
      </Tooltip>
    </Space>
  );
}
