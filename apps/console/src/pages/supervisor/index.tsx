import { useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, DatePicker, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api, itemsOf } from '../../api/client.ts';
import type { ChatSummary, DeliveryLogItem, Page, RuleRun, TicketListItem, Wallboard } from '../../api/types.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { resolveTicketId } from '../../api/ticket-lookup.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { useLabels } from '../../i18n/labels.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { formatDateTime, inZone } from '../../utils/time.ts';
import { useLiveVersion } from './use-live-version.ts';
import { WallboardStrip } from './wallboard.tsx';
import { SlaQueue } from './sla-queue.tsx';
import { Escalations } from './escalations.tsx';
import { ChatWallboardCards } from './chat-wallboard.tsx';
import { LiveBadge } from './live-badge.tsx';
import { useLiveRefresh } from '../../notifications/use-live-refresh.ts';
import { clockSkew } from './live-chats/live-chats-model.ts';

const CHANNELS = ['in_app', 'email', 'sms'];
const STATUSES = ['pending', 'delivered', 'sent', 'failed', 'retrying'];
const STATUS_COLORS: Record<string, string> = { pending: 'default', delivered: 'green', sent: 'cyan', failed: 'red', retrying: 'orange' };

type TabKey = 'at_risk' | 'breached' | 'escalations' | 'log' | 'runs';

/** 主管视图: live numbers, work orders at risk or breached, what each department has waiting; who was told what, what the rules did. */
export function SupervisorPage() {
  const t = useT();
  const [tab, setTab] = useState<TabKey>('at_risk');
  const { version, live } = useLiveVersion();
  const wallboard = useRequest(() => api.get<Wallboard>('/wallboard'), [version]);
  // the chat numbers follow the conversations too (chat.updated), at most every 2 s
  const chats = useRequest(
    () => api.get<ChatSummary>('/chat-monitor/summary', undefined, { silent: true }).then((s) => ({ s, skew: clockSkew(s.at, Date.now()) })),
    [version],
  );
  useLiveRefresh('chat.updated', () => void chats.reload(), { gapMs: 2000 });
  // a tab follows the live changes while it is shown, and catches up when shown again
  const atRiskVersion = useWhileShown(version, tab === 'at_risk');
  const breachedVersion = useWhileShown(version, tab === 'breached');
  const escalationsVersion = useWhileShown(version, tab === 'escalations');
  const count = (n: number | undefined, color: string) =>
    n ? <Badge count={n} overflowCount={999} color={color} size="small" style={{ marginInlineStart: 6 }} /> : null;
  return (
    <div data-testid="supervisor">
      <PageTitle
        title={t('menu.supervisor')}
        extra={
          <Space>
            <LiveBadge live={live} testId="wb-live" />
            <Button icon={<ReloadOutlined />} onClick={() => { void wallboard.reload(); void chats.reload(); }}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <WallboardStrip data={wallboard.data} onOpen={setTab} chats={<ChatWallboardCards data={chats.data?.s} skew={chats.data?.skew ?? 0} />} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            {
              key: 'at_risk',
              label: <span data-testid="tab-at-risk">{t('supervisor.atRisk')}{count(wallboard.data?.atRisk, '#fa8c16')}</span>,
              children: <SlaQueue state="at_risk" version={atRiskVersion} />,
            },
            {
              key: 'breached',
              label: <span data-testid="tab-breached">{t('supervisor.breached')}{count(wallboard.data?.breached, '#f5222d')}</span>,
              children: <SlaQueue state="breached" version={breachedVersion} />,
            },
            {
              key: 'escalations',
              label: <span data-testid="tab-escalations">{t('supervisor.escalations')}</span>,
              children: <Escalations version={escalationsVersion} />,
            },
            { key: 'log', label: t('supervisor.notificationLog'), children: <NotificationLog /> },
            { key: 'runs', label: t('supervisor.ruleRuns'), children: <RuleRuns /> },
          ]}
        />
      </Card>
    </div>
  );
}

