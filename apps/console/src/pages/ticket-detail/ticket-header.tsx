import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { FormRecord, Ticket, TicketUpdateBody } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { PriorityTag, StatusTag } from '../../components/tags.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { StatusActions } from './status-actions.tsx';

interface Props {
  ticket: Ticket;
  form: FormRecord | undefined;
  canUpdate: boolean;
  onPatch: (body: TicketUpdateBody) => Promise<boolean>;
}

export function TicketHeader({ ticket, form, canUpdate, onPatch }: Props) {
  const t = useT();
  const labels = useLabels();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div className="kefu-page-title" style={{ marginBottom: 8 }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="ticket-detail-number" copyable>
            {ticket.number}
          </Typography.Title>
          <Tag color="geekblue">{labels.type(ticket.type, form?.definition.name)}</Tag>
          <StatusTag status={ticket.status} />
          <PriorityTag priority={ticket.priority} />
          <Typography.Text>{ticket.subject}</Typography.Text>
        </Space>
        {canUpdate ? <StatusActions ticket={ticket} disabled={false} onPatch={onPatch} /> : null}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'channel', label: t('ticket.channel'), children: labels.channel(ticket.channel) },
          { key: 'createdBy', label: t('ticket.createdBy'), children: ticket.createdByName ?? '—' },
          { key: 'createdAt', label: t('ticket.createdAt'), children: formatDateTime(ticket.createdAt) },
          { key: 'updatedAt', label: t('ticket.updatedAt'), children: formatDateTime(ticket.updatedAt) },
          ...(ticket.resolution
            ? [{ key: 'resolution', label: t('ticket.resolution'), span: 'filled' as const, children: ticket.resolution }]
            : []),
        ]}
      />
    </Card>
  );
}
