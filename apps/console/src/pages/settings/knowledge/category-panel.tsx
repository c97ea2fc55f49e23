import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Space, Tree, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { KbCategory } from '@kefu/shared/knowledge-api';
import { api } from '../../../api/client.ts';
import { kbCategoriesResource, useKbCategories } from '../../../api/shared-data.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { categoryTree, type CategoryNode } from '../../knowledge/kb-model.ts';
import { CategorySelect } from '../../knowledge/category-select.tsx';

type Values = { name: string; parentId?: string | null; sort?: number | null };

/** The categories as a tree: add one (at the top or under another), rename, move, reorder, remove an empty one. */
export function CategoryPanel() {
  const t = useT();
  const { message } = App.useApp();
  const cats = useKbCategories();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<{ cat?: KbCategory; parentId?: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ServerError | null>(null);
  const tree = useMemo(() => categoryTree(cats ?? []), [cats]);
  const byId = useMemo(() => new Map((cats ?? []).map((c) => [c.id, c])), [cats]);

  const open = (cat?: KbCategory, parentId?: string | null) => {
    setError(null);
    setEditing({ cat, parentId });
    form.resetFields();
    form.setFieldsValue(cat ? { name: cat.name, parentId: cat.parentId, sort: cat.sort } : { name: '', parentId: parentId ?? null, sort: 0 });
  };
  const silent = { silent: (e: { status: number }) => e.status !== 401 };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    setSaving(true);
    setError(null);
    try {
      const body = { name: v.name.trim(), parentId: v.parentId ?? null, sort: v.sort ?? 0 };
      if (editing.cat) await api.patch(`/kb/categories/${editing.cat.id}`, body, silent);
      else await api.post('/kb/categories', body, silent);
      setEditing(null);
      kbCategoriesResource.invalidate();
      void message.success(t('common.saved'));
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };
  const remove = async (cat: KbCategory) => {
    try {
      await api.del(`/kb/categories/${cat.id}`);
      kbCategoriesResource.invalidate();
      void message.success(t('common.deleted'));
    } catch {
      // reported by the API client (a category still in use says how many articles it holds)
    }
  };

  const title = (n: CategoryNode) => {
    const cat = byId.get(n.value)!;
    return (
      <span className="kefu-kb-cat-row" data-testid="kb-category" data-name={cat.name}>
        <span>{cat.name}</span>
        <Space size={0} className="kefu-kb-cat-actions">
          <Button size="small" type="link" icon={<PlusOutlined />} title={t('kbSettings.addChild')} onClick={() => open(undefined, cat.id)} />
          <Button size="small" type="link" icon={<EditOutlined />} title={t('common.edit')} onClick={() => open(cat)} data-testid="kb-category-edit" />
          <Popconfirm title={t('common.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(cat)}>
            <Button size="small" type="link" danger icon={<DeleteOutlined />} title={t('common.delete')} data-testid="kb-category-delete" />
          </Popconfirm>
        </Space>
      </span>
    );
  };
  interface Node { key: string; title: ReactNode; children: Node[] }
  const toTree = (nodes: CategoryNode[]): Node[] => nodes.map((n) => ({ key: n.value, title: title(n), children: toTree(n.children) }));

  return (
    <div data-testid="kb-categories">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open()} data-testid="kb-category-new">
          {t('kbSettings.newCategory')}
        </Button>
        <Typography.Text type="secondary">{t('kbSettings.categoriesHint')}</Typography.Text>
      </Space>
      {tree.length ? (
        <Tree blockNode defaultExpandAll selectable={false} treeData={toTree(tree)} key={tree.length} />
      ) : (
        <Typography.Paragraph type="secondary">{t('kbSettings.noCategories')}</Typography.Paragraph>
      )}
      <Modal
        open={!!editing}
        title={editing?.cat ? t('kbSettings.editCategory') : t('kbSettings.newCategory')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <ServerErrorAlert error={error} pathLabel={(p) => p} testId="kb-category-error" />
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 64 }]}>
            <Input maxLength={64} data-testid="kb-category-name" />
          </Form.Item>
          <Form.Item name="parentId" label={t('kbSettings.parent')}>
            <CategorySelect exclude={editing?.cat?.id ?? null} placeholder={t('kbSettings.topLevel')} testId="kb-category-parent" />
          </Form.Item>
          <Form.Item name="sort" label={t('kbSettings.sort')} tooltip={t('kbSettings.sortHint')}>
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
