import { useState } from 'react';
import { App, Alert, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MonthEndList, MonthEndSummary } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useAccess } from '../../session/session-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { money } from './renewal-words.tsx';

/** 月底无人负责名单 (RPT-19): the lists as they were sent, and next month's as it stands. */
export function MonthEndTab({ month, onMonth }: { month?: string; onMonth: (m: string) => void }) {
  const t = useT();
  const access = useAccess();
  const { message } = App.useApp();
  const lists = useRequest(() => api.get<{ items: MonthEndSummary[]; nextMonth: string }>('/renewals/month-end-lists'), []);
  const chosen = month ?? lists.data?.items[0]?.month ?? lists.data?.nextMonth;
  const list = useRequest(() => (chosen ? api.get<MonthEndList>(`/renewals/month-end-lists/${chosen}`) : Promise.resolve(undefined)), [chosen]);
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!chosen) return;
    setSending(true);
    try {
      list.setData(await api.post<MonthEndList>(`/renewals/month-end-lists/${chosen}/send`));
      void message.success(t('renewal.monthEnd.sent'));
      void lists.reload();
    } catch {
      // reported by the API client
    } finally {
      setSending(false);
    }
  };
  const l = list.data;
  const months = [...new Set([...(lists.data ? [lists.data.nextMonth] : []), ...(lists.data?.items.map((i) => i.month) ?? [])])].sort().reverse();

  return (
    <div data-testid="renewals-month-end">
      <Alert type="info" showIcon title={t('renewal.monthEnd.intro')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        {months.map((m) => {
          const stored = lists.data?.items.find((i) => i.month === m);
          return (
            <Button key={m} type={m === chosen ? 'primary' : 'default'} onClick={() => onMonth(m)} data-testid={`month-end-${m}`}>
              {m}{stored ? ` · ${t('renewal.monthEnd.count', { n: stored.count })}` : ''}
            </Button>
          );
        })}
      </Space>
      {lists.data && !lists.data.items.length ? <Typography.Paragraph type="secondary">{t('renewal.monthEnd.none')}</Typography.Paragraph> : null}
      {l ? (
        <Card
          size="small"
          loading={list.loading && !l}
          title={<Space wrap><span>{l.month}</span><Tag>{t('renewal.monthEnd.count', { n: l.count })}</Tag></Space>}
          extra={access.renewalManage ? (
            <Popconfirm title={t('renewal.monthEnd.sendConfirm', { month: l.month })} onConfirm={send} okText={t('renewal.monthEnd.sendNow')} cancelText={t('common.cancel')}>
              <Button size="small" loading={sending} data-testid="month-end-send">{t('renewal.monthEnd.sendNow')}</Button>
            </Popconfirm>
          ) : null}
        >
          <Typography.Paragraph type="secondary" data-testid="month-end-sent">
            {l.stored && l.sentAt
              ? `${t('renewal.monthEnd.sentAt', { at: formatDateTime(l.sentAt), to: l.recipientNames.join('、') || '—' })} · ${l.sentByName ? t('renewal.monthEnd.byHand', { name: l.sentByName }) : t('renewal.monthEnd.byJob')}`
              : t('renewal.monthEnd.notSent')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="serviceId"
            pagination={false}
            dataSource={l.items}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty description={t('renewal.monthEnd.empty')} /> }}
            columns={[
              { title: t('renewal.customer'), dataIndex: 'customerName', render: (n: string, i) => <Link to={`/customers/${i.customerId}`}>{n}</Link> },
              { title: t('renewal.service'), dataIndex: 'name', render: (n: string, i) => <Space size={4} wrap>{n}<Tag>{i.kindName}</Tag></Space> },
              { title: t('renewal.expiresAt'), dataIndex: 'expiresAt', width: 110 },
              { title: t('renewal.price'), dataIndex: 'price', width: 100, align: 'right', render: money },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
