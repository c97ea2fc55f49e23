import { useState } from 'react';
import { Button, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined, EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';

type Version = KbArticle['versions'][number];

const COLOR: Record<Version['status'], string> = { draft: 'default', in_review: 'gold', published: 'green', rejected: 'red', superseded: 'default' };

interface Props {
  article: KbArticle;
  /** kb:publish: approve or send back the version waiting */
  canReview: boolean;
  onReview: (version: number, approve: boolean) => void;
}

/** Every version, newest first: who wrote it, who decided, why it was sent back. */
export function VersionHistory({ article, canReview, onReview }: Props) {
  const t = useT();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <List<Version>
      size="small"
      dataSource={article.versions}
      data-testid="kb-versions"
      renderItem={(v) => (
        <List.Item data-testid="kb-version" data-version={v.version} data-status={v.status}>
          <div className="kefu-kb-version">
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>v{v.version}</Typography.Text>
              <Tag color={COLOR[v.status]}>{t(`kb.version.${v.status}`)}</Tag>
              <Typography.Text type="secondary">{t('kb.version.by', { name: v.editorName, at: formatDateTime(v.createdAt) })}</Typography.Text>
            </Space>
            {v.title !== article.title ? <div className="kefu-kb-version-title">{v.title}</div> : null}
            {v.reviewerName ? (
              <Typography.Text type="secondary" className="kefu-kb-version-review">
                {t('kb.version.decided', { name: v.reviewerName, at: formatDateTime(v.decidedAt) })}
                {v.reviewNote ? `:${v.reviewNote}` : ''}
              </Typography.Text>
            ) : null}
            {open === v.version ? <div className="kefu-kb-body kefu-kb-version-body">{v.body}</div> : null}
            <Space wrap size={4} style={{ marginTop: 4 }}>
              <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(open === v.version ? null : v.version)} data-testid="kb-version-toggle">
                {open === v.version ? t('kb.version.hide') : t('kb.version.show')}
              </Button>
              {canReview && v.status === 'in_review' ? (
                <>
                  <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => onReview(v.version, true)} data-testid="kb-approve">
                    {t('kb.review.approve')}
                  </Button>
                  <Button size="small" danger icon={<RollbackOutlined />} onClick={() => onReview(v.version, false)} data-testid="kb-reject">
                    {t('kb.review.reject')}
                  </Button>
                </>
              ) : null}
            </Space>
          </div>
        </List.Item>
      )}
    />
  );
}
