import type { TableColumnsType } from 'antd';
import { Button, Space, Tooltip, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { T } from '../../i18n/i18n-provider.tsx';
import type { CallbackListItem } from './callback-types.ts';
import { maskPhone } from './callback-urgency.ts';
import { CallbackStatusTags, DeadlineTag, QuietTag, RoundTag } from './callback-tags.tsx';

interface Options {
  /** the team's or everyone's list: show whose callback it is */
  showAssignee: boolean;
  onOpen: (id: string) => void;
}

export function callbackColumns(t: T, { showAssignee, onOpen }: Options): TableColumnsType<CallbackListItem> {
  return [
    {
      title: t('callback.col.deadline'),
      key: 'dueAt',
      width: 150,
      render: (_, r) => <DeadlineTag task={r} />,
    },
    {
      title: t('callback.col.customer'),
      key: 'customer',
      width: 150,
      render: (_, r) => (
        <Space size={6} wrap>
          <Typography.Text strong>{r.customerName}</Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{maskPhone(r.customerPhone)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('callback.col.policy'),
      key: 'policy',
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: r.policy }} style={{ maxWidth: '100%' }}>{r.policy}</Typography.Text>
          <div>
            <Space size={4} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.step}</Typography.Text>
              <RoundTag round={r.round} />
            </Space>
          </div>
        </div>
      ),
    },
    {
      title: t('callback.col.ticket'),
      key: 'ticket',
      width: 140,
      render: (_, r) =>
        r.ticketId && r.ticketNumber ? (
          <Tooltip title={r.ticketSubject}>
            <Link to={`/tickets/${r.ticketId}`} data-testid="callback-ticket-link">{r.ticketNumber}</Link>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{r.campaignId ? t('callback.campaignTask') : '—'}</Typography.Text>
        ),
    },
    ...(showAssignee
      ? [
          {
            title: t('callback.col.assignee'),
            key: 'assignee',
            width: 90,
            render: (_: unknown, r: CallbackListItem) =>
              r.assigneeName ?? <Typography.Text type="secondary">{t('callback.unassigned')}</Typography.Text>,
          },
        ]
      : []),
    {
      title: t('callback.col.attempts'),
      dataIndex: 'attemptCount',
      width: 64,
      align: 'center',
      render: (n: number) => (n ? n : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: t('callback.col.status'),
      key: 'status',
      width: 130,
      render: (_, r) => (
        <Space size={4} wrap>
          <CallbackStatusTags status={r.status} outcome={r.outcome} />
          {r.quietNow && r.status === 'open' ? <QuietTag until={r.quietUntil} /> : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'go',
      width: 120,
      fixed: 'right',
      render: (_, r) =>
        r.status === 'open' ? (
          <Button type="primary" size="small" icon={<PhoneOutlined />} onClick={() => onOpen(r.id)} data-testid="callback-go">
            {t('callback.go')}
          </Button>
        ) : (
          <Button size="small" onClick={() => onOpen(r.id)} data-testid="callback-go">
            {t('callback.view')}
          </Button>
        ),
    },
  ];
}

/** The policy column takes what the fixed ones leave, at least this much before the table scrolls. */
const POLICY_MIN_WIDTH = 140;

export function callbackTableWidth(columns: TableColumnsType<CallbackListItem>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : POLICY_MIN_WIDTH), 0);
}