function useWhileShown(version: number, shown: boolean): number {
  const last = useRef(version);
  if (shown) last.current = version;
  return last.current;
}

/** A work-order number (or id) filter: resolved to the id the API filters by. */
function useTicketFilter() {
  const [text, setText] = useState('');
  const [ticketId, setTicketId] = useState<string | undefined>();
  const [notFound, setNotFound] = useState<string | null>(null);
  const apply = async (value: string) => {
    setText(value);
    setNotFound(null);
    if (!value.trim()) return setTicketId(undefined);
    const id = await resolveTicketId(value).catch(() => null);
    if (id) setTicketId(id);
    else {
      setTicketId(undefined);
      setNotFound(value.trim());
    }
  };
  return { text, setText, ticketId, notFound, apply };
}

function TicketFilterInput({ filter }: { filter: ReturnType<typeof useTicketFilter> }) {
  const t = useT();
  return (
    <Input.Search
      allowClear
      style={{ width: 220 }}
      placeholder={t('supervisor.ticketFilter')}
      value={filter.text}
      onChange={(e) => {
        filter.setText(e.target.value);
        if (!e.target.value) void filter.apply('');
      }}
      onSearch={(v) => void filter.apply(v)}
      data-testid="supervisor-ticket-filter"
    />
  );
}

const label = (t: ReturnType<typeof useT>, prefix: string, code: string) => {
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : code;
};

function NotificationLog() {
  const t = useT();
  const directory = useDirectory();
  const [channel, setChannel] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [userId, setUserId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const ticket = useTicketFilter();
  const query = {
    channel,
    status,
    userId,
    ticketId: ticket.ticketId,
    from: range?.[0] ? inZone(range[0]).startOf('day').toISOString() : undefined,
    to: range?.[1] ? inZone(range[1]).endOf('day').toISOString() : undefined,
  };
  const pages = useCursorPages<DeliveryLogItem>(JSON.stringify(query), (cursor) =>
    api.get<Page<DeliveryLogItem>>('/notification-log', { ...query, limit: 50, cursor }),
  );

  return (
    <div data-testid="notification-log">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('supervisor.channel')}
          value={channel}
          onChange={setChannel}
          options={CHANNELS.map((c) => ({ value: c, label: label(t, 'notification.channel', c) }))}
          data-testid="log-channel"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('supervisor.status')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: label(t, 'delivery', s) }))}
          data-testid="log-status"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 170 }}
          placeholder={t('supervisor.recipient')}
          value={userId}
          onChange={setUserId}
          options={(directory?.users ?? []).map((u) => ({ value: u.id, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName }))}
        />
        <TicketFilterInput filter={ticket} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />
        <Button icon={<ReloadOutlined />} onClick={() => void pages.reload()}>
          {t('common.refresh')}
        </Button>
      </Space>
      {ticket.notFound ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rule.testNotFound', { q: ticket.notFound })} /> : null}
      <Table<DeliveryLogItem>
        size="small"
        rowKey="id"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="notification-log-table"
        columns={[
          { title: t('supervisor.at'), dataIndex: 'createdAt', width: 130, render: formatDateTime },
          { title: t('supervisor.recipient'), dataIndex: 'userName', width: 100, render: (x: string | null) => x ?? '—' },
          {
            title: t('ticket.number'),
            key: 'ticket',
            width: 150,
            render: (_, r) => (r.ticketId ? <Link to={`/tickets/${r.ticketId}`}>{r.ticketNumber ?? t('supervisor.openTicket')}</Link> : '—'),
          },
          { title: t('supervisor.channel'), dataIndex: 'channel', width: 80, render: (c: string) => <Tag>{label(t, 'notification.channel', c)}</Tag> },
          {
            title: t('supervisor.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string, r) => (
              <Tooltip title={r.error ?? undefined}>
                <Tag color={STATUS_COLORS[s] ?? 'default'}>{label(t, 'delivery', s)}</Tag>
              </Tooltip>
            ),
          },
          { title: t('supervisor.attempts'), dataIndex: 'attempts', width: 70, align: 'right' },
          { title: t('supervisor.notice'), dataIndex: 'title', ellipsis: true },
          {
            title: t('supervisor.error'),
            dataIndex: 'error',
            width: 180,
            ellipsis: true,
            render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : null),
          },
          { title: t('supervisor.deliveredAt'), dataIndex: 'deliveredAt', width: 130, render: (x: string | null) => (x ? formatDateTime(x) : '—') },
        ]}
      />
      <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
    </div>
  );
}

