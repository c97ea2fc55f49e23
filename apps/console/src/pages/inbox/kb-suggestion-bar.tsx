import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { BulbOutlined, DownOutlined, EnterOutlined, UpOutlined } from '@ant-design/icons';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ArticleDrawer } from '../../components/kb/article-drawer.tsx';
import { useKbSuggestions } from '../../components/kb/use-kb-suggestions.ts';

interface Props {
  /** the customer's last message */
  text: string;
  /** the article's text into the reply */
  onInsert: (a: KbArticle) => void;
}

/** 知识推荐: the articles that fit the customer's last message, above the composer; open one, or put it in the reply. */
export function KbSuggestionBar({ text, onInsert }: Props) {
  const t = useT();
  const { items } = useKbSuggestions(text, { limit: 3 });
  const [open, setOpen] = useState<string | null>(null);
  const [folded, setFolded] = useState(false);
  if (!items.length) return null;

  const insert = async (id: string) => {
    try {
      onInsert(await api.get<KbArticle>(`/kb/articles/${id}`));
    } catch {
      // reported by the API client
    }
  };

  return (
    <div className="kefu-kb-suggest" data-testid="kb-suggestions">
      <span className="kefu-kb-suggest-label">
        <BulbOutlined /> {t('kb.suggest.title')}
      </span>
      {/* one row, scrolled sideways when the titles need more room */}
      <div className="kefu-kb-suggest-items" hidden={folded}>
        {items.map((a) => (
          <div key={a.id} className="kefu-kb-suggest-item" data-testid="kb-suggestion" data-article-id={a.id}>
            <button type="button" className="kefu-kb-suggest-open" onClick={() => setOpen(a.id)} title={a.excerpt}>
              {a.title}
            </button>
            <Tooltip title={t('kb.insertIntoReply')}>
              <Button type="text" size="small" icon={<EnterOutlined />} onClick={() => void insert(a.id)} aria-label={t('kb.insertIntoReply')} data-testid="kb-suggestion-insert" />
            </Tooltip>
          </div>
        ))}
      </div>
      <Button
        type="text"
        size="small"
        className="kefu-kb-suggest-fold"
        icon={folded ? <DownOutlined /> : <UpOutlined />}
        onClick={() => setFolded(!folded)}
        aria-label={folded ? t('kb.suggest.unfold') : t('kb.suggest.fold')}
        aria-expanded={!folded}
      />
      <ArticleDrawer
        id={open}
        onClose={() => setOpen(null)}
        onInsert={(a) => {
          setOpen(null);
          onInsert(a);
        }}
      />
    </div>
  );
}
