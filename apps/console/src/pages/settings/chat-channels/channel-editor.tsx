import { useEffect, useState } from 'react';
import { App, Checkbox, Divider, Drawer, Form, Input, InputNumber, Button, Radio, Select, Space, Switch, Typography } from 'antd';
import { CONVERSATION_KINDS, type ChatChannel, type ChatChannelSettings } from '@kefu/shared/conversations-api';
import { SURVEY_SCALES } from '@kefu/shared/callbacks';
import { api, itemsOf } from '../../../api/client.ts';
import type { BusinessCalendar } from '../../../api/types.ts';
import { useDirectory } from '../../../api/shared-data.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';

type Values = {
  key: string; name: string; kind: ChatChannel['kind']; teamId: string | null; active: boolean;
  settings: Omit<ChatChannelSettings, 'shop'>;
};

/** Adds a channel or changes one: its queue, pre-chat form, texts, targets and rating. The shop's facts stay as they are. */
export function ChannelEditor({ channel, open, onClose, onSaved }: { channel: ChatChannel | null; open: boolean; onClose: () => void; onSaved: (c: ChatChannel) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const dir = useDirectory();
  const calendars = useRequest(() => api.get<{ items: BusinessCalendar[] }>('/calendars').then(itemsOf), []);
  useEffect(() => {
    if (!open) return;
    if (channel) form.setFieldsValue({ key: channel.key, name: channel.name, kind: channel.kind, teamId: channel.teamId, active: channel.active, settings: channel.settings });
    else form.resetFields();
  }, [open, channel, form]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      // the shop's facts are edited elsewhere (canned replies): send them back unchanged
      const settings = { ...channel?.settings, ...v.settings };
      const saved = channel
        ? await api.patch<ChatChannel>(`/chat-channels/${channel.id}`, { name: v.name, kind: v.kind, teamId: v.teamId ?? null, active: v.active, settings })
        : await api.post<ChatChannel>('/chat-channels', { key: v.key, name: v.name, kind: v.kind, teamId: v.teamId ?? null, active: v.active, settings });
      void message.success(t('channel.saved'));
      onSaved(saved);
    } catch {
      // reported by the API client (a key taken, a bad value)
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={channel ? t('channel.edit') : t('channel.new')}
      width="min(520px, 100vw)"
      destroyOnHidden
      extra={<Button type="primary" loading={saving} onClick={save} data-testid="channel-save">{t('common.save')}</Button>}
    >
      <Form form={form} layout="vertical" data-testid="channel-form"
        initialValues={{ kind: 'chat', active: true, teamId: null, settings: { preChat: { enabled: false, requireName: false, requireContact: false, askTopic: false }, greeting: '', autoReply: '', firstResponseMinutes: 5, resolveHours: 24, calendarId: null, reofferAfterSeconds: 90, ratingScale: 5 } }}>
        <Form.Item name="name" label={t('channel.name')} rules={[{ required: true, max: 64 }]}><Input data-testid="channel-name" /></Form.Item>
        <Form.Item name="key" label={t('channel.key')} extra={t('channel.keyHelp')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9_-]{1,39}$/ }]}>
          <Input disabled={!!channel} data-testid="channel-key" />
        </Form.Item>
        <Form.Item name="kind" label={t('channel.kind')}>
          <Select options={CONVERSATION_KINDS.map((k) => ({ value: k, label: t(`channel.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="teamId" label={t('channel.team')}>
          <Select allowClear placeholder={t('channel.noTeam')} options={(dir?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="active" label={t('channel.active')} valuePropName="checked"><Switch /></Form.Item>
        <Divider titlePlacement="start">{t('channel.preChat')}</Divider>
        <Form.Item name={['settings', 'preChat', 'enabled']} valuePropName="checked" noStyle><Checkbox>{t('channel.preChat.enabled')}</Checkbox></Form.Item>
        <Space direction="vertical" align="start" style={{ marginTop: 8, marginBottom: 16, display: 'flex' }}>
          <Form.Item name={['settings', 'preChat', 'requireName']} valuePropName="checked" noStyle><Checkbox>{t('channel.preChat.requireName')}</Checkbox></Form.Item>
          <Form.Item name={['settings', 'preChat', 'requireContact']} valuePropName="checked" noStyle><Checkbox>{t('channel.preChat.requireContact')}</Checkbox></Form.Item>
          <Form.Item name={['settings', 'preChat', 'askTopic']} valuePropName="checked" noStyle><Checkbox>{t('channel.preChat.askTopic')}</Checkbox></Form.Item>
        </Space>
        <Form.Item name={['settings', 'greeting']} label={t('channel.greeting')} extra={t('channel.greetingHelp')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="channel-greeting" />
        </Form.Item>
        <Form.Item name={['settings', 'autoReply']} label={t('channel.autoReply')} extra={t('channel.autoReplyHelp')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Typography.Text type="secondary">{t('channel.shopHint')}</Typography.Text>
        <Divider titlePlacement="start">{t('channel.targets')}</Divider>
        <Form.Item name={['settings', 'firstResponseMinutes']} label={t('channel.firstResponseMinutes')}><InputNumber min={0} max={10080} /></Form.Item>
        <Form.Item name={['settings', 'resolveHours']} label={t('channel.resolveHours')}><InputNumber min={0} max={720} /></Form.Item>
        <Form.Item name={['settings', 'calendarId']} label={t('channel.calendar')}>
          <Select allowClear placeholder={t('channel.defaultCalendar')} options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name={['settings', 'reofferAfterSeconds']} label={t('channel.reofferAfterSeconds')}><InputNumber min={0} max={3600} /></Form.Item>
        <Form.Item name={['settings', 'ratingScale']} label={t('channel.ratingScale')}>
          <Radio.Group options={SURVEY_SCALES.map((n) => ({ value: n, label: t('channel.ratingScale.n', { n }) }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
