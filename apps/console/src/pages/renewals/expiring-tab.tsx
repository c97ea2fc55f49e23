import { useState } from 'react';
import { Button, Checkbox, DatePicker, Empty, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SERVICE_STATUSES, type CustomerService, type RenewalKind } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useAccess } from '../../session/session-provider.tsx';
import { dayjs } from '../../utils/time.ts';
import { Countdown, leadText, money, StatusTag } from './renewal-words.tsx';
import { ServiceActions } from './service-actions.tsx';

export interface ExpiringFilters { month: string; kind?: string; owner?: string; status?: string; unowned: boolean }

/** 即将到期: the month's expiries, soonest first, with the countdown and what can be done. */
export function ExpiringTab({ filters, onFilters, kinds }: { filters: ExpiringFilters; onFilters: (p: Partial<ExpiringFilters>) => void; kinds: RenewalKind[] }) {
  const t = useT();
  const access = useAccess();
  const directory = useDirectory();
  const [more, setMore] = useState<{ items: CustomerService[]; cursor: string | null } | null>(null);
  const query = { month: filters.month, kind: filters.kind, owner: filters.owner, status: filters.status, unowned: filters.unowned ? 'true' : undefined, limit: 50 };
  const list = useRequest(async () => {
    setMore(null);
    return api.get<Page<CustomerService>>('/renewals', query);
  }, [filters.month, filters.kind, filters.owner, filters.status, filters.unowned]);
  const items = [...(list.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : list.data?.nextCursor ?? null;
  const loadMore = async () => {
    const page = await api.get<Page<CustomerService>>('/renewals', { ...query, cursor: cursor ?? undefined });
    setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
  };
  const kindOf = (key: string) => kinds.find((k) => k.key === key);

  return (
    <div data-testid="renewals-expiring">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${filters.month}-01`)} format="YYYY-MM" onChange={(d) => d && onFilters({ month: d.format('YYYY-MM') })}
          aria-label={t('renewal.month')} data-testid="renewal-month" />
        <Select allowClear placeholder={t('renewal.kind')} style={{ minWidth: 130 }} value={filters.kind} onChange={(v) => onFilters({ kind: v })}
          options={kinds.map((k) => ({ value: k.key, label: k.name }))} />
        {access.renewalManage ? (
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('renewal.owner')} style={{ minWidth: 130 }} value={filters.owner} onChange={(v) => onFilters({ owner: v })}
            options={(directory?.users ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        ) : null}
        <Select allowClear placeholder={t('renewal.status')} style={{ minWidth: 110 }} value={filters.status} onChange={(v) => onFilters({ status: v })}
          options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`renewal.state.${s}`) }))} />
        <Checkbox checked={filters.unowned} onChange={(e) => onFilters({ unowned: e.target.checked })}>{t('renewal.unownedOnly')}</Checkbox>
      </Space>
      <ResponsiveTable<CustomerService>
        size="middle"
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 920 }}
        locale={{ emptyText: <Empty description={t('renewal.none')} /> }}
        data-testid="renewals-table"
        columns={[
          { title: t('renewal.customer'), dataIndex: 'customerName', render: (n: string, s) => <Link to={`/customers/${s.customerId}`}>{n}</Link> },
          {
            title: t('renewal.service'), dataIndex: 'name', minWidth: 180,
            render: (n: string, s) => {
              const k = kindOf(s.kind);
              return (
                <Space size={4} wrap>
                  <Typography.Text>{n}</Typography.Text>
                  <Tag title={k ? leadText(t, k) : undefined}>{s.kindName}</Tag>
                  {k?.tentative ? <Tag color="gold">{t('renewal.tentative')}</Tag> : null}
                </Space>
              );
            },
          },
          { title: t('renewal.expiresAt'), dataIndex: 'expiresAt', width: 110 },
          { title: t('renewal.countdown'), key: 'countdown', width: 150, render: (_, s) => <Countdown s={s} /> },
          {
            title: t('renewal.owner'), dataIndex: 'ownerName', width: 120,
            render: (n: string | null, s) => (s.unowned ? <Tag color="orange">{t('renewal.unowned')}{n ? ` · ${n}` : ''}</Tag> : n),
          },
          {
            title: t('renewal.status'), dataIndex: 'status', width: 140,
            render: (st: string, s) => (
              <Space size={4} wrap>
                <StatusTag status={st} />
                {s.pendingTransferId ? <Tag color="purple">{t('renewal.transferPending')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('renewal.price'), dataIndex: 'price', width: 100, align: 'right', render: money },
          { title: t('common.actions'), key: 'actions', width: 200, render: (_, s) => <ServiceActions service={s} onChanged={() => void list.reload()} /> },
        ]}
      />
      {cursor ? <Button block style={{ marginTop: 8 }} onClick={() => void loadMore()}>{t('pager.next')}</Button> : null}
    </div>
  );
}
