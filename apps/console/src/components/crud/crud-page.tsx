import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Modal, Popconfirm, Space, Table, type FormInstance, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, itemsOf } from '../../api/client.ts';
import { directoryResource } from '../../api/shared-data.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../page-title.tsx';

interface Props<T extends { id: string }, V extends object> {
  title: string;
  /** e.g. "/departments": GET and POST on it, PATCH and DELETE on `${path}/:id` */
  path: string;
  columns: TableColumnsType<T>;
  /** form items; `editing` is the row being edited, undefined when creating */
  renderForm: (form: FormInstance<V>, editing: T | undefined) => ReactNode;
  toValues: (item: T) => V;
  toBody: (values: V, editing: T | undefined) => object;
  canDelete?: boolean;
  modalWidth?: number;
  testId: string;
}

/** A settings table with create/edit modals and confirmed deletes. */
export function CrudPage<T extends { id: string }, V extends object>(p: Props<T, V>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [modal, setModal] = useState<{ editing?: T } | null>(null);
  const [saving, setSaving] = useState(false);
  const list = useRequest(() => api.get<{ items: T[] }>(p.path).then(itemsOf), [p.path]);

  useEffect(() => {
    if (!modal) return;
    form.resetFields();
    if (modal.editing) form.setFieldsValue(p.toValues(modal.editing) as Parameters<typeof form.setFieldsValue>[0]);
    // only when the modal opens
  }, [modal]);

  const changed = () => {
    directoryResource.invalidate();
    void list.reload();
  };

  const submit = async () => {
    // invalid input: the form shows the messages beside the fields
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const body = p.toBody(values, modal?.editing);
      if (modal?.editing) await api.patch(`${p.path}/${modal.editing.id}`, body);
      else await api.post(p.path, body);
      setModal(null);
      void message.success(t('common.saved'));
      changed();
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };

  const remove = async (item: T) => {
    try {
      await api.del(`${p.path}/${item.id}`);
      void message.success(t('common.deleted'));
      changed();
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<T> = [
    ...p.columns,
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, item) => (
        <Space size={4}>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setModal({ editing: item })}>
            {t('common.edit')}
          </Button>
          {p.canDelete !== false ? (
            <Popconfirm
              title={t('common.confirmDelete')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(item)}
            >
              <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid={p.testId}>
      <PageTitle
        title={p.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({})}>
            {t('common.create')}
          </Button>
        }
      />
      <Card size="small">
        <Table<T> size="small" rowKey="id" columns={columns} dataSource={list.data ?? []} loading={list.loading} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      </Card>
      <Modal
        open={!!modal}
        title={`${modal?.editing ? t('common.edit') : t('common.create')} · ${p.title}`}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setModal(null)}
        width={p.modalWidth}
        forceRender
      >
        <Form form={form} layout="vertical">
          {modal ? p.renderForm(form, modal.editing) : null}
        </Form>
      </Modal>
    </div>
  );
}
