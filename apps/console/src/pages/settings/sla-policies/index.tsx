import { useMemo, useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { SlaTarget } from '@kefu/shared/sla';
import { api, itemsOf } from '../../../api/client.ts';
import { slaPolicyPatch } from '../../../api/bodies.ts';
import type { BusinessCalendar, SlaPolicy } from '../../../api/types.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT, type T } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { slaKindLabel } from '../../../components/sla/sla-model.ts';
import { describeCondition } from '../rules/rule-words.ts';
import { useRuleLookups } from '../rules/use-rule-lookups.ts';
import { fromTarget, reorder } from './policy-model.ts';
import { PolicyEditor } from './policy-editor.tsx';

/** Condition fields that mean something when a work order is created (not "what changed", not the clock's kind). */
const NOT_FOR_POLICIES = ['changed', 'sla.kind'];

export function targetWords(t: T, target: SlaTarget): string {
  const v = fromTarget(target);
  return t('slaPolicy.targetSay', {
    kind: slaKindLabel(t, target.kind),
    amount: t(`slaPolicy.amount.${v.unit}`, { n: v.amount ?? 0 }),
    warn: target.warnAtPercent,
  });
}

/** SLA policies (时限策略), first match wins. */
export function SlaPoliciesPage() {
  const t = useT();
  const { message } = App.useApp();
  const { lk, fields: allFields } = useRuleLookups();
  const fields = useMemo(() => allFields.filter((f) => !NOT_FOR_POLICIES.includes(f.value)), [allFields]);
  const list = useRequest(() => api.get<{ items: SlaPolicy[] }>('/sla-policies').then(itemsOf), []);
  const calendars = useRequest(() => api.get<{ items: BusinessCalendar[] }>('/calendars').then(itemsOf), []);
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const policies = list.data ?? [];
  const nextPosition = policies.reduce((m, p) => Math.max(m, p.position), 0) + 10;
  const calendarName = (id: string | null) => {
    if (!id) return null;
    return calendars.data?.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  };

  const toggle = async (p: SlaPolicy, enabled: boolean) => {
    setBusy(p.id);
    try {
      const saved = await api.patch<SlaPolicy>(`/sla-policies/${p.id}`, slaPolicyPatch({ enabled }));
      list.setData(policies.map((x) => (x.id === saved.id ? saved : x)));
    } catch {
      // reported by the API client
    } finally {
      setBusy(null);
    }
  };

  const move = async (from: number, to: number) => {
    const changes = reorder(policies, from, to);
    if (!changes.length) return;
    setBusy('order');
    try {
      for (const c of changes) await api.patch<SlaPolicy>(`/sla-policies/${c.rule.id}`, slaPolicyPatch({ position: c.position }));
      void message.success(t('rule.reordered'));
    } catch {
      // reported by the API client; the list shows what was saved
    } finally {
      setBusy(null);
      void list.reload();
    }
  };

  const remove = async (p: SlaPolicy) => {
    try {
      await api.del(`/sla-policies/${p.id}`);
      void message.success(t('common.deleted'));
      void list.reload();
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<SlaPolicy> = [
    { title: '#', key: 'order', width: 44, render: (_, __, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
    {
      title: t('slaPolicy.name'),
      key: 'name',
      width: 220,
      render: (_, p) => (
        <Typography.Text strong={p.enabled} type={p.enabled ? undefined : 'secondary'} data-testid="policy-row-name">
          {p.name}
        </Typography.Text>
      ),
    },
    {
      title: t('slaPolicy.appliesTo'),
      key: 'conditions',
      render: (_, p) =>
        p.conditions.length ? (
          p.conditions.map((c) => describeCondition(c, allFields, lk)).join(t('rule.and'))
        ) : (
          <Typography.Text type="secondary">{t('slaPolicy.allTickets')}</Typography.Text>
        ),
    },
    {
      title: t('slaPolicy.targets'),
      key: 'targets',
      width: 330,
      render: (_, p) => (
        <Space size={[4, 4]} wrap>
          {p.targets.map((x) => (
            <Tag key={x.kind} color="blue" data-testid="policy-target-tag">
              {targetWords(t, x)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('slaPolicy.calendar'),
      key: 'calendar',
      width: 170,
      render: (_, p) => calendarName(p.calendarId) ?? <Typography.Text type="secondary">{t('slaPolicy.teamCalendar')}</Typography.Text>,
    },
    {
      title: t('rule.enabled'),
      key: 'enabled',
      width: 64,
      render: (_, p) => <Switch size="small" checked={p.enabled} loading={busy === p.id} onChange={(v) => void toggle(p, v)} data-testid="policy-enabled-switch" />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, p, i) => (
        <Space size={0}>
          <Tooltip title={t('rule.moveUp')}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0 || !!busy} onClick={() => void move(i, i - 1)} />
          </Tooltip>
          <Tooltip title={t('rule.moveDown')}>
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === policies.length - 1 || !!busy} onClick={() => void move(i, i + 1)} />
          </Tooltip>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="policy-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('slaPolicy.confirmDelete')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(p)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="settings-sla-policies">
      <PageTitle
        title={t('menu.slaPolicies')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="policy-new">
            {t('common.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('slaPolicy.pageHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<SlaPolicy>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={policies}
          loading={list.loading || busy === 'order'}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid="policies-table"
        />
      </Card>
      <PolicyEditor
        target={editing}
        fields={fields}
        calendars={calendars.data ?? []}
        nextPosition={nextPosition}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
    </div>
  );
}
