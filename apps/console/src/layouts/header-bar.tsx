import { Button, Space, Tooltip, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../session/session-provider.tsx';
import { useT } from '../i18n/i18n-provider.tsx';
import { LocaleSwitch } from '../components/locale-switch.tsx';

export function HeaderBar() {
  const me = useMe();
  const { signOut } = useSession();
  const t = useT();
  const navigate = useNavigate();
  return (
    <Space size="middle" style={{ float: 'right' }}>
      <Typography.Text data-testid="current-user">
        <UserOutlined /> {me.displayName}
        {me.jobNumber ? <Typography.Text type="secondary"> ({me.jobNumber})</Typography.Text> : null}
      </Typography.Text>
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
