import { useState } from 'react';
import { Alert, Button, Popover, Space, Switch, Typography } from 'antd';
import { BellOutlined, SoundOutlined } from '@ant-design/icons';
import { desktopPermission, useAlertPrefs } from '../../notifications/chat-alerts.tsx';
import type { DesktopPermission } from '../../notifications/chat-alerts-model.ts';
import { playChime, unlockChime } from '../../notifications/chime.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/**
 * How I want to hear of a chat offered to me: a desktop notice (the
 * browser's permission is asked on this click, as browsers require) and a
 * chime (off until switched on here).
 */
export function AlertSettings() {
  const t = useT();
  const [prefs, setPrefs] = useAlertPrefs();
  const [permission, setPermission] = useState<DesktopPermission>(desktopPermission);

  const toggleDesktop = async (on: boolean) => {
    if (on && permission === 'default') {
      const answer = await Notification.requestPermission();
      setPermission(answer);
      setPrefs({ ...prefs, desktop: answer === 'granted' });
      return;
    }
    setPrefs({ ...prefs, desktop: on });
  };
  const toggleSound = (on: boolean) => {
    if (on) {
      unlockChime();
      // heard at once: the user knows what it sounds like
      setTimeout(playChime, 50);
    }
    setPrefs({ ...prefs, sound: on });
  };
  const desktopOn = prefs.desktop && permission === 'granted';

  const content = (
    <div style={{ width: 250 }} data-testid="alert-settings">
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        <div>
          <Space>
            <Switch size="small" checked={desktopOn} disabled={permission === 'unsupported' || permission === 'denied'} onChange={(on) => void toggleDesktop(on)} data-testid="alert-desktop" />
            {t('inbox.alerts.desktop')}
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {t('inbox.alerts.desktopHint')}
          </Typography.Paragraph>
          {permission === 'denied' ? <Alert type="warning" showIcon style={{ marginTop: 6, fontSize: 12 }} title={t('inbox.alerts.denied')} /> : null}
          {permission === 'unsupported' ? <Typography.Text type="secondary">{t('inbox.alerts.unsupported')}</Typography.Text> : null}
        </div>
        <Space>
          <Switch size="small" checked={prefs.sound} onChange={toggleSound} data-testid="alert-sound" />
          {t('inbox.alerts.sound')}
          <Button size="small" type="link" icon={<SoundOutlined />} onClick={() => { unlockChime(); setTimeout(playChime, 50); }}>
            {t('inbox.alerts.test')}
          </Button>
        </Space>
      </Space>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('inbox.alerts.label')} content={content}>
      <Button size="small" type="text" icon={<BellOutlined />} aria-label={t('inbox.alerts.label')} data-testid="alert-settings-button" />
    </Popover>
  );
}
