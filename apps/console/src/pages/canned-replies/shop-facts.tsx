import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ChatChannel, ShopFacts } from '@kefu/shared/conversations-api';
import { api } from '../../api/client.ts';
import { chatChannelsResource, useChatChannels } from '../../api/shared-data.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';

const FACTS = ['name', 'courier', 'returnPolicy', 'phone', 'hours'] as const;

/** Each chat channel's shop facts, which fill {shopName}, {shopCourier}… in canned replies; conversation:manage keeps them. */
export function ShopFactsPanel() {
  const t = useT();
  const access = useAccess();
  const { message } = App.useApp();
  const channels = useChatChannels();
  const [form] = Form.useForm<ShopFacts>();
  const [editing, setEditing] = useState<ChatChannel | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ServerError | null>(null);
  const chats = (channels ?? []).filter((c) => c.kind === 'chat');

  const open = (c: ChatChannel) => {
    setEditing(c);
    setError(null);
    form.setFieldsValue(c.settings.shop);
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    setSaving(true);
    setError(null);
    try {
      // the channel's settings go whole: the rest stays as it is
      await api.patch(`/chat-channels/${editing.id}`, { settings: { ...editing.settings, shop: v } }, { silent: (e) => e.status !== 401 });
      setEditing(null);
      chatChannelsResource.invalidate();
      void message.success(t('common.saved'));
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="shop-facts">
      <Typography.Paragraph type="secondary">{t('shop.hint')}</Typography.Paragraph>
      {!chats.length ? <Empty description={t('shop.noChannels')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {chats.map((c) => (
          <Card
            key={c.id}
            size="small"
            title={c.name}
            extra={
              access.inboxManage ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => open(c)} data-testid="shop-edit">
                  {t('common.edit')}
                </Button>
              ) : null
            }
            data-testid="shop-channel"
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              {FACTS.map((f) => (
                <Descriptions.Item key={f} label={<span title={`{${factVariable(f)}}`}>{t(`shop.${f}`)}</span>}>
                  {c.settings.shop[f] || (f === 'name' ? <Typography.Text type="secondary">{c.name}</Typography.Text> : '—')}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        ))}
      </Space>
      <Modal
        open={!!editing}
        title={t('shop.editTitle', { name: editing?.name ?? '' })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <ServerErrorAlert error={error} pathLabel={(p) => p} testId="shop-error" />
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('shop.name')} extra={t('shop.nameHint')}>
            <Input maxLength={64} placeholder={editing?.name} />
          </Form.Item>
          <Form.Item name="courier" label={t('shop.courier')}>
            <Input maxLength={100} placeholder={t('shop.courierExample')} />
          </Form.Item>
          <Form.Item name="returnPolicy" label={t('shop.returnPolicy')}>
            <Input maxLength={200} placeholder={t('shop.returnPolicyExample')} />
          </Form.Item>
          <Form.Item name="phone" label={t('shop.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="hours" label={t('shop.hours')}>
            <Input maxLength={100} placeholder={t('shop.hoursExample')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** the variable a fact fills: name → shopName */
function factVariable(f: (typeof FACTS)[number]): string {
  return `shop${f[0].toUpperCase()}${f.slice(1)}`;
}
