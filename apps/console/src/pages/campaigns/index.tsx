import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, itemsOf } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { callbackTypeLabel } from './callback-type.ts';
import { campaignProgress } from './customer-filter.ts';
import { CampaignDrawer } from './campaign-drawer.tsx';
import { CampaignCallbacks } from './campaign-callbacks.tsx';

/** GET /callback-campaigns: a campaign with its progress. */
interface Campaign {
  id: string;
  name: string;
  callbackType: string;
  status: string;
  customerCount: number;
  createdAt: string;
  teamName: string | null;
  done: number;
  open: number;
  overdue: number;
  satisfied: number;
  reached: number;
  /** callbacks cancelled when the campaign was ended early */
  cancelled: number;
}

/** 回访活动 (CBK-03): batch callbacks to customers picked from the archive, and how far each has got. */
export function CampaignsPage() {
  const t = useT();
  const list = useRequest(() => api.get<{ items: Campaign[] }>('/callback-campaigns').then(itemsOf), []);
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();
  const [expanded, setExpanded] = useState<string[]>([]);
  const statusWord = (s: string) => {
    const key = `campaign.state.${s}`;
    return hasMessage(key) ? t(key) : s;
  };

  return (
    <div data-testid="campaigns">
      <PageTitle
        title={t('menu.campaigns')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
              {t('campaign.new')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Table<Campaign>
          size="middle"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('campaign.none')} /> }}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
            expandedRowRender: (c) => <CampaignCallbacks campaignId={c.id} />,
          }}
          data-testid="campaign-table"
          columns={[
            {
              title: t('campaign.name'),
              dataIndex: 'name',
              // the other columns have fixed widths: the name keeps room to read
              minWidth: 200,
              render: (name: string, c) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(c.createdAt)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('campaign.callbackType'), dataIndex: 'callbackType', width: 110, render: (c: string) => <Tag color="blue">{callbackTypeLabel(t, c)}</Tag> },
            { title: t('campaign.col.team'), dataIndex: 'teamName', width: 120, render: (n: string | null) => n ?? '—' },
            { title: t('campaign.col.customers'), dataIndex: 'customerCount', width: 90, align: 'right' },
            {
              title: t('campaign.col.progress'),
              key: 'progress',
              width: 220,
              render: (_, c) => {
                const p = campaignProgress(c);
                return (
                  <Tooltip title={t('campaign.progressHint', { done: c.done, open: c.open, total: c.customerCount })}>
                    <div data-testid="campaign-progress">
                      <Progress percent={p.donePct} size="small" status={c.overdue ? 'exception' : p.donePct === 100 ? 'success' : 'active'} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('campaign.doneOf', { done: c.done, total: c.customerCount })}
                      </Typography.Text>
                    </div>
                  </Tooltip>
                );
              },
            },
            {
              title: t('campaign.col.overdue'),
              dataIndex: 'overdue',
              width: 80,
              align: 'right',
              render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0),
            },
            { title: t('campaign.col.reached'), dataIndex: 'reached', width: 80, align: 'right' },
            {
              title: t('campaign.col.satisfaction'),
              key: 'satisfaction',
              width: 90,
              align: 'right',
              render: (_, c) => {
                const pct = campaignProgress(c).satisfactionPct;
                return pct === null ? '—' : `${pct} %`;
              },
            },
            {
              title: t('campaign.col.state'), dataIndex: 'status', width: 110,
              render: (s: string, c) => (
                <Tooltip title={c.cancelled ? t('campaign.cancelledN', { n: c.cancelled }) : undefined}>
                  <Tag color={s === 'running' ? 'processing' : s === 'done' ? 'success' : 'default'}>{statusWord(s)}</Tag>
                </Tooltip>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              render: (_, c) => (
                <Space size={0}>
                {c.status === 'running' ? (
                  <Popconfirm
                    title={t('campaign.endConfirm', { n: c.open })}
                    okText={t('campaign.end')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={async () => {
                      try {
                        const r = await api.post<{ cancelled: number }>(`/callback-campaigns/${c.id}/close`);
                        void message.success(t('campaign.ended', { n: r.cancelled }));
                        void list.reload();
                      } catch {
                        // reported by the API client
                      }
                    }}
                  >
                    <Button type="link" size="small" danger data-testid="campaign-end">{t('campaign.end')}</Button>
                  </Popconfirm>
                ) : null}
                <Button
                  type="link"
                  size="small"
                  onClick={() => setExpanded((keys) => (keys.includes(c.id) ? keys.filter((k) => k !== c.id) : [...keys, c.id]))}
                  data-testid="campaign-show-callbacks"
                >
                  {expanded.includes(c.id) ? t('campaign.hideCallbacks') : t('campaign.showCallbacks')}
                </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CampaignDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onStarted={() => {
          setCreating(false);
          void list.reload();
        }}
      />
    </div>
  );
}
