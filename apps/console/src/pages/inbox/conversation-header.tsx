import type { ReactNode } from 'react';
import { Button, Rate, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ConversationDetail } from '../../api/types.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { visitorName } from './inbox-model.ts';
import { ConversationStatusTag, useTopicLabel } from './inbox-tags.tsx';

interface Props {
  detail: ConversationDetail;
  /** on a phone: back to the list */
  onBack?: () => void;
  actions: ReactNode;
}

/** Who, from where, about what, who has it, and the work orders made from it. */
export function ConversationHeader({ detail: d, onBack, actions }: Props) {
  const t = useT();
  const access = useAccess();
  const topic = useTopicLabel()(d.topic);
  const fact = (key: string, node: ReactNode) => (
    <span className="kefu-conv-fact" key={key} data-testid={`conversation-${key}`}>
      {node}
    </span>
  );
  const facts = [
    fact('channel', d.channelName),
    d.visitorPhone ? fact('phone', <><PhoneOutlined /> {d.visitorPhone}</>) : null,
    d.visitorEmail ? fact('email', <><MailOutlined /> {d.visitorEmail}</>) : null,
    fact(
      'assignee',
      d.assigneeName
        ? t('inbox.assignee', { name: d.assigneeName })
        : d.teamName
          ? t('inbox.inQueueOf', { team: d.teamName })
          : t('inbox.unassigned'),
    ),
    d.customer
      ? fact(
          'customer',
          <>
            {t('inbox.customer')}{' '}
            {access.customers ? <Link to={`/customers/${d.customer.id}`}>{d.customer.name}</Link> : d.customer.name}
          </>,
        )
      : null,
    d.tickets.length
      ? fact(
          'tickets',
          <>
            {t('inbox.tickets')}{' '}
            {d.tickets.map((x, i) => (
              <span key={x.id}>
                {i ? ', ' : ''}
                {access.tickets ? <Link to={`/tickets/${x.id}`} data-testid="conversation-ticket-link">{x.number}</Link> : x.number}
              </span>
            ))}
          </>,
        )
      : null,
    d.rating
      ? fact(
          'rating',
          <Tooltip title={d.ratingComment ?? undefined}>
            <span>
              {t('inbox.rating')} <Rate disabled count={d.ratingScale ?? 5} value={d.rating} style={{ fontSize: 12 }} />
            </span>
          </Tooltip>,
        )
      : null,
  ].filter(Boolean);

  return (
    <div className="kefu-conv-head" data-testid="conversation-header">
      <div className="kefu-conv-title">
        {onBack ? (
          <Button type="text" size="small" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('inbox.back')} data-testid="conversation-back" />
        ) : null}
        <Typography.Text strong className="kefu-conv-name" data-testid="conversation-name">
          {visitorName(d) ?? t('inbox.anonymous')}
        </Typography.Text>
        <ConversationStatusTag status={d.status} />
        {topic ? (
          <Tag style={{ marginInlineEnd: 0 }} data-testid="conversation-topic">
            {topic}
          </Tag>
        ) : null}
      </div>
      <Typography.Text type="secondary" className="kefu-conv-facts">
        {facts}
      </Typography.Text>
      <div className="kefu-conv-actions">{actions}</div>
    </div>
  );
}
