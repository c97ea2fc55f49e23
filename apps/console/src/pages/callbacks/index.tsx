import { useMemo } from 'react';
import { Button, Card, Empty, Segmented, Space, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import type { CallbackListItem } from './callback-types.ts';
import { callbackColumns, callbackTableWidth } from './callback-columns.tsx';
import { DUE_RANGES, type DueRange } from './callback-urgency.ts';
import { callbackQuery, STATUS_FILTERS, useCallbackFilters, type CallbackView, type StatusFilter } from './use-callback-filters.ts';

const PAGE_SIZE = 20;

/**
 * The agent's callbacks (回访) by deadline, overdue first (the server orders by
 * due time). Managers can also look at their team's and everyone's.
 */
export function MyCallbacksPage() {
  const t = useT();
  const access = useAccess();
  const me = useMe();
  const navigate = useNavigate();
  const [urlFilters, setFilters] = useCallbackFilters();
  // the team and all views need callback:manage; the team view needs a team
  const views: CallbackView[] = access.callbackManage ? (me.teamId ? ['mine', 'team', 'all'] : ['mine', 'all']) : ['mine'];
  const filters = views.includes(urlFilters.view) ? urlFilters : { ...urlFilters, view: 'mine' as const };
  const query = callbackQuery(filters, Date.now());
  const key = JSON.stringify(query);
  const pages = useCursorPages<CallbackListItem>(key, (cursor) =>
    api.get<Page<CallbackListItem>>('/callbacks', { ...query, limit: PAGE_SIZE, cursor }),
  );
  const columns = useMemo(
    () => callbackColumns(t, { showAssignee: filters.view !== 'mine', onOpen: (id) => navigate(`/callbacks/${id}`) }),
    [t, filters.view, navigate],
  );

  return (
    <div data-testid="my-callbacks">
      <PageTitle
        title={t('menu.myCallbacks')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void pages.reload()}>{t('common.refresh')}</Button>}
      />
      <Card size="small">
        {views.length > 1 ? (
          <Tabs
            activeKey={filters.view}
            onChange={(view) => setFilters({ view: view as CallbackView })}
            items={views.map((v) => ({ key: v, label: <span data-testid={`callback-view-${v}`}>{t(`callback.view.${v}`)}</span> }))}
          />
        ) : null}
        <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
          <Space size={6}>
            <Typography.Text type="secondary">{t('callback.filter.status')}</Typography.Text>
            <Segmented<StatusFilter>
              value={filters.status}
              onChange={(status) => setFilters({ status })}
              options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`callback.filter.status.${s}`) }))}
              data-testid="callback-status-filter"
            />
          </Space>
          <Space size={6}>
            <Typography.Text type="secondary">{t('callback.filter.due')}</Typography.Text>
            <Segmented<DueRange>
              value={filters.due}
              onChange={(due) => setFilters({ due })}
              options={DUE_RANGES.map((d) => ({ value: d, label: t(`callback.filter.due.${d}`) }))}
              data-testid="callback-due-filter"
            />
          </Space>
        </Space>
        <ResponsiveTable<CallbackListItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={pages.items}
          loading={pages.loading}
          pagination={false}
          scroll={{ x: callbackTableWidth(columns) }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filters.status === 'open' ? t('callback.emptyOpen') : t('callback.empty')}
              />
            ),
          }}
          data-testid="callback-table"
        />
        <CursorPager
          pageNumber={pages.pageNumber}
          hasPrev={pages.hasPrev}
          hasNext={pages.hasNext}
          onPrev={pages.prev}
          onNext={pages.next}
        />
      </Card>
    </div>
  );
}
