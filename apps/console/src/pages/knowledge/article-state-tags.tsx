import { Space, Tag } from 'antd';
import type { KbArticleSummary } from '@kefu/shared/knowledge-api';
import { useT } from '../../i18n/i18n-provider.tsx';
import { articleState, dayOf, type ArticleState } from './kb-model.ts';

const COLOR: Record<ArticleState, string> = {
  published: 'green', inactive: 'default', draft: 'default', in_review: 'gold', rejected: 'red', archived: 'default',
};

/** What readers get of an article, and a newer version on its way (编辑中 / 待审核 / 已退回). */
export function ArticleStateTags({ article }: { article: KbArticleSummary }) {
  const t = useT();
  const s = articleState(article, dayOf(new Date()));
  return (
    <Space size={4} wrap data-testid="kb-state">
      <Tag color={COLOR[s.main]} data-state={s.main}>
        {t(`kb.state.${s.main}`)}
      </Tag>
      {s.pending ? (
        <Tag color={COLOR[s.pending]} bordered={false} data-pending={s.pending}>
          {t(`kb.pending.${s.pending}`)}
        </Tag>
      ) : null}
    </Space>
  );
}
