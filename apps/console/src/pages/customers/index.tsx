import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { isPhoneSearch } from '@kefu/shared/phone';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { CustomerFormModal } from './customer-form-modal.tsx';
import { ImportDrawer } from './import-drawer.tsx';
import { downloadXlsx } from '../../api/download-xlsx.ts';
import type { ClassRules } from '@kefu/shared/customer-classes-api';
import { useRequest } from '../../hooks/use-request.ts';
import { className, classColor } from '../../components/customer-class/class-words.ts';

export function CustomerListPage() {
  const t = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tier = params.get('tier') ?? '';
  const rules = useRequest(() => api.get<ClassRules>('/customer-classes'), []);
  const tierOptions = rules.data ? [...rules.data.classes, rules.data.fallback].map((c) => ({ value: c.key, label: `${c.name} (${c.key})` })) : [];
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  // a role that sees phones masked may not search by them (the server refuses): say why instead of asking
  const phoneRefused = !access.customerPii && isPhoneSearch(q);
  // the workbook holds what the list shows: the same filter
  const exportList = async () => {
    setExporting(true);
    try {
      await downloadXlsx('/customers/export.xlsx', { q: q || undefined, tier: tier || undefined }, 'customers.xlsx');
      void message.success(t('ci.exported'));
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const pages = useCursorPages<Customer>(`${q}|${tier}`, (cursor) =>
    phoneRefused ? Promise.resolve({ items: [], nextCursor: null }) : api.get<Page<Customer>>('/customers', { q, tier: tier || undefined, limit: 20, cursor }));

  const columns = useMemo<TableColumnsType<Customer>>(
    () => [
      {
        title: t('customer.name'),
        dataIndex: 'name',
        render: (name: string, c) => (
          <span>
            <Link to={`/customers/${c.id}`}>{name}</Link>
            {c.duplicateOf.length ? <Tag color="warning" style={{ marginLeft: 6 }}>{t('customer.duplicate')}</Tag> : null}
          </span>
        ),
      },
      { title: t('customer.phone'), dataIndex: 'phone', width: 150 },
      { title: t('customer.address'), dataIndex: 'address', ellipsis: true },
      {
        title: t('cc.tier'),
        dataIndex: 'tier',
        width: 110,
        render: (k: string | null, c) => (k ? <Tag color={classColor(rules.data, k)}>{className(rules.data, k, '')}{c.tierOverride ? ' *' : ''}</Tag> : null),
      },
      { title: t('customer.class'), dataIndex: 'customerClass', width: 80 },
      { title: t('ca.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
      { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    ],
    [t, rules.data],
  );

  return (
    <div>
      <PageTitle
        title={t('menu.customers')}
        extra={
          <Space wrap>
            {access.customerManage ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="customer-import">{t('ci.import')}</Button>
                <Button icon={<DownloadOutlined />} loading={exporting} disabled={phoneRefused} onClick={() => void exportList()} data-testid="customer-export">
                  {t('ci.export')}
                </Button>
              </>
            ) : null}
            {access.customerCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
                {t('customer.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 320, maxWidth: '100%' }}
          placeholder={t(access.customerPii ? 'workbench.searchPlaceholder' : 'customer.searchByName')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParam('q', v.trim())}
          data-testid="customer-list-search"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('cc.allTiers')}
          value={tier || undefined}
          options={tierOptions}
          onChange={(v?: string) => setParam('tier', v ?? '')}
          data-testid="customer-tier-filter"
        />
        </Space>
        {!access.customerPii ? (
          <Alert
            type={phoneRefused ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('customer.phoneSearchUnavailable')}
            data-testid="phone-search-hint"
          />
        ) : null}
        {pages.items.some((c) => c.masked) ? (
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            <Tag>{t('customer.masked')}</Tag>
            {t('customer.maskedHint')}
          </Typography.Text>
        ) : null}
        <ResponsiveTable<Customer>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={pages.items}
          loading={pages.loading}
          pagination={false}
          locale={{ emptyText: <Empty description={t('customer.empty')} /> }}
        />
        <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
      </Card>
      <ImportDrawer open={importing} onClose={() => setImporting(false)} onImported={pages.reload} />
      <CustomerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(`/customers/${c.id}`);
        }}
      />
    </div>
  );
}
