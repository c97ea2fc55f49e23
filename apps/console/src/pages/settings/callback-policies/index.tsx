import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, itemsOf } from '../../../api/client.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { describeCondition } from '../rules/rule-words.ts';
import type { CallbackPolicy } from './policy-model.ts';
import { assigneeWords, policyInWords, stepsSummary, stepWhen } from './policy-words.ts';
import { PolicyEditor } from './policy-editor.tsx';
import { QuietHoursCard } from './quiet-hours-card.tsx';
import { usePolicyLookups } from './use-policy-lookups.ts';

const KIND_COLORS: Record<string, string> = { event: 'blue', schedule: 'purple', campaign: 'cyan' };

/** Callback policies (回访策略): when a work order is called back, by whom and by when; with the customers' quiet hours below. */
export function CallbackPoliciesPage() {
  const t = useT();
  const { message } = App.useApp();
  const lookups = usePolicyLookups();
  const { lk, words, calendars, scripts } = lookups;
  const list = useRequest(() => api.get<{ items: CallbackPolicy[] }>('/callback-policies').then(itemsOf), []);
  const [editing, setEditing] = useState<CallbackPolicy | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const policies = list.data ?? [];

  const calendarName = (id: string | null) => (id ? (calendars.find((c) => c.id === id)?.name ?? id.slice(0, 8)) : null);

  const toggle = async (p: CallbackPolicy, enabled: boolean) => {
    setBusy(p.id);
    try {
      const saved = await api.patch<CallbackPolicy>(`/callback-policies/${p.id}`, { enabled });
      list.setData(policies.map((x) => (x.id === saved.id ? saved : x)));
    } catch {
      // reported by the API client
    } finally {
      setBusy(null);
    }
  };

  const remove = async (p: CallbackPolicy) => {
    try {
      await api.del(`/callback-policies/${p.id}`);
      void message.success(t('common.deleted'));
      void list.reload();
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<CallbackPolicy> = [
    {
      title: t('cbPolicy.name'),
      key: 'name',
      width: 200,
      render: (_, p) => (
        <div>
          <Typography.Text strong={p.enabled} type={p.enabled ? undefined : 'secondary'} data-testid="policy-row-name">
            {p.name}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`cbPolicy.type.${p.callbackType}`)}
            </Typography.Text>
            {p.template ? (
              <Tag variant="outlined" style={{ marginLeft: 6, fontSize: 11, lineHeight: '16px' }}>
                {t('cbPolicy.templateTag')}
              </Tag>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      title: t('cbPolicy.kind'),
      key: 'kind',
      width: 130,
      render: (_, p) => (
        <div>
          <Tag color={KIND_COLORS[p.kind]}>{t(`cbPolicy.kind.${p.kind}`)}</Tag>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`cbPolicy.triggerOpt.${p.triggerStatus}`)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('cbPolicy.conditions'),
      key: 'conditions',
      render: (_, p) =>
        p.conditions.length ? (
          p.conditions.map((c) => describeCondition(c, words.fields, lk)).join(t('rule.and'))
        ) : (
          <Typography.Text type="secondary">{t('cbPolicy.allTickets')}</Typography.Text>
        ),
    },
    {
      title: t('cbPolicy.steps'),
      key: 'steps',
      width: 170,
      render: (_, p) => (
        <Tooltip
          title={
            <div>
              {p.steps.map((s, i) => (
                <div key={i}>
                  {s.label}: {stepWhen(t, s)}
                </div>
              ))}
            </div>
          }
        >
          <span data-testid="policy-steps-summary">{stepsSummary(t, p, words.anchorName)}</span>
        </Tooltip>
      ),
    },
    {
      title: `${t('cbPolicy.assignee')} / ${t('cbPolicy.calendar')}`,
      key: 'assignee',
      width: 150,
      render: (_, p) => (
        <div>
          {assigneeWords(t, p.assignee, words.teamName)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {calendarName(p.calendarId) ?? t('cbPolicy.teamCalendar')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('cbPolicy.requirements'),
      key: 'requirements',
      width: 110,
      render: (_, p) => (
        <Space size={[0, 4]} wrap>
          {p.coverageRequired ? <Tag color="red">{t('cbPolicy.coverageTag')}</Tag> : null}
          {p.sendSurvey ? <Tag color="green">{t('cbPolicy.surveyTag')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('cbPolicy.enabled'),
      key: 'enabled',
      width: 60,
      render: (_, p) => <Switch size="small" checked={p.enabled} loading={busy === p.id} onChange={(v) => void toggle(p, v)} data-testid="policy-enabled-switch" />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, p) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('common.edit')} data-testid="policy-edit" />
          </Tooltip>
          <Popconfirm
            title={t('cbPolicy.confirmDelete')}
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
    <div data-testid="settings-callback-policies">
      <PageTitle
        title={t('menu.callbackPolicies')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="policy-new">
            {t('common.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('cbPolicy.pageHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<CallbackPolicy>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={policies}
          loading={list.loading}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            expandedRowRender: (p) => (
              <div data-testid="policy-row-words">
                <Typography.Paragraph style={{ margin: 0 }}>
                  <Typography.Text type="secondary">{t('cbPolicy.inWords')}: </Typography.Text>
                  {policyInWords(p, words)}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t('cbPolicy.script')}: {p.scriptId ? (scripts.find((s) => s.id === p.scriptId)?.name ?? p.scriptId.slice(0, 8)) : t('cbPolicy.noScript')}
                  {' · '}
                  {t('cbPolicy.targetMinutes')}: {p.targetMinutes} {t('cbPolicy.minutes')}
                </Typography.Text>
              </div>
            ),
          }}
          data-testid="callback-policies-table"
        />
      </Card>
      <QuietHoursCard />
      <PolicyEditor
        target={editing}
        lookups={lookups}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
    </div>
  );
}
