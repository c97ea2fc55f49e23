import { useState } from 'react';
import { App, Button, Card, InputNumber, Select, Space, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { Specialist } from '@kefu/shared/customer-archive-api';
import { api } from '../../api/client.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';

type Body = Pick<Specialist, 'skill' | 'classes' | 'capacity' | 'active'>;

/** Who takes customers: skill (weighs the balance), classes (专属客服 for A), capacity, on or off; with load and overdue first contacts. */
export function SpecialistsCard({ items, classKeys, onChange }: { items: Specialist[]; classKeys: string[]; onChange: (items: Specialist[]) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [adding, setAdding] = useState<string | null>(null);
  const save = async (userId: string, body: Body) => {
    try {
      onChange((await api.put<{ items: Specialist[] }>(`/customer-specialists/${userId}`, body)).items);
      void message.success(t('common.saved'));
    } catch {
      // reported by the API client
    }
  };
  const of = (s: Specialist): Body => ({ skill: s.skill, classes: s.classes, capacity: s.capacity, active: s.active });
  const taken = new Set(items.map((s) => s.userId));
  const candidates = (directory?.users ?? []).filter((u) => !taken.has(u.id)).map((u) => ({ value: u.id, label: `${u.displayName}${u.jobNumber ? ` (${u.jobNumber})` : ''}` }));

  const columns: TableColumnsType<Specialist> = [
    { title: t('ca.specialist'), dataIndex: 'name', render: (n: string, s) => <Space size={4}>{n}{s.jobNumber ? <Typography.Text type="secondary">{s.jobNumber}</Typography.Text> : null}</Space> },
    { title: t('ca.skill'), dataIndex: 'skill', width: 110, render: (v: number, s) => <InputNumber min={1} max={5} value={v} size="small" onChange={(x) => x && save(s.userId, { ...of(s), skill: x })} /> },
    {
      title: t('ca.classes'), dataIndex: 'classes', width: 180,
      render: (v: string[], s) => (
        <Select mode="multiple" size="small" value={v} placeholder={t('ca.anyClass')} style={{ minWidth: 120 }}
          options={classKeys.map((k) => ({ value: k, label: k }))} onChange={(x) => save(s.userId, { ...of(s), classes: x })} />
      ),
    },
    { title: t('ca.capacity'), dataIndex: 'capacity', width: 120, render: (v: number | null, s) => <InputNumber min={1} size="small" value={v ?? undefined} placeholder="∞" onChange={(x) => save(s.userId, { ...of(s), capacity: x ?? null })} /> },
    { title: t('ca.load'), dataIndex: 'load', width: 90, render: (v: number, s) => <span data-testid={`load-${s.userId}`}>{v}{s.capacity ? ` / ${s.capacity}` : ''}</span> },
    { title: t('ca.overdue'), dataIndex: 'overdue', width: 90, render: (v: number) => (v ? <Tag color="error">{v}</Tag> : 0) },
    { title: t('ca.active'), dataIndex: 'active', width: 80, render: (v: boolean, s) => <Switch size="small" checked={v} onChange={(x) => save(s.userId, { ...of(s), active: x })} /> },
  ];

  return (
    <Card size="small" title={t('ca.specialists')} style={{ marginBottom: 12 }} extra={
      <Space.Compact>
        <Select showSearch optionFilterProp="label" value={adding ?? undefined} onChange={setAdding} options={candidates} placeholder={t('ca.addSpecialist')} style={{ width: 180 }} data-testid="specialist-pick" />
        <Button icon={<UserAddOutlined />} disabled={!adding} data-testid="specialist-add" onClick={async () => {
          if (!adding) return;
          await save(adding, { skill: 3, classes: [], capacity: null, active: true });
          setAdding(null);
        }} />
      </Space.Compact>
    }>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('ca.specialistsIntro')}</Typography.Paragraph>
      <ResponsiveTable<Specialist> rowKey="userId" size="small" pagination={false} columns={columns} dataSource={items} data-testid="specialists"
        locale={{ emptyText: t('ca.noSpecialists') }} />
    </Card>
  );
}
