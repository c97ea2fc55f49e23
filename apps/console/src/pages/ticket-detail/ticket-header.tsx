import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FormRecord, Ticket, TicketUpdateBody } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { PriorityTag, StatusTag } from '../../components/tags.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { StatusActions } from './status-actions.tsx';
import { ForwardButton } from './forward-button.tsx';
import { ConvertToOrderButton } from './convert-to-order.tsx';
import { DueTag } from './due-tag.tsx';
import { SlaClocks } from '../../components/sla/sla-tags.tsx';

interface Props {
  ticket: Ticket;
  form: FormRecord | undefined;
  /** the work order this one belongs to, when the user may see it */
  parent: Ticket | null;
  canUpdate: boolean;
  canAssign: boolean;
  canConvert: boolean;
  onPatch: (body: TicketUpdateBody) => Promise<boolean>;
  onChanged: (ticket: Ticket) => void;
}

export function TicketHeader({ ticket, form, parent, canUpdate, canAssign, canConvert, onPatch, onChanged }: Props) {
  const t = useT();
  const labels = useLabels();
  const convertible = canConvert && ticket.type === 'inquiry' && ticket.fields.potentialOrder === true;
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
          <DueTag dueAt={ticket.dueAt} status={ticket.status} />
          <Typography.Text>{ticket.subject}</Typography.Text>
        </Space>
        <Space wrap>
          {convertible ? <ConvertToOrderButton ticket={ticket} /> : null}
          {canAssign ? <ForwardButton ticket={ticket} onForwarded={onChanged} /> : null}
          {canUpdate ? <StatusActions ticket={ticket} disabled={false} onPatch={onPatch} /> : null}
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'channel', label: t('ticket.channel'), children: labels.channel(ticket.channel) },
          { key: 'createdBy', label: t('ticket.createdBy'), children: ticket.createdByName ?? t('ticket.system') },
          { key: 'createdAt', label: t('ticket.createdAt'), children: formatDateTime(ticket.createdAt) },
          { key: 'updatedAt', label: t('ticket.updatedAt'), children: formatDateTime(ticket.updatedAt) },
          ...(ticket.sla?.length
            ? [{ key: 'sla', label: t('ticket.sla'), span: 'filled' as const, children: <SlaClocks clocks={ticket.sla} /> }]
            : []),
          ...(ticket.parentId
            ? [
                {
                  key: 'parent',
                  label: t('ticket.parent'),
                  span: 2,
                  children: (
                    <Link to={`/tickets/${ticket.parentId}`} data-testid="parent-link">
                      {parent ? `${parent.number} · ${parent.subject}` : t('ticket.openParent')}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(ticket.resolution
            ? [{ key: 'resolution', label: t('ticket.resolution'), span: 'filled' as const, children: ticket.resolution }]
            : []),
        ]}
      />
    </Card>
  );
}
