import { Card, Tabs } from 'antd';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { CategoryPanel } from './category-panel.tsx';
import { SynonymPanel } from './synonym-panel.tsx';

/** 知识分类与同义词 (kb:publish): how the knowledge base is arranged and what its search treats as the same word. */
export function KnowledgeSettingsPage() {
  const t = useT();
  return (
    <div data-testid="kb-settings">
      <PageTitle title={t('menu.kbSettings')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'categories', label: t('kbSettings.categories'), children: <CategoryPanel /> },
            { key: 'synonyms', label: <span data-testid="kb-tab-synonyms">{t('kbSettings.synonyms')}</span>, children: <SynonymPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
