import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api, itemsOf } from '../../api/client.ts';
import type { CustomerHistoryItem } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { StatusTag } from '../../components/tags.tsx';
import { formatDateTime } from '../../utils/time.ts';

const SHOWN = 5;

/** The caller's latest work orders, so the operator sees a repeat complaint at once. */
export function RecentHistory({ customerId }: { customerId: string }) {
  const t = useT();
  const labels = useLabels();
  const history = useRequest(
    () => api.get<{ items: CustomerHistoryItem[] }>(`/customers/${customerId}/history`).then(itemsOf),
    [customerId],
  );
  const tickets = (history.data ?? []).filter((h) => h.kind === 'ticket').slice(0, SHOWN);
  if (!tickets.length) return null;
  return (
    <div style={{ marginTop: 10 }} data-testid="recent-history">
      <Typography.Text type="secondary">{t('workbench.recentTickets')}</Typography.Text>
      {tickets.map((h) => (
        <div key={h.id} style={{ padding: '4px 0', borderBottom: '1px dashed #f0f0f0' }}>
          <Space size={6} wrap>
            <Link to={`/tickets/${h.id}`} target="_blank">{h.number}</Link>
            {h.status ? <StatusTag status={h.status} /> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)} · {labels.channel(h.channel)}
            </Typography.Text>
          </Space>
          <Typography.Paragraph ellipsis style={{ margin: 0 }}>{h.title}</Typography.Paragraph>
        </div>
      ))}
    </div>
  );
}
