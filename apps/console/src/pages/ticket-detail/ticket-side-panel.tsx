import { Card, Descriptions, Form, Select, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { PRIORITIES } from '@kefu/shared/ticket-status';
import type { Ticket, TicketUpdateBody } from '../../api/types.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';

interface Props {
  ticket: Ticket;
  canAssign: boolean;
  canUpdate: boolean;
  onPatch: (body: TicketUpdateBody) => Promise<boolean>;
}

/** Customer card plus who handles the work order and how urgent it is. */
export function TicketSidePanel({ ticket, canAssign, canUpdate, onPatch }: Props) {
  const t = useT();
  const labels = useLabels();
  const directory = useDirectory();
  const users = directory?.users ?? [];
  const teams = directory?.teams ?? [];
  // keep the current values selectable even before the directory arrives
  const userOptions = users.map((u) => ({ value: u.id, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName }));
  if (ticket.assigneeId && !users.some((u) => u.id === ticket.assigneeId)) {
    userOptions.push({ value: ticket.assigneeId, label: ticket.assigneeName ?? ticket.assigneeId });
  }
  const teamOptions = teams.map((x) => ({ value: x.id, label: x.name }));
  if (ticket.teamId && !teams.some((x) => x.id === ticket.teamId)) {
    teamOptions.push({ value: ticket.teamId, label: ticket.teamName ?? ticket.teamId });
  }

  return (
    <>
      <Card size="small" title={t('ticket.customer')} style={{ marginBottom: 12 }} data-testid="ticket-customer">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('customer.name'), children: <Link to={`/customers/${ticket.customer.id}`}>{ticket.customer.name}</Link> },
            { key: 'phone', label: t('customer.phone'), children: ticket.customer.phone ?? '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('ticket.handling')} style={{ marginBottom: 12 }}>
        <Form layout="vertical" component={false}>
          <Form.Item label={t('ticket.assignee')} style={{ marginBottom: 10 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!canAssign}
              placeholder={t('ticket.unassigned')}
              value={ticket.assigneeId ?? undefined}
              options={userOptions}
              onChange={(v) => void onPatch({ assigneeId: v ?? null })}
              data-testid="assignee-select"
            />
          </Form.Item>
          <Form.Item label={t('ticket.team')} style={{ marginBottom: 10 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!canAssign}
              placeholder={t('ticket.noTeam')}
              value={ticket.teamId ?? undefined}
              options={teamOptions}
              onChange={(v) => void onPatch({ teamId: v ?? null })}
              data-testid="team-select"
            />
          </Form.Item>
          <Form.Item label={t('ticket.priority')} style={{ marginBottom: 0 }}>
            <Select
              disabled={!canUpdate}
              value={ticket.priority}
              options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
              onChange={(priority) => void onPatch({ priority })}
              data-testid="priority-select"
            />
          </Form.Item>
          {ticket.watchers?.length ? (
            <Form.Item label={t('ticket.watchers')} style={{ marginBottom: 0, marginTop: 10 }}>
              <Space size={[4, 4]} wrap data-testid="watchers">
                {ticket.watchers.map((w) => (
                  <Tag key={w.id}>{w.displayName}</Tag>
                ))}
              </Space>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
    </>
  );
}
