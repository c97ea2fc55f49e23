import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useForms } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { StatusTag } from '../../components/tags.tsx';
import type { CallbackTicketSummary } from '../callbacks/callback-types.ts';

/** The work order the callback is about: what was wrong and how it was put right. */
export function TicketSummary({ ticket }: { ticket: CallbackTicketSummary }) {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  return (
    <Card
      size="small"
      title={
        <Space>
          <FileTextOutlined />
          {t('callback.ticket')}
        </Space>
      }
      extra={<StatusTag status={ticket.status} />}
      data-testid="callback-ticket"
    >
      <Space size={6} wrap style={{ marginBottom: 6 }}>
        <Link to={`/tickets/${ticket.id}`} data-testid="callback-ticket-number">{ticket.number}</Link>
        <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
          {labels.type(ticket.type, forms?.find((f) => f.type === ticket.type)?.definition.name)}
        </Tag>
      </Space>
      <Typography.Paragraph style={{ marginBottom: 6 }}>{ticket.subject}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'resolution',
            label: t('callback.ticket.resolution'),
            children: ticket.resolution ? (
              <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: t('callback.more') }}>
                {ticket.resolution}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
