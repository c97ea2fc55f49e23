import { useEffect, useState } from 'react';
import { Button, Drawer, Result, Space, Spin } from 'antd';
import { ExportOutlined, EnterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { api, ApiError } from '../../api/client.ts';
import { usePhoneLayout } from '../../hooks/use-media-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ArticleContent } from './article-content.tsx';

interface Props {
  /** the article to show; null: closed */
  id: string | null;
  onClose: () => void;
  /** offered in the inbox: the article's text into the reply */
  onInsert?: (a: KbArticle) => void;
}

/** A knowledge article beside the work (the inbox, the workbench), without leaving it. */
export function ArticleDrawer({ id, onClose, onInsert }: Props) {
  const t = useT();
  const phone = usePhoneLayout();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [gone, setGone] = useState(false);
  useEffect(() => {
    setArticle(null);
    setGone(false);
    if (!id) return;
    let live = true;
    api.get<KbArticle>(`/kb/articles/${id}`, undefined, { silent: (e) => e.status === 404 }).then(
      (a) => live && setArticle(a),
      (e) => live && e instanceof ApiError && e.status === 404 && setGone(true),
    );
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={phone ? '100%' : 520}
      title={article?.title ?? t('kb.article')}
      destroyOnHidden
      extra={
        article ? (
          <Space>
            <Link to={`/knowledge/${article.id}`} target="_blank" title={t('kb.openInKb')}>
              <ExportOutlined />
            </Link>
          </Space>
        ) : null
      }
      footer={
        article && onInsert ? (
          <Button type="primary" icon={<EnterOutlined />} onClick={() => onInsert(article)} data-testid="kb-insert">
            {t('kb.insertIntoReply')}
          </Button>
        ) : null
      }
      data-testid="kb-drawer"
    >
      {gone ? <Result status="404" subTitle={t('kb.notFound')} /> : article ? <ArticleContent article={article} onChange={setArticle} /> : <Spin />}
    </Drawer>
  );
}
