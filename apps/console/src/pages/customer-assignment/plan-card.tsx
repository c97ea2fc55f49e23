import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Progress, Select, Space, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AssignmentPreview, Specialist } from '@kefu/shared/customer-archive-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';

type Row = AssignmentPreview['assignments'][number];

/**
 * The supervisor's assignment (CUS-03): which customers (a class, new since a
 * day, or those picked on the daily list), a proposal balanced by load and
 * skill, each owner changeable, then apply — which starts the first-contact
 * timers.
 */
export function PlanCard({ specialists, classKeys, pickedIds, onApplied }: {
  specialists: Specialist[]; classKeys: string[]; pickedIds: string[]; onApplied: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [tier, setTier] = useState<string | undefined>();
  const [since, setSince] = useState<Dayjs | null>(null);
  const [includeAssigned, setIncludeAssigned] = useState(false);
  const [plan, setPlan] = useState<AssignmentPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = async () => {
    setBusy(true);
    try {
      setPlan(await api.post<AssignmentPreview>('/customer-assignments/preview', {
        tier, since: since?.format('YYYY-MM-DD'), includeAssigned, ...(pickedIds.length ? { customerIds: pickedIds } : {}),
      }));
    } catch {
      // reported by the API client
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const res = await api.post<{ assigned: number; firstContactDueAt: string }>('/customer-assignments/apply', {
        assignments: plan.assignments.map((a) => ({ customerId: a.customerId, ownerId: a.ownerId })),
      });
      void message.success(t('ca.applied', { n: res.assigned, due: formatDateTime(res.firstContactDueAt) }));
      setPlan(null);
      onApplied();
    } catch {
      // reported by the API client
    } finally {
      setBusy(false);
    }
  };
  const setOwner = (customerId: string, ownerId: string) => setPlan((p) => p && ({
    ...p, assignments: p.assignments.map((a) => (a.customerId === customerId ? { ...a, ownerId, ownerName: specialists.find((s) => s.userId === ownerId)?.name ?? '' } : a)),
  }));
  const owners = specialists.filter((s) => s.active).map((s) => ({ value: s.userId, label: s.name }));
  const columns: TableColumnsType<Row> = [
    { title: t('customer.name'), dataIndex: 'customerName' },
    { title: t('cc.tier'), dataIndex: 'tier', width: 80, render: (v: string | null) => (v ? <Tag>{v}</Tag> : null) },
    { title: t('ca.owner'), dataIndex: 'ownerId', render: (v: string, r) => <Select size="small" value={v} options={owners} onChange={(x) => setOwner(r.customerId, x)} style={{ minWidth: 120 }} /> },
  ];
  const maxAfter = Math.max(1, ...(plan?.loads ?? []).map((l) => l.after));

  return (
    <Card size="small" title={t('ca.plan')} style={{ marginBottom: 12 }} data-testid="assignment-plan">
      <Space wrap style={{ marginBottom: 8 }}>
        {pickedIds.length ? <Tag color="processing">{t('ca.picked', { n: pickedIds.length })}</Tag> : (
          <>
            <Select allowClear placeholder={t('cc.tier')} value={tier} onChange={setTier} options={classKeys.map((k) => ({ value: k, label: k }))} style={{ width: 100 }} data-testid="plan-tier" />
            <DatePicker placeholder={t('ca.since')} value={since} onChange={setSince} />
            <Space size={4}><Switch size="small" checked={includeAssigned} onChange={setIncludeAssigned} />{t('ca.includeAssigned')}</Space>
          </>
        )}
        <Button type="primary" onClick={preview} loading={busy && !plan} data-testid="plan-preview">{t('ca.preview')}</Button>
      </Space>
      {plan ? (
        <>
          {plan.more ? <Alert type="info" showIcon message={t('ca.more500')} style={{ marginBottom: 8 }} /> : null}
          {plan.unassignable.length ? (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('ca.unassignable', { n: plan.unassignable.length })}
              description={plan.unassignable.slice(0, 10).map((c) => `${c.customerName}${c.tier ? ` (${c.tier})` : ''}`).join('、')} />
          ) : null}
          <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
            {plan.loads.map((l) => (
              <div key={l.userId} className="kefu-load-row">
                <Typography.Text style={{ minWidth: 80, display: 'inline-block' }}>{l.name}</Typography.Text>
                <Progress percent={(l.after / maxAfter) * 100} success={{ percent: (l.before / maxAfter) * 100 }} showInfo={false} size="small" style={{ width: 160, margin: '0 8px' }} />
                <Typography.Text type="secondary">{l.before} → {l.after}{l.capacity ? ` / ${l.capacity}` : ''} · {t('ca.skill')} {l.skill}</Typography.Text>
              </div>
            ))}
          </Space>
          <ResponsiveTable<Row> rowKey="customerId" size="small" columns={columns} dataSource={plan.assignments} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('ca.nothingToAssign') }} data-testid="plan-rows" />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" onClick={apply} loading={busy} disabled={!plan.assignments.length} data-testid="plan-apply">{t('ca.apply', { n: plan.assignments.length })}</Button>
            <Button onClick={() => setPlan(null)}>{t('common.cancel')}</Button>
          </Space>
        </>
      ) : null}
    </Card>
  );
}
