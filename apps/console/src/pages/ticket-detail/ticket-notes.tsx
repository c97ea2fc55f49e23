import { useState } from 'react';
import { Button, Card, Empty, Input, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { api, itemsOf } from '../../api/client.ts';
import type { Note } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';

interface Props {
  ticketId: string;
  canNote: boolean;
  onAdded: () => void;
}

/** Internal notes: seen by staff only, never by the customer. */
export function TicketNotes({ ticketId, canNote, onAdded }: Props) {
  const t = useT();
  const [body, setBody] = useState('');
  const [posting, setPosting] = useState(false);
  const notes = useRequest(() => api.get<{ items: Note[] }>(`/tickets/${ticketId}/notes`).then(itemsOf), [ticketId]);

  const post = async () => {
    if (!body.trim()) return;
    setPosting(true);
    try {
      const note = await api.post<Note>(`/tickets/${ticketId}/notes`, { body: body.trim() });
      notes.setData([...(notes.data ?? []), note]);
      setBody('');
      onAdded();
    } catch {
      // reported by the API client
    } finally {
      setPosting(false);
    }
  };

  return (
    <Card size="small" title={t('ticket.notes')} style={{ marginBottom: 12 }} loading={notes.loading && !notes.data}>
      {(notes.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noNotes')} style={{ margin: '4px 0 12px' }} />
      ) : (
        <div style={{ marginBottom: 12 }} data-testid="notes-list">
          {(notes.data ?? []).map((n) => (
            <div key={n.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space size={8}>
                <Typography.Text strong>{n.authorName ?? '—'}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
              {n.file ? (
                <a href={`/api/v1/tickets/${ticketId}/notes/${n.id}/file`} download data-testid="note-file">
                  <PaperClipOutlined /> {n.file.fileName} ({Math.max(1, Math.round(n.file.size / 1024))} KB)
                </a>
              ) : null}
            </div>
          ))}
        </div>
      )}
      {canNote ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 5 }}
            maxLength={4000}
            placeholder={t('ticket.notePlaceholder')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void post();
            }}
            data-testid="note-input"
          />
          <Button type="primary" loading={posting} disabled={!body.trim()} onClick={() => void post()} data-testid="note-add">
            {t('ticket.addNote')}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}
