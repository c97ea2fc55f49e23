import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Customer, CustomerHistoryItem } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { StatusTag } from '../../components/tags.tsx';
import { formatDateTime } from '../../utils/time.ts';

interface Props {
  customer: Customer;
  history: CustomerHistoryItem[];
  /** the customer page is open to this user */
  canOpenCustomer: boolean;
}

/** Who is being called, and what they contacted us about lately (a repeat complaint shows at once). */
export function CustomerCard({ customer, history, canOpenCustomer }: Props) {
  const t = useT();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <UserOutlined />
            {t('callback.customer')}
          </Space>
        }
        extra={canOpenCustomer ? <Link to={`/customers/${customer.id}`}>{t('callback.customer.open')}</Link> : null}
        data-testid="callback-customer"
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>{customer.name}</Typography.Title>
        <Typography.Text copyable={!customer.masked && !!customer.phone} style={{ fontSize: 18, fontFamily: 'ui-monospace, Menlo, monospace' }} data-testid="callback-phone">
          {customer.phone ?? '—'}
        </Typography.Text>
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'class',
              label: t('callback.customer.class'),
              children: customer.customerClass ? <Tag color="gold">{customer.customerClass}</Tag> : <Typography.Text type="secondary">—</Typography.Text>,
            },
            ...(customer.address ? [{ key: 'address', label: t('callback.customer.address'), children: customer.address }] : []),
            ...(customer.note ? [{ key: 'note', label: t('callback.customer.note'), children: customer.note }] : []),
          ]}
        />
      </Card>
      <CustomerHistoryList items={history} />
    </Space>
  );
}

function CustomerHistoryList({ items }: { items: CustomerHistoryItem[] }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Card size="small" title={t('callback.history')} styles={{ body: { padding: '4px 12px' } }} data-testid="callback-history">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callback.noHistory')} />
      ) : (
        items.map((h) => (
          <div key={`${h.kind}-${h.id}`} style={{ padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }}>
            <Space size={6} wrap>
              <Tag style={{ marginInlineEnd: 0 }}>{h.kind === 'ticket' ? t('callback.history.ticket') : t('callback.history.contact')}</Tag>
              {h.kind === 'ticket' ? <Link to={`/tickets/${h.id}`}>{h.number ?? h.title}</Link> : null}
              {h.kind === 'ticket' && h.status ? <StatusTag status={h.status} /> : null}
            </Space>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: h.title }} style={{ margin: '2px 0 0' }}>
              {h.kind === 'ticket' ? h.title : labels.direction(h.title)}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)} · {labels.channel(h.channel)}
              {h.agentName ? ` · ${h.agentName}` : ''}
            </Typography.Text>
          </div>
        ))
      )}
    </Card>
  );
}
