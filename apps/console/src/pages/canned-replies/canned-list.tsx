import { useEffect, useMemo, useState } from 'react';
import { App, Button, Empty, Input, Popconfirm, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CannedReply, CannedVariables } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatListTime } from '../../utils/time.ts';
import { mayKeepCanned } from './canned-body.ts';
import { CannedForm } from './canned-form.tsx';
import { FilledText } from './filled-text.tsx';

/** The canned replies: search, whose (mine and everyone's, everyone's, a team's), and keeping them. */
export function CannedList({ sample }: { sample: CannedVariables }) {
  const t = useT();
  const me = useMe();
  const access = useAccess();
  const directory = useDirectory();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [team, setTeam] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<{ reply?: CannedReply } | null>(null);
  const list = useRequest(() => api.get<{ items: CannedReply[] }>('/canned-replies', { q: search, team, limit: 200 }), [search, team]);
  const items = list.data?.items ?? [];
  useEffect(() => setQ(search), [search]);
  const categories = useMemo(() => [...new Set(items.flatMap((c) => (c.category ? [c.category] : [])))], [items]);

  // who may look at whose: reviewers any team's; others their own team's and everyone's
  const teamFilter = [
    { value: '', label: t('canned.filter.mine') },
    { value: 'shared', label: t('canned.shared') },
    ...(access.kbPublish ? [{ value: 'all', label: t('canned.filter.all') }] : []),
    ...(directory?.teams ?? []).filter((x) => access.kbPublish || x.id === me.teamId).map((x) => ({ value: x.id, label: x.name })),
  ];

  const remove = async (c: CannedReply) => {
    try {
      await api.del(`/canned-replies/${c.id}`);
      void message.success(t('common.deleted'));
      void list.reload();
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<CannedReply> = [
    {
      title: t('canned.shortcut'),
      key: 'shortcut',
      width: 110,
      render: (_, c) => (
        <Typography.Text code data-testid="canned-row-shortcut">
          /{c.shortcut}
        </Typography.Text>
      ),
    },
    {
      title: t('canned.title'),
      key: 'title',
      render: (_, c) => (
        <div className="kefu-canned-cell">
          <Typography.Text strong>{c.title}</Typography.Text>
          <div className="kefu-canned-body-preview">
            <FilledText text={c.body} values={sample} />
          </div>
        </div>
      ),
    },
    { title: t('canned.category'), key: 'category', width: 110, render: (_, c) => c.category ?? '—' },
    {
      title: t('canned.scope'),
      key: 'team',
      width: 110,
      render: (_, c) => (c.teamId ? <Tag color="blue">{c.teamName}</Tag> : <Tag>{t('canned.shared')}</Tag>),
    },
    { title: t('canned.useCount'), key: 'uses', width: 80, render: (_, c) => c.useCount },
    { title: t('canned.updatedAt'), key: 'updated', width: 110, render: (_, c) => formatListTime(c.updatedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, c) =>
        mayKeepCanned(c.teamId, me, access) ? (
          <Space size={0}>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ reply: c })} data-testid="canned-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('common.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(c)}>
              <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="canned-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <div data-testid="canned-list">
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('canned.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setSearch(v.trim())}
          data-testid="canned-search"
        />
        <Select style={{ width: 200 }} value={team ?? ''} onChange={(v) => setTeam(v || undefined)} options={teamFilter} data-testid="canned-filter-team" />
        {access.kbEdit && (access.kbPublish || me.teamId) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="canned-new">
            {t('canned.new')}
          </Button>
        ) : null}
      </Space>
      <ResponsiveTable<CannedReply>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={list.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={search ? t('canned.emptySearch', { q: search }) : t('canned.empty')} /> }}
        data-testid="canned-table"
      />
      <CannedForm
        editing={editing}
        categories={categories}
        sample={sample}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('common.saved'));
          void list.reload();
        }}
      />
    </div>
  );
}
