import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { FormRecord, TicketListItem } from '../../api/types.ts';
import type { T } from '../../i18n/i18n-provider.tsx';
import type { Labels } from '../../i18n/labels.ts';
import { PriorityTag, StatusTag } from '../../components/tags.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { SlaListCell } from '../../components/sla/sla-tags.tsx';

export function ticketColumns(t: T, labels: Labels, forms: FormRecord[] | undefined): TableColumnsType<TicketListItem> {
  const typeName = (type: string) => labels.type(type, forms?.find((f) => f.type === type)?.definition.name);
  return [
    {
      title: t('ticket.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string, r) => (
        <Link to={`/tickets/${r.id}`} data-testid="ticket-row-number">
          {n}
        </Link>
      ),
    },
    { title: t('ticket.type'), dataIndex: 'type', width: 84, render: typeName },
    {
      title: t('ticket.subject'),
      dataIndex: 'subject',
      ellipsis: true,
      render: (subject: string, r) =>
        r.parentId ? (
          <span>
            <Link to={`/tickets/${r.parentId}`} data-testid="ticket-row-parent">
              <Typography.Text type="secondary">{t('ticket.parentShort')}</Typography.Text>
            </Link>{' '}
            {subject}
          </span>
        ) : (
          subject
        ),
    },
    {
      title: t('ticket.customer'),
      key: 'customer',
      width: 200,
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link>{' '}
          <Typography.Text type="secondary">{r.customer.phone}</Typography.Text>
        </span>
      ),
    },
    { title: t('ticket.status'), dataIndex: 'status', width: 112, render: (s: string) => <StatusTag status={s} /> },
    { title: t('ticket.priority'), dataIndex: 'priority', width: 76, render: (p: string) => <PriorityTag priority={p} /> },
    {
      title: t('ticket.slaColumn'),
      key: 'sla',
      width: 130,
      // the nearest unmet deadline; slaWarnAt is used once the server sends it
      render: (_, r) => <SlaListCell dueAt={r.slaDueAt} breached={r.slaBreached} warnAt={(r as { slaWarnAt?: string | null }).slaWarnAt} />,
    },
    {
      title: t('ticket.assigneeTeam'),
      key: 'assignee',
      width: 140,
      render: (_, r) =>
        r.assigneeName || r.teamName ? (
          <span>
            {r.assigneeName ?? t('ticket.unassigned')}
            {r.teamName ? <Typography.Text type="secondary"> / {r.teamName}</Typography.Text> : null}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('ticket.unassigned')}</Typography.Text>
        ),
    },
    { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 130, render: formatDateTime },
    { title: t('ticket.updatedAt'), dataIndex: 'updatedAt', width: 130, render: formatDateTime },
  ];
}
