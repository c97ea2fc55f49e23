import { useMemo } from 'react';
import { Button, Card, Empty, Tabs } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { Page, TicketListItem } from '../../api/types.ts';
import { useForms } from '../../api/shared-data.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { TicketFilterBar } from './ticket-filters.tsx';
import { ticketColumns } from './ticket-columns.tsx';
import { ROOMY_MIN_WIDTH, ticketColumnLayout } from './ticket-column-layout.ts';
import { useMediaQuery } from '../../hooks/use-media-query.ts';
import { toQuery, useTicketFilters, type TicketView } from './use-ticket-filters.ts';

const PAGE_SIZE = 20;

export function TicketListPage() {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  const me = useMe();
  const [urlFilters, setFilters] = useTicketFilters();
  // the team queue lists the work orders of the user's own team: none without one
  const hasTeam = !!me.teamId;
  const filters = !hasTeam && urlFilters.view === 'team' ? { ...urlFilters, view: 'mine' as const } : urlFilters;
  const query = toQuery(filters);
  const key = JSON.stringify(query);
  const pages = useCursorPages<TicketListItem>(key, (cursor) =>
    api.get<Page<TicketListItem>>('/tickets', { ...query, limit: PAGE_SIZE, cursor }),
  );
  const roomy = useMediaQuery(`(min-width: ${ROOMY_MIN_WIDTH}px)`);
  const columns = useMemo(() => ticketColumns(t, labels, forms, roomy), [t, labels, forms, roomy]);

  return (
    <div>
      <PageTitle
        title={t('menu.tickets')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void pages.reload()}>{t('common.refresh')}</Button>}
      />
      <Card size="small">
        <Tabs
          activeKey={filters.view}
          onChange={(view) => setFilters({ view: view as TicketView })}
          items={[
            { key: 'mine', label: <span data-testid="view-mine">{t('tickets.view.mine')}</span> },
            ...(hasTeam ? [{ key: 'team', label: <span data-testid="view-team">{t('tickets.view.team')}</span> }] : []),
            { key: 'all', label: <span data-testid="view-all">{t('tickets.view.all')}</span> },
          ]}
        />
        <TicketFilterBar filters={filters} onChange={setFilters} />
        <ResponsiveTable<TicketListItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={pages.items}
          loading={pages.loading}
          pagination={false}
          scroll={{ x: ticketColumnLayout(roomy).minWidth }}
          locale={{ emptyText: <Empty description={t('tickets.empty')} /> }}
          data-testid="ticket-table"
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
