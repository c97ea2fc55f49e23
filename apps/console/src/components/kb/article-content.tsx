import { Divider, Space, Tag, Typography } from 'antd';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { FeedbackButtons } from './feedback-buttons.tsx';

interface Props {
  article: KbArticle;
  onChange: (a: KbArticle) => void;
  /** the text shown: the published one, or a version an editor picked */
  body?: string;
}

/** An article as a reader sees it: kind, category, tags, validity, the text, and "was this useful". */
export function ArticleContent({ article, onChange, body }: Props) {
  const t = useT();
  const validity =
    article.validFrom || article.validUntil ? t('kb.validity', { from: article.validFrom ?? '…', until: article.validUntil ?? '…' }) : t('kb.validityAlways');
  return (
    <div className="kefu-kb-article" data-testid="kb-article-content">
      <Space wrap size={[6, 6]} className="kefu-kb-meta">
        <Tag color="blue">{t(`kb.kind.${article.kind}`)}</Tag>
        {article.categoryName ? <Tag>{article.categoryName}</Tag> : null}
        {article.tags.map((x) => (
          <Tag key={x} color="default" bordered={false}>
            #{x}
          </Tag>
        ))}
      </Space>
      <Typography.Text type="secondary" className="kefu-kb-dates" data-testid="kb-validity">
        {validity}
        {article.publishedAt ? ` · ${t('kb.publishedAt', { at: formatDateTime(article.publishedAt), v: article.publishedVersion ?? '' })}` : ''}
      </Typography.Text>
      <div className="kefu-kb-body" data-testid="kb-article-body">
        {body ?? article.body}
      </div>
      <Divider style={{ margin: '12px 0' }} />
      <FeedbackButtons article={article} onChange={onChange} />
    </div>
  );
}
