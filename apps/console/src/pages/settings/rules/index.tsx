import { useMemo, useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import {
  AppstoreAddOutlined,
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  ExperimentOutlined,
  HistoryOutlined,
  HolderOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { api, itemsOf } from '../../../api/client.ts';
import type { Rule, RuleTemplate } from '../../../api/types.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useLocale, useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../utils/time.ts';
import { reorder, ruleWith } from './rule-model.ts';
import { describeAction, describeCondition } from './rule-words.ts';
import { useRuleLookups } from './use-rule-lookups.ts';
import { RuleEditor } from './rule-editor.tsx';
import { RuleHistoryDrawer } from './rule-history.tsx';
import { RuleTestModal } from './rule-test-modal.tsx';
import { TemplatesModal } from './templates-modal.tsx';

const TRIGGER_COLORS: Record<string, string> = {
  'ticket.created': 'blue',
  'ticket.updated': 'cyan',
  'ticket.field_changed': 'geekblue',
  'ticket.status_reached': 'purple',
  'sla.due': 'orange',
  'sla.breached': 'red',
};

/** Routing and escalation rules, in evaluation order. */
export function RulesPage() {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const { lk, fields } = useRuleLookups();
  const list = useRequest(() => api.get<{ items: Rule[] }>('/rules').then(itemsOf), []);
  const templates = useRequest(() => api.get<{ items: RuleTemplate[] }>('/rule-templates').then(itemsOf), []);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [history, setHistory] = useState<Rule | null>(null);
  const [testing, setTesting] = useState(false);
  const [loadingTemplates, setLoadingTemplates] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const rules = list.data ?? [];
  const nextPosition = rules.reduce((m, r) => Math.max(m, r.position), 0) + 10;

  const templateName = (key: string) => {
    const tpl = templates.data?.find((x) => x.key === key);
    return tpl ? (locale === 'zh-CN' ? tpl.name.zh : tpl.name.en) : key;
  };

  const replace = (rule: Rule) => list.setData(rules.map((r) => (r.id === rule.id ? rule : r)));

  const toggle = async (rule: Rule, enabled: boolean) => {
    setBusy(rule.id);
    try {
      replace(await api.patch<Rule>(`/rules/${rule.id}`, ruleWith(rule, { enabled })));
    } catch {
      // reported by the API client
    } finally {
      setBusy(null);
    }
  };

  // every rule whose place changes gets its new position (one new version each)
  const move = async (from: number, to: number) => {
    const changes = reorder(rules, from, to);
    if (!changes.length) return;
    setBusy('order');
    try {
      for (const c of changes) await api.patch<Rule>(`/rules/${c.rule.id}`, ruleWith(c.rule, { position: c.position }));
      void message.success(t('rule.reordered'));
    } catch {
      // reported by the API client; the list below shows what was saved
    } finally {
      setBusy(null);
      void list.reload();
    }
  };

  const remove = async (rule: Rule) => {
    try {
      await api.del(`/rules/${rule.id}`);
      void message.success(t('common.deleted'));
      void list.reload();
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<Rule> = useMemo(
    () => [
      {
        title: '#',
        key: 'order',
        width: 56,
        render: (_, __, i) => (
          <Space size={4}>
            <HolderOutlined style={{ cursor: 'grab', color: '#999' }} />
            <Typography.Text type="secondary">{i + 1}</Typography.Text>
          </Space>
        ),
      },
      {
        title: t('rule.name'),
        key: 'name',
        render: (_, r) => (
          <div>
            <Typography.Text strong={r.enabled} type={r.enabled ? undefined : 'secondary'} data-testid="rule-row-name">
              {r.name}
            </Typography.Text>
            {r.stopProcessing ? (
              <Tooltip title={t('rule.stopProcessingHint')}>
                <Tag color="volcano" style={{ marginLeft: 6 }}>
                  {t('rule.stops')}
                </Tag>
              </Tooltip>
            ) : null}
            {r.description ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.description}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        ),
      },
      {
        title: t('rule.trigger'),
        dataIndex: 'trigger',
        width: 150,
        render: (x: string) => <Tag color={TRIGGER_COLORS[x]}>{lk.text(`rule.triggerName.${x}`)}</Tag>,
      },
      {
        title: t('rule.templateTag'),
        dataIndex: 'template',
        width: 170,
        render: (x: string | null) => (x ? <Tag color="gold">{templateName(x)}</Tag> : <Tag>{t('rule.custom')}</Tag>),
      },
      {
        title: t('rule.version'),
        key: 'version',
        width: 130,
        render: (_, r) => (
          <Tooltip title={formatDateTime(r.updatedAt)}>
            <Button type="link" size="small" style={{ padding: 0 }} icon={<HistoryOutlined />} onClick={() => setHistory(r)}>
              v{r.version}
            </Button>
          </Tooltip>
        ),
      },
      {
        title: t('rule.enabled'),
        key: 'enabled',
        width: 72,
        render: (_, r) => (
          <Switch size="small" checked={r.enabled} loading={busy === r.id} onChange={(v) => void toggle(r, v)} data-testid="rule-enabled" />
        ),
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 200,
        render: (_, r, i) => (
          <Space size={0}>
            <Tooltip title={t('rule.moveUp')}>
              <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0 || !!busy} onClick={() => void move(i, i - 1)} data-testid="rule-up" />
            </Tooltip>
            <Tooltip title={t('rule.moveDown')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === rules.length - 1 || !!busy}
                onClick={() => void move(i, i + 1)}
                data-testid="rule-down"
              />
            </Tooltip>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="rule-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('common.confirmDelete')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(r)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        ),
      },
    ],
    [t, lk, rules, busy, templates.data, locale],
  );

  return (
    <div data-testid="settings-rules">
      <PageTitle
        title={t('menu.rules')}
        extra={
          <Space>
            <Button icon={<ExperimentOutlined />} onClick={() => setTesting(true)} data-testid="rule-test-open">
              {t('rule.test')}
            </Button>
            <Button icon={<AppstoreAddOutlined />} onClick={() => setLoadingTemplates(true)} data-testid="rule-templates-open">
              {t('rule.loadTemplate')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-new">
              {t('common.create')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('rule.pageHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<Rule>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rules}
          loading={list.loading || busy === 'order'}
          pagination={false}
          data-testid="rules-table"
          expandable={{
            expandedRowRender: (r) => (
              <div className="kefu-rule-summary">
                <div>
                  <Typography.Text type="secondary">{t('rule.when')}</Typography.Text>{' '}
                  {r.conditions.length ? r.conditions.map((c) => describeCondition(c, fields, lk)).join(t('rule.and')) : t('rule.always')}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('rule.then')}</Typography.Text>
                  <ol style={{ margin: '2px 0 0', paddingLeft: 20 }}>
                    {r.actions.map((a, i) => (
                      <li key={i}>{describeAction(a, lk)}</li>
                    ))}
                  </ol>
                </div>
              </div>
            ),
          }}
          onRow={(_, index) => ({
            draggable: !busy,
            className: dragOver === index && dragFrom !== null && dragFrom !== index ? 'kefu-drop-target' : undefined,
            onDragStart: (e) => {
              setDragFrom(index ?? null);
              e.dataTransfer.effectAllowed = 'move';
            },
            onDragOver: (e) => {
              if (dragFrom === null) return;
              e.preventDefault();
              if (dragOver !== index) setDragOver(index ?? null);
            },
            onDragEnd: () => {
              setDragFrom(null);
              setDragOver(null);
            },
            onDrop: (e) => {
              e.preventDefault();
              if (dragFrom !== null && index !== undefined) void move(dragFrom, index);
              setDragFrom(null);
              setDragOver(null);
            },
          })}
        />
      </Card>
      <RuleEditor
        target={editing}
        fields={fields}
        nextPosition={nextPosition}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
      <RuleHistoryDrawer
        rule={history}
        fields={fields}
        lk={lk}
        onClose={() => setHistory(null)}
        onRestored={() => {
          setHistory(null);
          void list.reload();
        }}
      />
      <RuleTestModal open={testing} fields={fields} lk={lk} onClose={() => setTesting(false)} />
      <TemplatesModal
        open={loadingTemplates}
        templates={templates.data ?? []}
        onClose={() => setLoadingTemplates(false)}
        onLoaded={() => {
          setLoadingTemplates(false);
          void list.reload();
        }}
      />
    </div>
  );
}
