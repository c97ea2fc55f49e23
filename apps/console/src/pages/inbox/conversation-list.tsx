import { useEffect, useState } from 'react';
import { Badge, Button, Empty, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ConversationCounts, ConversationListItem } from '../../api/types.ts';
import { ServerErrorAlert, type ServerError } from '../../components/server-error-alert.tsx';
import { useNow } from '../../hooks/use-now.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { QUEUES, queueCount, relativeTime, visitorName, type Queue } from './inbox-model.ts';
import { ConversationStatusTag, useRelativeTimeText } from './inbox-tags.tsx';
import { ChatStatus } from './chat-status.tsx';
import { AlertSettings } from './alert-settings.tsx';
import { TargetTag } from './target-tag.tsx';
import { MorningCheck } from './morning-check.tsx';
import './live.css';

interface Props {
  queue: Queue;
  onQueue: (q: Queue) => void;
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  counts: ConversationCounts | undefined;
  items: ConversationListItem[];
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ServerError | null;
  onLoadMore: () => void;
  onRefresh: () => void;
  onRetry: () => void;
  selectedId: string | undefined;
  onOpen: (id: string) => void;
}

const EMPTY_TEXT = { mine: 'inbox.empty.mine', queue: 'inbox.empty.queue', unanswered: 'inbox.empty.unanswered', all: 'inbox.empty.all', resolved: 'inbox.empty.resolved' } as const;

/** The left side: the queues with their counters, the search, the conversations newest activity first. */
export function ConversationList(p: Props) {
  const t = useT();
  const timeText = useRelativeTimeText();
  // list times step every minute
  const now = useNow(60_000);
  const [typed, setTyped] = useState(p.q ?? '');
  useEffect(() => setTyped(p.q ?? ''), [p.q]);

  return (
    <section className="kefu-inbox-list" data-testid="inbox-list">
      <div className="kefu-inbox-list-head">
        <div className="kefu-inbox-list-title">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('menu.inbox')}
          </Typography.Title>
          <span className="kefu-inbox-list-tools">
            <ChatStatus />
            <AlertSettings />
            <Button size="small" type="text" icon={<ReloadOutlined />} onClick={p.onRefresh} aria-label={t('common.refresh')} data-testid="inbox-refresh" />
          </span>
        </div>
        <Segmented<Queue>
          block
          size="small"
          value={p.queue}
          onChange={p.onQueue}
          options={QUEUES.map((queue) => {
            const n = queueCount(queue, p.counts);
            return {
              value: queue,
              label: (
                <span data-testid={`queue-${queue}`}>
                  {t(`inbox.queue.${queue}`)}
                  {n !== null ? <span className="kefu-inbox-count">{n}</span> : null}
                </span>
              ),
            };
          })}
          data-testid="inbox-queues"
        />
        <Input.Search
          allowClear
          size="small"
          placeholder={t('inbox.searchPlaceholder')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => p.onSearch(v.trim() || undefined)}
          data-testid="inbox-search"
        />
        <MorningCheck unanswered={p.counts?.unanswered} queue={p.queue} onOpen={() => p.onQueue('unanswered')} />
      </div>
      <div className="kefu-inbox-items" data-testid="conversation-items">
        {p.error ? (
          <div style={{ padding: 12 }}>
            <ServerErrorAlert error={p.error} pathLabel={(path) => path} testId="inbox-list-error" />
            <Button size="small" onClick={p.onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        ) : null}
        {p.loading && !p.items.length ? (
          <div className="kefu-inbox-center">
            <Spin />
          </div>
        ) : !p.items.length && !p.error ? (
          <div className="kefu-inbox-center">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={p.q ? t('inbox.empty.search', { q: p.q }) : t(EMPTY_TEXT[p.queue])}
              data-testid="inbox-empty"
            />
          </div>
        ) : (
          p.items.map((c) => {
            const name = visitorName(c) ?? t('inbox.anonymous');
            const active = c.id === p.selectedId;
            return (
              <div
                key={c.id}
                role="button"
                tabIndex={0}
                aria-current={active ? 'true' : undefined}
                className={`kefu-inbox-item${active ? ' active' : ''}${c.unreadByAgent ? ' unread' : ''}`}
                onClick={() => p.onOpen(c.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') p.onOpen(c.id);
                }}
                data-testid="conversation-item"
                data-conversation-id={c.id}
              >
                <div className="kefu-inbox-item-top">
                  <span className="kefu-inbox-item-name" data-testid="conversation-item-name">
                    {name}
                  </span>
                  <Typography.Text type="secondary" className="kefu-inbox-item-time">
                    {timeText(relativeTime(c.lastMessageAt, now))}
                  </Typography.Text>
                </div>
                <div className="kefu-inbox-item-preview">
                  <Typography.Text type="secondary" ellipsis>
                    {c.lastMessagePreview}
                  </Typography.Text>
                  {c.unreadByAgent ? <Badge count={c.unreadByAgent} size="small" data-testid="conversation-unread" /> : null}
                </div>
                <div className="kefu-inbox-item-meta">
                  <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
                    {c.channelName}
                  </Tag>
                  <ConversationStatusTag status={c.status} />
                  <TargetTag item={c} />
                  {p.queue !== 'mine' ? (
                    <Typography.Text type="secondary" className="kefu-inbox-item-assignee">
                      {c.assigneeName ?? t('inbox.unassigned')}
                    </Typography.Text>
                  ) : null}
                </div>
              </div>
            );
          })
        )}
        {p.hasMore ? (
          <div className="kefu-inbox-more">
            <Button size="small" onClick={p.onLoadMore} loading={p.loadingMore} data-testid="inbox-load-more">
              {t('inbox.loadMore')}
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
