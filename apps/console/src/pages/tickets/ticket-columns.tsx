import type { TableColumnsType } from 'antd';
import { Space, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { FormRecord, TicketListItem } from '../../api/types.ts';
import type { T } from '../../i18n/i18n-provider.tsx';
import type { Labels } from '../../i18n/labels.ts';
import { PriorityTag, StatusTag } from '../../components/tags.tsx';
import { formatDateTime, formatListTime } from '../../utils/time.ts';
import { SlaListCell } from '../../components/sla/sla-tags.tsx';
import { TICKET_COLUMN_WIDTHS as W, ticketColumnLayout, type TicketColumn } from './ticket-column-layout.ts';

type Column = TableColumnsType<TicketListItem>[number];

export function ticketColumns(t: T, labels: Labels, forms: FormRecord[] | undefined, roomy: boolean): TableColumnsType<TicketListItem> {
  const typeName = (type: string) => labels.type(type, forms?.find((f) => f.type === type)?.definition.name);
  const all: Record<TicketColumn, Column> = {
    number: {
      title: t('ticket.number'),
      key: 'number',
      width: W.number,
      // the type sits under the number: one column less for the subject to share
      render: (_, r) => (
        <>
          <Link to={`/tickets/${r.id}`} data-testid="ticket-row-number" style={{ whiteSpace: 'nowrap' }}>
            {r.number}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{typeName(r.type)}</Typography.Text>
          </div>
        </>
      ),
    },
    subject: {
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
    customer: {
      title: t('ticket.customer'),
      key: 'customer',
      width: W.customer,
      render: (_, r) => (
        <>
          <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{r.customer.phone}</Typography.Text>
          </div>
        </>
      ),
    },
    status: {
      title: t('ticket.status'),
      key: 'status',
      width: W.status,
      // the priority only when it is not the usual one
      render: (_, r) => (
        <Space size={4} wrap>
          <StatusTag status={r.status} />
          {r.priority === 'normal' ? null : <PriorityTag priority={r.priority} />}
        </Space>
      ),
    },
    sla: {
      title: t('ticket.slaColumn'),
      key: 'sla',
      width: W.sla,
      // the nearest unmet deadline; slaWarnAt is used once the server sends it
      render: (_, r) => <SlaListCell dueAt={r.slaDueAt} breached={r.slaBreached} warnAt={(r as { slaWarnAt?: string | null }).slaWarnAt} />,
    },
    assignee: {
      title: t('ticket.assigneeTeam'),
      key: 'assignee',
      width: W.assignee,
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
    createdAt: { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: W.createdAt, render: (at: string) => <TimeCell at={at} /> },
    updatedAt: {
      title: t('ticket.updatedAt'),
      key: 'updatedAt',
      width: W.updatedAt,
      render: (_, r) => <TimeCell at={r.updatedAt} hint={roomy ? undefined : `${t('ticket.createdAt')} ${formatDateTime(r.createdAt)}`} />,
    },
  };
  return ticketColumnLayout(roomy).columns.map((c) => all[c]);
}

function TimeCell({ at, hint }: { at: string; hint?: string }) {
  return (
    <Tooltip title={hint ?? formatDateTime(at)}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatListTime(at)}</span>
    </Tooltip>
  );
}
