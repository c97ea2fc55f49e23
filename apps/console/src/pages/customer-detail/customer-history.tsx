import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { CustomerServiceOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, itemsOf } from '../../api/client.ts';
import type { CustomerHistoryItem } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { StatusTag } from '../../components/tags.tsx';
import { formatDateTime } from '../../utils/time.ts';

/** Every contact and work order of the customer, newest first. */
export function CustomerHistory({ customerId }: { customerId: string }) {
  const t = useT();
  const labels = useLabels();
  const history = useRequest(
    () => api.get<{ items: CustomerHistoryItem[] }>(`/customers/${customerId}/history`).then(itemsOf),
    [customerId],
  );
  const items = history.data ?? [];
  return (
    <Card size="small" title={t('customer.history')} loading={history.loading && !history.data}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noHistory')} />
      ) : (
        <Timeline
          data-testid="customer-history"
          items={items.map((h) => ({
            key: `${h.kind}-${h.id}`,
            icon: h.kind === 'ticket' ? <FileTextOutlined /> : <CustomerServiceOutlined />,
            title: <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>,
            content: (
              <Space wrap size={6}>
                <Tag>{h.kind === 'ticket' ? t('customer.historyTicket') : t('customer.historyContact')}</Tag>
                <Tag color="blue">{labels.channel(h.channel)}</Tag>
                {h.kind === 'ticket' ? (
                  <Link to={`/tickets/${h.id}`}>{h.number ?? h.title}</Link>
                ) : null}
                {/* a contact without summary is titled by its direction */}
                <Typography.Text>{h.kind === 'ticket' && !h.number ? null : labels.direction(h.title)}</Typography.Text>
                {h.status && h.kind === 'ticket' ? <StatusTag status={h.status} /> : null}
                {h.agentName ? <Typography.Text type="secondary">{h.agentName}</Typography.Text> : null}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
