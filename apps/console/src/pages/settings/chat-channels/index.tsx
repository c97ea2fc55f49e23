import { useState } from 'react';
import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { CopyOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChatChannel } from '@kefu/shared/conversations-api';
import { api, itemsOf } from '../../../api/client.ts';
import { chatChannelsResource } from '../../../api/shared-data.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { ResponsiveTable } from '../../../components/responsive-table.tsx';
import { ChannelEditor } from './channel-editor.tsx';

/** The one line a site embeds: the widget from this server, for this channel. */
export function widgetSnippet(origin: string, key: string): string {
  return `<script src="${origin}/widget.js" data-channel="${key}" async></script>`;
}

/** Written channels (接入渠道): the chat widget, web forms and lead forms; each one's queue, texts, targets and snippet. */
export function ChatChannelsPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useRequest(() => api.get<{ items: ChatChannel[] }>('/chat-channels').then(itemsOf), []);
  const [editing, setEditing] = useState<ChatChannel | 'new' | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('channel.copied'));
    } catch {
      // no clipboard (an insecure page): the text stays selectable
    }
  };

  return (
    <div data-testid="chat-channels-page">
      <PageTitle
        title={t('menu.chatChannels')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="channel-new">{t('channel.new')}</Button>}
      />
      <Card size="small">
        <ResponsiveTable<ChatChannel>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('channel.empty')} /> }}
          expandable={{
            expandedRowRender: (c) => (
              <div>
                <Typography.Text type="secondary">{t('channel.snippetHelp')}</Typography.Text>
                <Space.Compact style={{ width: '100%', marginTop: 6 }}>
                  <Typography.Text code copyable={false} style={{ flex: 1, overflowWrap: 'anywhere' }} data-testid="channel-snippet">{widgetSnippet(window.location.origin, c.key)}</Typography.Text>
                  <Button icon={<CopyOutlined />} onClick={() => copy(widgetSnippet(window.location.origin, c.key))}>{t('channel.copy')}</Button>
                </Space.Compact>
              </div>
            ),
          }}
          columns={[
            { title: t('channel.name'), dataIndex: 'name', render: (n: string, c) => <Space wrap>{n}{c.active ? null : <Tag>{t('channel.inactive')}</Tag>}</Space> },
            { title: t('channel.key'), dataIndex: 'key', width: 130 },
            { title: t('channel.kind'), dataIndex: 'kind', width: 170, render: (k: ChatChannel['kind']) => t(`channel.kind.${k}`) },
            { title: t('channel.team'), dataIndex: 'teamName', width: 120, render: (n: string | null) => n ?? t('channel.noTeam') },
            {
              title: t('channel.targets'), key: 'targets', width: 150,
              render: (_: unknown, c) => `${c.settings.firstResponseMinutes || '—'} min / ${c.settings.resolveHours || '—'} h`,
            },
            {
              title: t('common.actions'), key: 'actions', width: 80,
              render: (_: unknown, c) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('common.edit')} data-testid={`channel-edit-${c.key}`} />,
            },
          ]}
        />
      </Card>
      <ChannelEditor
        open={editing !== null}
        channel={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
          chatChannelsResource.invalidate();
        }}
      />
    </div>
  );
}
