import { useState } from 'react';
import { App, Button, Input, Modal, Segmented, Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';

type Issue = 'wrong_phone' | 'no_owner' | 'no_address';

/** 资料质量 (CUS-15): wrong phones reported by callbacks or staff, customers with no owner or no address; fix them here. */
export function CustomerDataQualityPage() {
  const t = useT();
  const { message } = App.useApp();
  const [issue, setIssue] = useState<Issue>('wrong_phone');
  const [refresh, setRefresh] = useState(0);
  const [fixing, setFixing] = useState<Customer | null>(null);
  const [phone, setPhone] = useState('');
  const [saving, setSaving] = useState(false);
  const pages = useCursorPages<Customer>(`${issue}|${refresh}`, (cursor) =>
    api.get<Page<Customer>>('/customer-archive/data-quality', { issue, limit: 20, cursor }));

  const savePhone = async () => {
    if (!fixing) return;
    setSaving(true);
    try {
      await api.patch(`/customers/${fixing.id}`, { phone });
      void message.success(t('common.saved'));
      setFixing(null);
      setRefresh((r) => r + 1);
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };
  const checked = async (c: Customer) => {
    try {
      await api.del(`/customers/${c.id}/phone-flag`);
      setRefresh((r) => r + 1);
    } catch {
      // reported by the API client
    }
  };

  const columns: TableColumnsType<Customer> = [
    { title: t('customer.name'), dataIndex: 'name', render: (n: string, c) => <Link to={`/customers/${c.id}`}>{n}</Link> },
    { title: t('customer.phone'), dataIndex: 'phone', width: 140 },
    { title: t('ca.owner'), dataIndex: 'ownerName', width: 110, render: (v: string | null) => v ?? t('ca.noOwner') },
    ...(issue === 'wrong_phone'
      ? [{
          title: t('ca.phoneFlag'), dataIndex: 'phoneFlag',
          render: (f: Customer['phoneFlag']) => (f ? <Typography.Text type="secondary">{formatDateTime(f.at)} · {f.note}</Typography.Text> : null),
        }, {
          title: '', dataIndex: 'id', width: 200,
          render: (_: string, c: Customer) => (
            <Space size={4} wrap>
              <Button size="small" type="primary" data-testid="fix-phone" onClick={() => { setFixing(c); setPhone(''); }}>{t('ca.fixPhone')}</Button>
              <Button size="small" onClick={() => checked(c)}>{t('ca.phoneChecked')}</Button>
            </Space>
          ),
        }]
      : [{ title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) }]),
  ];

  return (
    <div data-testid="customer-data-quality">
      <PageTitle title={t('menu.customerDataQuality')} />
      <Segmented value={issue} onChange={(v) => setIssue(v as Issue)} style={{ marginBottom: 12 }}
        options={(['wrong_phone', 'no_owner', 'no_address'] as const).map((k) => ({ value: k, label: t(`ca.issue.${k}`) }))} />
      <ResponsiveTable<Customer> rowKey="id" size="small" pagination={false} loading={pages.loading} columns={columns} dataSource={pages.items}
        locale={{ emptyText: t('ca.noIssues') }} data-testid="quality-list" />
      <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
      <Modal open={!!fixing} title={t('ca.fixPhoneTitle', { name: fixing?.name ?? '' })} onCancel={() => setFixing(null)} onOk={savePhone}
        confirmLoading={saving} okButtonProps={{ disabled: phone.trim().length < 3 }} destroyOnHidden>
        <Input value={phone} onChange={(e) => setPhone(e.target.value)} placeholder={t('customer.phone')} data-testid="fix-phone-input" />
      </Modal>
    </div>
  );
}
