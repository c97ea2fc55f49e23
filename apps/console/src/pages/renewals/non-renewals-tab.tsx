import { Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { NonRenewal } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';

/** 未续费记录 (CUS-09 (4)): every customer who did not renew, why, and what the salesperson reported back. */
export function NonRenewalsTab() {
  const t = useT();
  const list = useRequest(() => api.get<{ items: NonRenewal[] }>('/renewals/non-renewals', { limit: 200 }), []);
  return (
    <ResponsiveTable<NonRenewal>
      size="middle"
      rowKey="id"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description={t('renewal.nonRenewals.none')} /> }}
      data-testid="non-renewals-table"
      columns={[
        { title: t('renewal.customer'), dataIndex: 'customerName', render: (n: string, r) => <Link to={`/customers/${r.customerId}`}>{n}</Link> },
        { title: t('renewal.service'), dataIndex: 'serviceName', render: (n: string, r) => <Space size={4} wrap>{n}<Tag>{r.kindName}</Tag></Space> },
        { title: t('renewal.expiresAt'), dataIndex: 'expiresAt', width: 110 },
        { title: t('renewal.reasonCategory'), dataIndex: 'reasonCategory', width: 130, render: (c: string) => <Tag color="red">{t(`renewal.reason.${c as NonRenewal['reasonCategory']}`)}</Tag> },
        { title: t('renewal.reasonText'), dataIndex: 'reason', minWidth: 160 },
        { title: t('renewal.reportBack'), dataIndex: 'reportBack', minWidth: 200, render: (r: string) => <Typography.Text>{r}</Typography.Text> },
        { title: t('renewal.owner'), dataIndex: 'ownerName', width: 100, render: (n: string | null) => n ?? '—' },
        { title: t('renewal.recordedBy'), key: 'by', width: 160, render: (_, r) => `${r.recordedByName ?? '—'} · ${formatDateTime(r.createdAt)}` },
      ]}
    />
  );
}