const RUN_LIMIT = 200;

function RuleRuns() {
  const t = useT();
  const labels = useLabels();
  const directory = useDirectory();
  const ticket = useTicketFilter();
  const runs = useRequest(
    () => api.get<{ items: RuleRun[] }>('/rule-runs', { ticketId: ticket.ticketId, limit: RUN_LIMIT }).then(itemsOf),
    [ticket.ticketId],
  );
  // rule runs carry only the ticket id: numbers from the most recently updated work orders
  const recent = useRequest(
    () => api.get<Page<TicketListItem>>('/tickets', { view: 'all', sort: 'updated', limit: 100 }, { silent: true }).then((p) => p.items),
    [],
  );
  const numberOf = useMemo(() => new Map((recent.data ?? []).map((x) => [x.id, x.number])), [recent.data]);
  // newest first, whatever order the server sends
  const items = useMemo(() => [...(runs.data ?? [])].sort((a, b) => b.id - a.id), [runs.data]);
  const userName = (id: string) => directory?.users.find((u) => u.id === id)?.displayName ?? id.slice(0, 8);
  // the server's summary is a code for these two
  const summary = (type: string, text: string) =>
    type === 'set_priority' ? labels.priority(text) : type === 'set_status' ? labels.status(text) : text;

  return (
    <div data-testid="rule-runs">
      <Space wrap style={{ marginBottom: 12 }}>
        <TicketFilterInput filter={ticket} />
        <Button icon={<ReloadOutlined />} onClick={() => void runs.reload()}>
          {t('common.refresh')}
        </Button>
        <Typography.Text type="secondary">{t('supervisor.runsHint', { n: RUN_LIMIT })}</Typography.Text>
      </Space>
      {ticket.notFound ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rule.testNotFound', { q: ticket.notFound })} /> : null}
      <Table<RuleRun>
        size="small"
        rowKey="id"
        loading={runs.loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="rule-runs-table"
        columns={[
          { title: t('supervisor.at'), dataIndex: 'at', width: 130, render: formatDateTime },
          { title: t('supervisor.rule'), dataIndex: 'ruleName', width: 260 },
          {
            title: t('ticket.number'),
            dataIndex: 'ticketId',
            width: 150,
            render: (id: string) => <Link to={`/tickets/${id}`}>{numberOf.get(id) ?? t('supervisor.openTicket')}</Link>,
          },
          {
            title: t('supervisor.outcome'),
            dataIndex: 'outcome',
            width: 110,
            render: (o: string) => <Tag color={o === 'fired' ? 'green' : 'orange'}>{label(t, 'rule.outcome', o)}</Tag>,
          },
          {
            title: t('supervisor.did'),
            key: 'detail',
            render: (_, r) =>
              r.detail?.reason ? (
                <Typography.Text type="secondary">{r.detail.reason}</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {(r.detail?.actions ?? []).map((a, i) => (
                    <li key={i}>
                      {label(t, 'rule.actionType', a.type)}
                      {a.userIds?.length ? `:${a.userIds.map(userName).join(t('rule.listSep'))}` : a.summary ? `:${summary(a.type, a.summary)}` : ''}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </div>
  );
}
