import { useState } from 'react';
import { Card, Space, Spin, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ArticleDrawer } from '../../components/kb/article-drawer.tsx';
import { useKbSuggestions } from '../../components/kb/use-kb-suggestions.ts';

/** While the operator types: the knowledge articles that fit the call (asked once the typing pauses). */
export function KbPanel({ text }: { text: string }) {
  const t = useT();
  const { items, loading } = useKbSuggestions(text, { delayMs: 600, limit: 5 });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card
      size="small"
      title={
        <Space>
          <BulbOutlined />
          {t('kb.suggest.title')}
          {loading ? <Spin size="small" /> : null}
        </Space>
      }
      data-testid="workbench-kb"
    >
      {!items.length ? (
        <Typography.Text type="secondary">{text.trim() ? t('kb.suggest.none') : t('kb.suggest.hint')}</Typography.Text>
      ) : (
        <div className="kefu-kb-panel-items">
          {items.map((a) => (
            <button type="button" key={a.id} className="kefu-kb-panel-item" onClick={() => setOpen(a.id)} data-testid="kb-suggestion" data-article-id={a.id}>
              <span className="kefu-kb-panel-title">{a.title}</span>
              <span className="kefu-kb-panel-excerpt">{a.excerpt}</span>
            </button>
          ))}
        </div>
      )}
      <ArticleDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
