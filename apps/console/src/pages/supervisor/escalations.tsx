import { Table, Typography } from 'antd';
import { api, itemsOf } from '../../api/client.ts';
import type { DepartmentEscalation } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** Open work waiting on each department, with breached and urgent counts. */
export function Escalations({ version }: { version: number }) {
  const t = useT();
  const list = useRequest(() => api.get<{ items: DepartmentEscalation[] }>('/sla/escalations').then(itemsOf), [version]);
  const count = (n: number, color: string) =>
    n ? (
      <Typography.Text strong style={{ color }}>
        {n}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );
  return (
    <Table<DepartmentEscalation>
      size="small"
      rowKey={(r) => r.departmentId ?? 'none'}
      loading={list.loading && !list.data}
      dataSource={list.data ?? []}
      pagination={false}
      data-testid="escalations-table"
      columns={[
        {
          title: t('supervisor.department'),
          dataIndex: 'departmentName',
          render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('supervisor.noDepartment')}</Typography.Text>,
        },
        { title: t('supervisor.openCount'), dataIndex: 'open', width: 120, align: 'right' },
        { title: t('supervisor.breachedCount'), dataIndex: 'breached', width: 120, align: 'right', render: (n: number) => count(n, '#cf1322') },
        { title: t('supervisor.urgentCount'), dataIndex: 'urgent', width: 120, align: 'right', render: (n: number) => count(n, '#d46b08') },
      ]}
      summary={(rows) =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('supervisor.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {rows.reduce((a, r) => a + r.open, 0)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {count(rows.reduce((a, r) => a + r.breached, 0), '#cf1322')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {count(rows.reduce((a, r) => a + r.urgent, 0), '#d46b08')}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
