import { useRef, useState } from 'react';
import { App, Button, Card, Empty, List, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { KB_ATTACHMENT_TYPES, type KbArticle, type KbAttachment } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The article's files: everyone may open them; editors attach and remove. */
export function ArticleFiles({ article, canEdit, onChange }: { article: KbArticle; canEdit: boolean; onChange: (a: KbArticle) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const base = `/kb/articles/${article.id}/attachments`;
  const set = (attachments: KbAttachment[]) => onChange({ ...article, attachments });

  const upload = async (file: File) => {
    setBusy(true);
    try {
      set((await api.upload<{ items: KbAttachment[] }>(base, file)).items);
      void message.success(t('kb.files.added', { name: file.name }));
    } catch {
      // reported by the API client (type or size refused, in the user's language)
    } finally {
      setBusy(false);
    }
  };
  const remove = async (f: KbAttachment) => {
    try {
      set((await api.del<{ items: KbAttachment[] }>(`${base}/${f.id}`)).items);
    } catch {
      // reported by the API client
    }
  };

  if (!canEdit && !article.attachments.length) return null;
  return (
    <Card
      size="small"
      title={t('kb.files')}
      style={{ marginTop: 12 }}
      data-testid="kb-files"
      extra={canEdit ? (
        <>
          <input ref={picker} type="file" hidden accept={KB_ATTACHMENT_TYPES.join(',')} data-testid="kb-file-input"
            onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void upload(f); }} />
          <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => picker.current?.click()}>{t('kb.files.add')}</Button>
        </>
      ) : null}
    >
      {article.attachments.length ? (
        <List
          size="small"
          dataSource={article.attachments}
          renderItem={(f) => (
            <List.Item actions={canEdit ? [
              <Popconfirm key="del" title={t('common.confirmDelete')} onConfirm={() => remove(f)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>,
            ] : []}>
              <Typography.Link href={`/api/v1${base}/${f.id}`} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {f.fileName}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{size(f.size)}{f.uploadedByName ? ` · ${f.uploadedByName}` : ''}</Typography.Text>
            </List.Item>
          )}
        />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kb.files.none')} />}
    </Card>
  );
}
