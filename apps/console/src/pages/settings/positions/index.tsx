import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client.ts';
import { positionBody } from '../../../api/bodies.ts';
import type { Position } from '../../../api/types.ts';
import { positionsResource, useDirectory } from '../../../api/shared-data.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';

type Values = { key: string; name: string; nameEn?: string | null; holderIds: string[] };

const KEY = /^[a-z][a-z0-9_]{1,47}$/;

/**
 * Positions (岗位): the abstract roles rules name (品控部经理), bound here to
 * the people who hold them. Rebinding changes who rules reach, not the rules.
 */
export function PositionsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { data: positions, error } = positionsResource.useState();
  const directory = useDirectory();
  const users = directory?.users ?? [];
  const [form] = Form.useForm<Values>();
  const [modal, setModal] = useState<{ editing?: Position } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!modal) return;
    form.resetFields();
    if (modal.editing) {
      const p = modal.editing;
      form.setFieldsValue({ key: p.key, name: p.name, nameEn: p.nameEn, holderIds: p.holderIds });
    }
  }, [modal]);

  const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.put(`/positions/${encodeURIComponent(modal?.editing?.key ?? v.key)}`, positionBody(v));
      void message.success(t('common.saved'));
      setModal(null);
      positionsResource.invalidate();
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="settings-positions">
      <PageTitle
        title={t('menu.positions')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({})}>
            {t('common.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('position.hint')}</Typography.Paragraph>
      <Card size="small">
        <Table<Position>
          size="small"
          rowKey="key"
          loading={!positions && !error}
          dataSource={positions ?? []}
          pagination={false}
          columns={[
            { title: t('position.name'), dataIndex: 'name', width: 160 },
            { title: t('position.nameEn'), dataIndex: 'nameEn', width: 200, render: (x: string | null) => x ?? '—' },
            { title: t('position.key'), dataIndex: 'key', width: 200, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
            {
              title: t('position.holders'),
              dataIndex: 'holderIds',
              render: (ids: string[]) =>
                ids.length ? ids.map((id) => <Tag key={id}>{userName(id)}</Tag>) : <Typography.Text type="warning">{t('position.nobody')}</Typography.Text>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              render: (_, p) => (
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setModal({ editing: p })} data-testid="position-edit">
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
          data-testid="positions-table"
        />
      </Card>
      <Modal
        open={!!modal}
        title={`${modal?.editing ? t('common.edit') : t('common.create')} · ${t('menu.positions')}`}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setModal(null)}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ holderIds: [] }}>
          <Form.Item
            name="key"
            label={t('position.key')}
            extra={modal?.editing ? undefined : t('position.keyRule')}
            rules={modal?.editing ? [] : [{ required: true, pattern: KEY, message: t('position.keyRule') }]}
          >
            <Input disabled={!!modal?.editing} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('position.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('position.nameEn')} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="holderIds" label={t('position.holders')} extra={t('position.holdersHint')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={users.map((u) => ({ value: u.id, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName }))}
              data-testid="position-holders"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
