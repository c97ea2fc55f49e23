import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { LoginResponse } from '../../api/types.ts';
import { loginBody } from '../../api/bodies.ts';
import { useSession } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { LocaleSwitch } from '../../components/locale-switch.tsx';
import './login.css';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (state.status === 'signed-in') return <Navigate to={from} replace />;

  const onFinish = async (v: LoginForm) => {
    setSubmitting(true);
    try {
      // The server sets an httpOnly session cookie; the token is for API clients.
      const res = await api.post<LoginResponse>('/auth/login', loginBody(v));
      signIn(res.user);
      navigate(from, { replace: true });
    } catch {
      // the API client showed the message
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="kefu-login">
      <div className="kefu-login-locale">
        <LocaleSwitch />
      </div>
      <Card className="kefu-login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
