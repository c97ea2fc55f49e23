import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Table, Typography } from 'antd';
import { api, itemsOf } from '../../api/client.ts';
import { notificationPreferencesBody } from '../../api/bodies.ts';
import type { NotificationChannel, NotificationPreference } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { NOTIFICATION_KINDS, type NotificationKind } from '@kefu/shared/notifications-api';

type Choice = Record<string, NotificationChannel[]>;

const CHANNELS: NotificationChannel[] = ['email', 'sms'];

/** Per kind of notification: also by email, also by SMS (in the console it always shows). */
export function NotificationPreferencesPage() {
  const t = useT();
  const { message } = App.useApp();
  const prefs = useRequest(() => api.get<{ items: NotificationPreference[] }>('/me/notification-preferences').then(itemsOf), []);
  const [choice, setChoice] = useState<Choice>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (prefs.data) setChoice(Object.fromEntries(prefs.data.map((p) => [p.kind, p.channels])));
  }, [prefs.data]);

  const toggle = (kind: string, channel: NotificationChannel, on: boolean) =>
    setChoice((c) => {
      const now = new Set(c[kind] ?? []);
      if (on) now.add(channel);
      else now.delete(channel);
      return { ...c, [kind]: CHANNELS.filter((x) => now.has(x)) };
    });

  const save = async () => {
    setSaving(true);
    try {
      const res = await api.put<{ items: NotificationPreference[] }>('/me/notification-preferences', notificationPreferencesBody(choice));
      prefs.setData(res.items);
      void message.success(t('common.saved'));
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };

  // kinds the server knows but this console does not are kept as they are
  const kinds: string[] = [...NOTIFICATION_KINDS, ...Object.keys(choice).filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k))];

  return (
    <div data-testid="notification-preferences">
      <PageTitle
        title={t('notification.preferences')}
        extra={
          <Button type="primary" loading={saving} disabled={!prefs.data} onClick={() => void save()} data-testid="preferences-save">
            {t('common.save')}
          </Button>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('notification.prefsHint')} description={t('notification.prefsUrgentHint')} />
      <Card size="small">
        <Table<{ kind: string }>
          size="small"
          rowKey="kind"
          loading={prefs.loading}
          pagination={false}
          dataSource={kinds.map((kind) => ({ kind }))}
          columns={[
            {
              title: t('notification.kindColumn'),
              dataIndex: 'kind',
              render: (k: string) =>
                (NOTIFICATION_KINDS as readonly string[]).includes(k) ? (
                  <span>
                    {t(`notification.kind.${k as NotificationKind}`)}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`notification.kindHint.${k as NotificationKind}`)}
                    </Typography.Text>
                  </span>
                ) : (
                  <Typography.Text code>{k}</Typography.Text>
                ),
            },
            { title: t('notification.channel.in_app'), key: 'in_app', width: 110, align: 'center', render: () => <Checkbox checked disabled /> },
            ...CHANNELS.map((ch) => ({
              title: t(`notification.channel.${ch}`),
              key: ch,
              width: 110,
              align: 'center' as const,
              render: (_: unknown, r: { kind: string }) => (
                <Checkbox
                  checked={(choice[r.kind] ?? []).includes(ch)}
                  onChange={(e) => toggle(r.kind, ch, e.target.checked)}
                  data-testid={`pref-${r.kind}-${ch}`}
                />
              ),
            })),
          ]}
        />
      </Card>
    </div>
  );
}
