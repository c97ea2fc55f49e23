import { useState } from 'react';
import { Button, Empty, Select, Space, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { TICKET_TYPES } from '@kefu/shared/ticket-status';
import { api, itemsOf } from '../../api/client.ts';
import type { SlaQueueItem } from '../../api/types.ts';
import { useDirectory, useForms } from '../../api/shared-data.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { StatusTag } from '../../components/tags.tsx';
import { SlaCountdown } from '../../components/sla/sla-tags.tsx';
import { slaKindLabel } from '../../components/sla/sla-model.ts';
import { formatDateTime } from '../../utils/time.ts';

const LIMIT = 100;

/** Work orders whose clock is amber (at_risk) or red (breached), most urgent first. */
export function SlaQueue({ state, version }: { state: 'at_risk' | 'breached'; version: number }) {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  const directory = useDirectory();
  const [teamId, setTeamId] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const filterKey = `${teamId ?? ''}|${type ?? ''}`;
  const [shownKey, setShownKey] = useState<string | null>(null);
  const queue = useRequest(
    () =>
      api
        .get<{ items: SlaQueueItem[] }>('/sla/queue', { state, teamId, type, limit: LIMIT })
        .then(itemsOf)
        .finally(() => setShownKey(filterKey)),
    [state, teamId, type, version],
  );
  const typeName = (x: string) => labels.type(x, forms?.find((f) => f.type === x)?.definition.name);
  const types = forms?.length ? forms.map((f) => f.type) : [...TICKET_TYPES];
  const items = queue.data ?? [];

  return (
    <div data-testid={`sla-queue-${state}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          placeholder={t('ticket.team')}
          value={teamId}
          onChange={setTeamId}
          options={(directory?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          data-testid="queue-team"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('ticket.type')}
          value={type}
          onChange={setType}
          options={types.map((x) => ({ value: x, label: typeName(x) }))}
          data-testid="queue-type"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void queue.reload()}>
          {t('common.refresh')}
        </Button>
        <Typography.Text type="secondary">
          {items.length >= LIMIT ? t('supervisor.queueLimit', { n: LIMIT }) : t('supervisor.queueHint')}
        </Typography.Text>
      </Space>
      <Table<SlaQueueItem>
        size="small"
        rowKey={(r) => `${r.ticketId}-${r.kind}`}
        // live refetches keep the rows on screen; a new filter shows the spinner
        loading={queue.loading && shownKey !== filterKey}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(state === 'breached' ? 'supervisor.noneBreached' : 'supervisor.noneAtRisk')} /> }}
        data-testid="sla-queue-table"
        columns={[
          {
            title: state === 'breached' ? t('supervisor.overdueBy') : t('supervisor.timeLeft'),
            key: 'left',
            width: 130,
            render: (_, r) => <SlaCountdown dueAt={r.dueAt} atLeast={state === 'breached' ? 'late' : 'warn'} />,
          },
          {
            title: t('ticket.number'),
            dataIndex: 'number',
            width: 150,
            render: (n: string, r) => (
              <Link to={`/tickets/${r.ticketId}`} data-testid="queue-ticket">
                {n}
              </Link>
            ),
          },
          { title: t('supervisor.clock'), dataIndex: 'kind', width: 100, render: (k: string) => slaKindLabel(t, k) },
          { title: t('ticket.subject'), dataIndex: 'subject', ellipsis: true },
          { title: t('ticket.type'), dataIndex: 'type', width: 80, render: typeName },
          { title: t('ticket.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
          {
            title: t('ticket.assigneeTeam'),
            key: 'who',
            width: 160,
            render: (_, r) => (
              <span>
                {r.assigneeName ?? <Typography.Text type="secondary">{t('ticket.unassigned')}</Typography.Text>}
                {r.teamName ? <Typography.Text type="secondary"> / {r.teamName}</Typography.Text> : null}
              </span>
            ),
          },
          { title: t('supervisor.dueAt'), dataIndex: 'dueAt', width: 130, render: formatDateTime },
        ]}
      />
    </div>
  );
}
