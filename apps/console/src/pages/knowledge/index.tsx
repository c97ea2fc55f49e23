import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Pagination, Segmented, Select, Space, Typography, type TableColumnsType } from 'antd';
import { LikeOutlined, DislikeOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { KB_KINDS, type KbArticleSummary, type KbListState } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { usePhoneLayout } from '../../hooks/use-media-query.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatListTime } from '../../utils/time.ts';
import { KB_PAGE_SIZE, kbListQuery } from './kb-model.ts';
import { useKbFilters } from './use-kb-filters.ts';
import { CategorySelect } from './category-select.tsx';
import { ArticleStateTags } from './article-state-tags.tsx';

const STATES: KbListState[] = ['published', 'review', 'draft', 'inactive', 'archived'];

/** 知识库: search (jieba words and synonyms), filters and pages; editors also see drafts, the review queue and what is out of use. */
export function KnowledgeListPage() {
  const t = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const phone = usePhoneLayout();
  const [filters, setFilters] = useKbFilters();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const query = kbListQuery(filters, access.kbEdit);
  const key = JSON.stringify(query);
  // main's server caps the count at 1,000 and says so (totalCapped)
  const list = useRequest(() => api.get<{ items: KbArticleSummary[]; total: number; totalCapped?: boolean }>('/kb/articles', query), [key]);
  const filtered = !!(filters.q || filters.categoryId || filters.kind);

  const columns = useMemo<TableColumnsType<KbArticleSummary>>(
    () => [
      {
        title: t('kb.title'),
        key: 'title',
        render: (_, a) => (
          <div className="kefu-kb-list-title">
            <Link to={`/knowledge/${a.id}`} data-testid="kb-article-link">
              {a.title}
            </Link>
            <Typography.Text type="secondary" className="kefu-kb-excerpt">
              {a.excerpt}
            </Typography.Text>
          </div>
        ),
      },
      { title: t('kb.kindLabel'), key: 'kind', width: 90, render: (_, a) => t(`kb.kind.${a.kind}`) },
      { title: t('kb.category'), key: 'category', width: 130, render: (_, a) => a.categoryName ?? '—' },
      { title: t('kb.stateLabel'), key: 'state', width: 150, render: (_, a) => <ArticleStateTags article={a} /> },
      {
        title: t('kb.usefulness'),
        key: 'useful',
        width: 110,
        render: (_, a) => (
          <Space size={10}>
            <span>
              <LikeOutlined /> {a.usefulCount}
            </span>
            <span>
              <DislikeOutlined /> {a.notUsefulCount}
            </span>
          </Space>
        ),
      },
      { title: t('kb.publishedAtLabel'), key: 'publishedAt', width: 120, render: (_, a) => formatListTime(a.publishedAt) || '—' },
    ],
    [t],
  );
  // a phone's stacked rows keep what tells articles apart
  const shown = phone ? columns.filter((c) => c.key !== 'kind' && c.key !== 'publishedAt') : columns;

  const empty = filtered ? t('kb.empty.search') : t(`kb.empty.${access.kbEdit ? filters.state : 'published'}`);
  return (
    <div data-testid="kb-list-page">
      <PageTitle
        title={t('menu.knowledge')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
              {t('common.refresh')}
            </Button>
            {access.kbEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/knowledge/new')} data-testid="kb-new">
                {t('kb.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        {access.kbEdit && !phone ? (
          <div className="kefu-kb-states">
            <Segmented<KbListState>
              value={filters.state}
              onChange={(state) => setFilters({ state, page: 1 })}
              options={STATES.map((s) => ({ value: s, label: <span data-testid={`kb-state-${s}`}>{t(`kb.list.${s}`)}</span> }))}
            />
          </div>
        ) : null}
        <Space wrap size={8} style={{ marginBottom: 12 }}>
          {access.kbEdit && phone ? (
            <Select<KbListState>
              style={{ width: 130 }}
              value={filters.state}
              onChange={(state) => setFilters({ state, page: 1 })}
              options={STATES.map((s) => ({ value: s, label: t(`kb.list.${s}`) }))}
              data-testid="kb-filter-state"
            />
          ) : null}
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('kb.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilters({ q: v.trim() || undefined, page: 1 })}
            data-testid="kb-search"
          />
          <CategorySelect
            style={{ width: 180 }}
            placeholder={t('kb.category')}
            value={filters.categoryId}
            onChange={(categoryId) => setFilters({ categoryId: categoryId ?? undefined, page: 1 })}
            testId="kb-filter-category"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('kb.kindLabel')}
            value={filters.kind}
            onChange={(kind) => setFilters({ kind, page: 1 })}
            options={KB_KINDS.map((k) => ({ value: k, label: t(`kb.kind.${k}`) }))}
            data-testid="kb-filter-kind"
          />
        </Space>
        <ResponsiveTable<KbArticleSummary>
          size="small"
          rowKey="id"
          columns={shown}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={false}
          locale={{ emptyText: <Empty description={empty} data-testid="kb-empty" /> }}
          data-testid="kb-table"
        />
        {(list.data?.total ?? 0) > KB_PAGE_SIZE ? (
          <Pagination
            className="kefu-kb-pager"
            size="small"
            current={filters.page}
            pageSize={KB_PAGE_SIZE}
            total={list.data?.total ?? 0}
            showSizeChanger={false}
            showTotal={(total) => t('kb.total', { n: list.data?.totalCapped ? `${total}+` : total })}
            onChange={(page) => setFilters({ page })}
          />
        ) : null}
      </Card>
    </div>
  );
}
