import { Card, Segmented, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';

/** Customers waiting for their owner's first contact (CUS-04), soonest deadline first; overdue in red. */
export function FirstContactCard({ refreshKey }: { refreshKey: number }) {
  const t = useT();
  const [which, setWhich] = useState<'pending' | 'overdue'>('pending');
  const pages = useCursorPages<Customer>(`${which}|${refreshKey}`, (cursor) =>
    api.get<Page<Customer>>('/customer-archive/list', { kind: 'any', firstContact: which, limit: 20, cursor }));
  const now = Date.now();
  const columns: TableColumnsType<Customer> = [
    { title: t('customer.name'), dataIndex: 'name', render: (n: string, c) => <Link to={`/customers/${c.id}`}>{n}</Link> },
    { title: t('cc.tier'), dataIndex: 'tier', width: 70, render: (v: string | null) => (v ? <Tag>{v}</Tag> : null) },
    { title: t('ca.owner'), dataIndex: 'ownerName', width: 110 },
    {
      title: t('ca.firstContactDue'), dataIndex: 'firstContactDueAt', width: 170,
      render: (v: string | null) => (v ? <Typography.Text type={new Date(v).getTime() < now ? 'danger' : undefined}>{formatDateTime(v)}</Typography.Text> : '—'),
    },
  ];
  return (
    <Card size="small" title={t('ca.firstContacts')} extra={
      <Segmented size="small" value={which} onChange={(v) => setWhich(v as 'pending' | 'overdue')}
        options={[{ value: 'pending', label: t('ca.pending') }, { value: 'overdue', label: t('ca.overdue') }]} />
    }>
      <ResponsiveTable<Customer> rowKey="id" size="small" pagination={false} loading={pages.loading} columns={columns} dataSource={pages.items}
        locale={{ emptyText: t('ca.noTimers') }} data-testid="first-contacts" />
      <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
    </Card>
  );
}
