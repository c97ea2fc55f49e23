import { useEffect, useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';

interface Props {
  /** the article and the decision being made; null: closed */
  review: { article: KbArticle; version: number; approve: boolean } | null;
  onClose: () => void;
  onDone: (a: KbArticle) => void;
}

/** A reviewer's decision on the version waiting: approve (publish) with an optional comment, or send back saying why. */
export function ReviewDialog({ review, onClose, onDone }: Props) {
  const t = useT();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ServerError | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setNote('');
    setError(null);
    setMissing(false);
  }, [review]);
  if (!review) return null;
  const { approve } = review;

  const decide = async () => {
    if (!approve && !note.trim()) return setMissing(true);
    setSaving(true);
    setError(null);
    try {
      const a = await api.post<KbArticle>(
        `/kb/articles/${review.article.id}/review`,
        { version: review.version, approve, ...(note.trim() ? { note: note.trim() } : {}) },
        { silent: (e) => e.status !== 401 },
      );
      onDone(a);
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={approve ? t('kb.review.approveTitle', { v: review.version }) : t('kb.review.rejectTitle', { v: review.version })}
      okText={approve ? t('kb.review.approve') : t('kb.review.reject')}
      okButtonProps={{ danger: !approve, 'data-testid': 'kb-review-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void decide()}
      onCancel={onClose}
    >
      <ServerErrorAlert error={error} pathLabel={(p) => p} testId="kb-review-error" />
      <Typography.Paragraph type="secondary">{approve ? t('kb.review.approveHint') : t('kb.review.rejectHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={approve ? t('kb.review.commentOptional') : t('kb.review.comment')}
          required={!approve}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('kb.review.commentRequired') : undefined}
        >
          <Input.TextArea
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setMissing(false);
            }}
            rows={3}
            maxLength={500}
            showCount
            data-testid="kb-review-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
