import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

interface Props {
  article: KbArticle;
  /** the article as it stands after the answer (the counts moved) */
  onChange: (a: KbArticle) => void;
}

/** "这篇有用吗?" with the counts; the reader's own answer is the filled button, and may be changed. */
export function FeedbackButtons({ article, onChange }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const readable = article.publishedVersion !== null && !article.archived;
  const answer = async (useful: boolean) => {
    setBusy(true);
    try {
      await api.post(`/kb/articles/${article.id}/feedback`, { useful });
      onChange(await api.get<KbArticle>(`/kb/articles/${article.id}`));
    } catch {
      // reported by the API client
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap size={8} data-testid="kb-feedback">
      <Typography.Text type="secondary">{t('kb.feedback.question')}</Typography.Text>
      <Button
        size="small"
        icon={<LikeOutlined />}
        type={article.myFeedback === true ? 'primary' : 'default'}
        disabled={!readable}
        loading={busy}
        onClick={() => void answer(true)}
        data-testid="kb-useful"
      >
        {t('kb.feedback.useful', { n: article.usefulCount })}
      </Button>
      <Button
        size="small"
        icon={<DislikeOutlined />}
        type={article.myFeedback === false ? 'primary' : 'default'}
        danger={article.myFeedback === false}
        disabled={!readable}
        loading={busy}
        onClick={() => void answer(false)}
        data-testid="kb-not-useful"
      >
        {t('kb.feedback.notUseful', { n: article.notUsefulCount })}
      </Button>
    </Space>
  );
}
