import { useState } from 'react';
import { Badge, Button, Card, Empty, Progress, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ChatAgentState, ChatQueue, LiveChat } from '../../../api/types.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { ResponsiveTable } from '../../../components/responsive-table.tsx';
import { ServerErrorAlert } from '../../../components/server-error-alert.tsx';
import { formatDuration, timeLeft, TONE_COLORS } from '../../../components/sla/sla-model.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useNotifications } from '../../../notifications/notifications-provider.tsx';
import { formatDateTime } from '../../../utils/time.ts';
import { useChatMonitor } from './use-chat-monitor.ts';
import { firstReply, QUEUE_WAIT, REPLY_WAIT, seatLoad, sortAgents, waited, waitTone } from './live-chats-model.ts';
import { WatchDrawer } from './watch-drawer.tsx';
import { LiveBadge } from '../live-badge.tsx';
import './live-chats.css';

const DOT = { online: 'success', busy: 'warning', away: 'default', offline: 'default' } as const;

/**
 * 在线会话监控 (CHN-18, INQ-09): the chats being served with how long each
 * visitor waits and how the first reply went, the queues per team with each
 * chat's place and wait, and the agents with status and load against their
 * cap. Any chat can be watched live, whispered into and taken over.
 */
export function LiveChatsPage() {
  const t = useT();
  const { live } = useNotifications();
  const monitor = useChatMonitor();
  const [watching, setWatching] = useState<string | null>(null);
  const now = useNow(1000);
  const d = monitor.data;
  const since = (iso: string | null) => waited(iso, now, monitor.skew);
  const duration = (ms: number | null) => (ms === null ? '–' : formatDuration(t, ms));
  const watched = d?.chats.find((c) => c.id === watching) ?? null;

  return (
    <div data-testid="live-chats">
      <PageTitle
        title={t('menu.liveChats')}
        extra={
          <Space>
            <LiveBadge live={live === 'live'} testId="lc-live" />
            <Button icon={<ReloadOutlined />} onClick={monitor.reload} aria-label={t('common.refresh')} />
          </Space>
        }
      />
      {monitor.error ? <ServerErrorAlert error={monitor.error} pathLabel={(p) => p} testId="live-chats-error" /> : null}
      <div className="kefu-live-stats" data-testid="live-chats-summary">
        <Card size="small"><Statistic title={t('liveChats.active')} value={d?.summary.active ?? '–'} data-testid="lc-active" /></Card>
        <Card size="small"><Statistic title={t('liveChats.waiting')} value={d?.summary.waiting ?? '–'} data-testid="lc-waiting" /></Card>
        <Card size="small">
          <Statistic title={t('liveChats.oldestWait')} value={d ? duration(since(d.summary.oldestWaitingSince)) : '–'} data-testid="lc-oldest" />
        </Card>
        <Card size="small">
          <Statistic
            title={t('liveChats.breachesToday')}
            value={d?.summary.firstResponseBreachesToday ?? '–'}
            styles={{ content: { color: d?.summary.firstResponseBreachesToday ? '#cf1322' : undefined } }}
            data-testid="lc-breaches"
          />
        </Card>
      </div>

      <Card size="small" title={t('liveChats.chats')} className="kefu-live-card">
        <ResponsiveTable<LiveChat>
          size="small"
          rowKey="id"
          loading={!d && !monitor.error}
          dataSource={d?.chats ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveChats.noChats')} /> }}
          data-testid="live-chats-table"
          columns={[
            {
              title: t('liveChats.visitor'),
              key: 'visitor',
              render: (_, c) => (
                <span className="kefu-live-who" data-testid="lc-chat" data-conversation-id={c.id}>
                  <Typography.Text strong>{c.visitorName ?? c.customer?.name ?? t('inbox.anonymous')}</Typography.Text>
                  <Tag bordered={false}>{c.channelName}</Tag>
                </span>
              ),
            },
            { title: t('liveChats.agent'), key: 'agent', width: 120, render: (_, c) => c.assigneeName ?? '—' },
            {
              title: t('liveChats.waitingFor'),
              key: 'wait',
              width: 130,
              render: (_, c) => {
                const ms = since(c.waitingSince);
                const tone = waitTone(ms, REPLY_WAIT);
                return tone ? (
                  <Tag color={TONE_COLORS[tone]} data-testid="lc-wait" data-tone={tone}>{duration(ms)}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('liveChats.answered')}</Typography.Text>
                );
              },
            },
            {
              title: t('liveChats.firstResponse'),
              key: 'first',
              width: 150,
              render: (_, c) => <FirstReplyCell chat={c} now={now + monitor.skew} />,
            },
            {
              title: t('liveChats.actions'),
              key: 'actions',
              width: 90,
              render: (_, c) => (
                <Button size="small" icon={<EyeOutlined />} onClick={() => setWatching(c.id)} data-testid="lc-watch">
                  {t('liveChats.watch')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <div className="kefu-live-split">
        <Card size="small" title={t('liveChats.queues')} className="kefu-live-card" data-testid="live-queues">
          {d && !d.queues.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveChats.noQueue')} /> : null}
          {(d?.queues ?? []).map((q) => (
            <QueueBlock key={q.teamId ?? 'none'} queue={q} wait={(iso) => since(iso)} duration={duration} />
          ))}
        </Card>
        <Card size="small" title={t('liveChats.agents')} className="kefu-live-card">
          <ResponsiveTable<ChatAgentState>
            size="small"
            rowKey="userId"
            dataSource={sortAgents(d?.agents ?? [])}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveChats.noAgents')} /> }}
            data-testid="live-agents"
            columns={[
              {
                title: t('liveChats.agent'),
                key: 'who',
                render: (_, a) => (
                  <span data-testid="lc-agent">
                    {a.displayName}
                    {a.teamName ? <Typography.Text type="secondary"> · {a.teamName}</Typography.Text> : null}
                    {a.supervisorSeat ? <Tag style={{ marginInlineStart: 6 }}>{t('liveChats.supervisorSeat')}</Tag> : null}
                  </span>
                ),
              },
              {
                title: t('liveChats.status'),
                key: 'status',
                width: 100,
                render: (_, a) => <Badge status={DOT[a.status]} text={t(`inbox.seat.${a.status}`)} />,
              },
              {
                title: t('liveChats.load'),
                key: 'load',
                width: 150,
                render: (_, a) => {
                  const load = seatLoad(a);
                  return (
                    <Progress
                      percent={load.percent}
                      size="small"
                      status={load.full ? 'exception' : 'normal'}
                      format={() => t('liveChats.loadOf', { load: a.load, cap: a.maxConcurrent })}
                      data-testid="lc-load"
                    />
                  );
                },
              },
            ]}
          />
        </Card>
      </div>
      <WatchDrawer chat={watched} onClose={() => setWatching(null)} />
    </div>
  );
}

function FirstReplyCell({ chat, now }: { chat: LiveChat; now: number }) {
  const t = useT();
  const r = firstReply(chat);
  if (r.kind === 'answered') {
    return <Tag color={r.late ? 'red' : 'green'}>{t('liveChats.firstResponseIn', { d: formatDuration(t, r.ms) })}</Tag>;
  }
  if (!r.dueAt) return <Typography.Text type="secondary">{t('liveChats.notYet')}</Typography.Text>;
  return (
    <Tooltip title={formatDateTime(r.dueAt)}>
      <Tag color={Date.parse(r.dueAt) <= now ? 'red' : 'orange'}>{timeLeft(t, r.dueAt, now)}</Tag>
    </Tooltip>
  );
}

function QueueBlock({ queue, wait, duration }: { queue: ChatQueue; wait: (iso: string) => number | null; duration: (ms: number | null) => string }) {
  const t = useT();
  return (
    <div className="kefu-live-queue" data-testid="lc-queue">
      <Typography.Text strong>
        {queue.teamName ?? t('liveChats.noTeam')} <Badge count={queue.items.length} color="#1668dc" size="small" />
      </Typography.Text>
      <ol className="kefu-live-queue-list">
        {queue.items.map((q) => {
          const ms = wait(q.createdAt);
          const tone = waitTone(ms, QUEUE_WAIT);
          return (
            <li key={q.id} data-testid="lc-queued" data-conversation-id={q.id}>
              <Tag>{t('liveChats.position', { n: q.position })}</Tag>
              <span className="kefu-live-queue-name">{q.visitorName ?? t('inbox.anonymous')}</span>
              <Typography.Text type="secondary" className="kefu-live-queue-channel">{q.channelName}</Typography.Text>
              {tone ? <Tag color={TONE_COLORS[tone]}>{t('liveChats.waitedFor', { d: duration(ms) })}</Tag> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
