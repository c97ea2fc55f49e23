import { useState } from 'react';
import { Button, DatePicker, Segmented, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { ClassRules } from '@kefu/shared/customer-classes-api';
import type { Specialist } from '@kefu/shared/customer-archive-api';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { className, classColor } from '../../components/customer-class/class-words.ts';

type Kind = 'both' | 'new' | 'changed';

/** 每日新增/变更客户 (CUS-01): the supervisor's daily extract; pick customers and assign them. */
export function CustomerChangesPage() {
  const t = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('both');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, 'day'), dayjs()]);
  const [tier, setTier] = useState<string | undefined>();
  const [owner, setOwner] = useState<string | undefined>();
  const [picked, setPicked] = useState<string[]>([]);
  const rules = useRequest(() => api.get<ClassRules>('/customer-classes'), []);
  const specialists = useRequest(() => api.get<{ items: Specialist[] }>('/customer-specialists').then((r) => r.items), []);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const pages = useCursorPages<Customer>(`${kind}|${from}|${to}|${tier}|${owner}`, (cursor) =>
    api.get<Page<Customer>>('/customer-archive/list', { kind, from, to, tier, owner, limit: 50, cursor }));
  const classKeys = rules.data ? [...rules.data.classes.map((c) => c.key), rules.data.fallback.key] : [];

  const columns: TableColumnsType<Customer> = [
    { title: t('customer.name'), dataIndex: 'name', render: (n: string, c) => <Link to={`/customers/${c.id}`}>{n}</Link> },
    { title: t('cc.tier'), dataIndex: 'tier', width: 90, render: (k: string | null) => (k ? <Tag color={classColor(rules.data, k)}>{className(rules.data, k, '')}</Tag> : null) },
    { title: t('customer.phone'), dataIndex: 'phone', width: 140 },
    { title: t('ca.owner'), dataIndex: 'ownerName', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('ca.noOwner')}</Typography.Text> },
    { title: t('ca.what'), dataIndex: 'createdAt', width: 80, render: (v: string) => (v >= range[0].startOf('day').toISOString() ? <Tag color="green">{t('ca.kind.new')}</Tag> : <Tag>{t('ca.kind.changed')}</Tag>) },
    { title: t('ticket.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div data-testid="customer-changes">
      <PageTitle title={t('menu.customerChanges')} extra={
        <Button type="primary" disabled={!picked.length} data-testid="changes-assign" onClick={() => navigate(`/customers/assignment?ids=${picked.join(',')}`)}>
          {t('ca.assignPicked', { n: picked.length })}
        </Button>
      } />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={kind} onChange={(v) => setKind(v as Kind)} options={(['both', 'new', 'changed'] as const).map((k) => ({ value: k, label: t(`ca.kind.${k}`) }))} />
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Select allowClear placeholder={t('cc.tier')} value={tier} onChange={setTier} options={classKeys.map((k) => ({ value: k, label: k }))} style={{ width: 100 }} />
        <Select allowClear placeholder={t('ca.owner')} value={owner} onChange={setOwner} style={{ width: 140 }}
          options={[{ value: 'none', label: t('ca.noOwner') }, ...(specialists.data ?? []).map((s) => ({ value: s.userId, label: s.name }))]} />
      </Space>
      <ResponsiveTable<Customer> rowKey="id" size="small" pagination={false} loading={pages.loading} columns={columns} dataSource={pages.items}
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]) }}
        locale={{ emptyText: t('ca.noChanges') }} data-testid="changes-list" />
      <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
    </div>
  );
}
