import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { SATISFACTION } from '@kefu/shared/callbacks';
import { api, itemsOf } from '../../../api/client.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../utils/time.ts';
import type { CallbackPolicy } from '../callback-policies/policy-model.ts';
import type { CallbackScript } from './script-model.ts';
import { ScriptEditor } from './script-editor.tsx';

const TAG_COLORS = { satisfied: 'green', neutral: 'gold', unsatisfied: 'red' } as const;

/** Callback scripts (回访话术, CBK-07, KB-03): what the agent says, asks, and does after each answer. */
export function CallbackScriptsPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useRequest(() => api.get<{ items: CallbackScript[] }>('/callback-scripts').then(itemsOf), []);
  // which policies use a script: shown in the list, and warned about before a delete the server would refuse
  const policies = useRequest(() => api.get<{ items: CallbackPolicy[] }>('/callback-policies').then(itemsOf), []);
  const [editing, setEditing] = useState<CallbackScript | 'new' | null>(null);
  const scripts = list.data ?? [];
  const usedBy = (id: string) => (policies.data ?? []).filter((p) => p.scriptId === id);

  const remove = async (s: CallbackScript) => {
    try {
      // a script still in use answers 409 IN_USE, which the API client shows
      await api.del(`/callback-scripts/${s.id}`);
      void message.success(t('common.deleted'));
      void list.reload();
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<CallbackScript> = [
    {
      title: t('cbScript.name'),
      key: 'name',
      width: 160,
      render: (_, s) => (
        <Typography.Text strong data-testid="script-row-name">
          {s.name}
        </Typography.Text>
      ),
    },
    {
      title: t('cbScript.opening'),
      key: 'opening',
      render: (_, s) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s.opening }} style={{ margin: 0 }}>
          {s.opening}
        </Typography.Paragraph>
      ),
    },
    { title: t('cbScript.questions'), key: 'questions', width: 90, render: (_, s) => t('cbScript.questionCount', { n: s.questions.length }) },
    {
      title: t('cbScript.branchSummary'),
      key: 'branches',
      width: 200,
      render: (_, s) => (
        <Space size={[0, 4]} wrap>
          {SATISFACTION.map((k) => (
            <Tag key={k} color={TAG_COLORS[k]}>
              {t(`cbScript.branch.${k}`)} → {t(`cbScript.followUp.${s.branches[k]?.followUp ?? 'none'}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('cbScript.usedBy'),
      key: 'usedBy',
      width: 220,
      render: (_, s) => {
        const used = usedBy(s.id);
        return used.length ? (
          <Space size={[0, 4]} wrap>
            {used.map((p) => (
              <Tag key={p.id}>{p.name}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('cbScript.unused')}</Typography.Text>
        );
      },
    },
    { title: t('cbScript.updatedAt'), key: 'updatedAt', width: 140, render: (_, s) => formatDateTime(s.updatedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, s) => {
        const used = usedBy(s.id).length;
        return (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid="script-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={used ? t('cbScript.confirmDeleteUsed', { n: used }) : t('cbScript.confirmDelete')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(s)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="script-delete" />
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="settings-callback-scripts">
      <PageTitle
        title={t('menu.callbackScripts')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="script-new">
            {t('common.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('cbScript.pageHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<CallbackScript>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={scripts}
          loading={list.loading}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid="callback-scripts-table"
        />
      </Card>
      <ScriptEditor
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
    </div>
  );
}
