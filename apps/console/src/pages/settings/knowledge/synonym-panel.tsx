import { useState } from 'react';
import { App, Button, Form, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { KbSynonymGroup } from '@kefu/shared/knowledge-api';
import { api, itemsOf } from '../../../api/client.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';

/** Synonym groups (酸奶 = 酸牛奶): a search for one word finds articles with the others. */
export function SynonymPanel() {
  const t = useT();
  const { message } = App.useApp();
  const list = useRequest(() => api.get<{ items: KbSynonymGroup[] }>('/kb/synonyms').then(itemsOf), []);
  const [editing, setEditing] = useState<{ group?: KbSynonymGroup } | null>(null);
  const [words, setWords] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ServerError | null>(null);

  const open = (group?: KbSynonymGroup) => {
    setEditing({ group });
    setWords(group?.words ?? []);
    setError(null);
  };
  const save = async () => {
    if (!editing) return;
    const clean = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
    setSaving(true);
    setError(null);
    try {
      const silent = { silent: (e: { status: number }) => e.status !== 401 };
      if (editing.group) await api.patch(`/kb/synonyms/${editing.group.id}`, { words: clean }, silent);
      else await api.post('/kb/synonyms', { words: clean }, silent);
      setEditing(null);
      void message.success(t('common.saved'));
      void list.reload();
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };
  const remove = async (g: KbSynonymGroup) => {
    try {
      await api.del(`/kb/synonyms/${g.id}`);
      void message.success(t('common.deleted'));
      void list.reload();
    } catch {
      // reported by the API client
    }
  };

  return (
    <div data-testid="kb-synonyms">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open()} data-testid="kb-synonym-new">
          {t('kbSettings.newSynonyms')}
        </Button>
        <Typography.Text type="secondary">{t('kbSettings.synonymsHint')}</Typography.Text>
      </Space>
      <List<KbSynonymGroup>
        size="small"
        bordered
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('kbSettings.noSynonyms') }}
        renderItem={(g) => (
          <List.Item
            data-testid="kb-synonym"
            actions={[
              <Button key="edit" size="small" type="link" icon={<EditOutlined />} onClick={() => open(g)}>
                {t('common.edit')}
              </Button>,
              <Popconfirm key="del" title={t('common.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(g)}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space size={[4, 4]} wrap>
              {g.words.map((w, i) => (
                <span key={w}>
                  {i > 0 ? <span className="kefu-kb-eq">=</span> : null}
                  <Tag>{w}</Tag>
                </span>
              ))}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={!!editing}
        title={editing?.group ? t('kbSettings.editSynonyms') : t('kbSettings.newSynonyms')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ disabled: new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean)).size < 2 }}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
      >
        <ServerErrorAlert error={error} pathLabel={(p) => p} testId="kb-synonym-error" />
        <Form layout="vertical">
          <Form.Item label={t('kbSettings.words')} extra={t('kbSettings.wordsHint')}>
            <Select
              mode="tags"
              value={words}
              onChange={setWords}
              maxCount={20}
              tokenSeparators={[',', ',', ' ', '=']}
              open={false}
              suffixIcon={null}
              data-testid="kb-synonym-words"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
