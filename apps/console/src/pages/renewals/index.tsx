import { useCallback } from 'react';
import { Button, Card, Tabs } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { RenewalKind } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useRequest } from '../../hooks/use-request.ts';
import { useUrlFilters } from '../../hooks/use-url-filters.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { dayjs } from '../../utils/time.ts';
import { ExpiringTab, type ExpiringFilters } from './expiring-tab.tsx';
import { MonthEndTab } from './month-end-tab.tsx';
import { NonRenewalsTab } from './non-renewals-tab.tsx';
import { TransfersTab } from './transfers-tab.tsx';

const TABS = ['expiring', 'month-end', 'non-renewals', 'transfers'] as const;
type Tab = (typeof TABS)[number];
type Filters = ExpiringFilters & { tab: Tab; listMonth?: string };

function parse(p: URLSearchParams): Filters {
  const tab = (TABS as readonly string[]).includes(p.get('tab') ?? '') ? (p.get('tab') as Tab) : 'expiring';
  const month = /^\d{4}-\d{2}$/.test(p.get('month') ?? '') ? p.get('month')! : dayjs().format('YYYY-MM');
  return {
    tab, month, kind: p.get('kind') ?? undefined, owner: p.get('owner') ?? undefined, status: p.get('status') ?? undefined,
    unowned: p.get('unowned') === 'true', listMonth: tab === 'month-end' ? p.get('month') ?? undefined : undefined,
  };
}

function write(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.tab !== 'expiring') p.set('tab', f.tab);
  const month = f.tab === 'month-end' ? f.listMonth : f.month;
  if (month) p.set('month', month);
  if (f.tab === 'expiring') {
    if (f.kind) p.set('kind', f.kind);
    if (f.owner) p.set('owner', f.owner);
    if (f.status) p.set('status', f.status);
    if (f.unowned) p.set('unowned', 'true');
  }
  return p;
}

/**
 * 续费管理 (CUS-09, CUS-10, RPT-19): services about to expire with their
 * countdown, the month-end lists sent to the market director, the customers
 * who did not renew, and transfer requests with their paperwork.
 */
export function RenewalsPage() {
  const t = useT();
  const [filters, update] = useUrlFilters(useCallback(parse, []), useCallback(write, []));
  const kinds = useRequest(() => api.get<{ items: RenewalKind[] }>('/renewal-kinds').then((r) => r.items), []);
  return (
    <div data-testid="renewals-page">
      <PageTitle title={t('menu.renewals')} extra={<Button icon={<ReloadOutlined />} onClick={() => window.location.reload()}>{t('common.refresh')}</Button>} />
      <Card size="small">
        <Tabs
          activeKey={filters.tab}
          onChange={(k) => update({ tab: k as Tab, listMonth: undefined })}
          destroyOnHidden
          items={[
            { key: 'expiring', label: t('renewal.tab.expiring'), children: <ExpiringTab filters={filters} onFilters={update} kinds={kinds.data ?? []} /> },
            { key: 'month-end', label: t('renewal.tab.monthEnd'), children: <MonthEndTab month={filters.listMonth} onMonth={(m) => update({ listMonth: m })} /> },
            { key: 'non-renewals', label: t('renewal.tab.nonRenewals'), children: <NonRenewalsTab /> },
            { key: 'transfers', label: t('renewal.tab.transfers'), children: <TransfersTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
