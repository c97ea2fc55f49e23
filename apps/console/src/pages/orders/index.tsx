import { useState } from 'react';
import { Button, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { ORDER_STAGES, type Order, type Shop } from '@kefu/shared/orders-api';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { STAGE_COLOR } from './order-words.ts';
import { NewOrderModal } from './new-order-modal.tsx';
import { ShopsButton } from './shops-drawer.tsx';

/** 订单: shop orders, found by order number or buyer, by shop and stage. */
export function OrderListPage() {
  const t = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const [shopId, setShopId] = useState<string | undefined>();
  const [stage, setStage] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const shops = useRequest(() => api.get<{ items: Shop[] }>('/shops').then((r) => r.items), []);
  // an order number has digits; a buyer ID usually letters too: try the order number first, then the buyer
  const pages = useCursorPages<Order>(`${shopId}|${stage}|${q}`, async (cursor) => {
    const base = { shopId, stage, limit: 20, cursor };
    if (!q) return api.get<Page<Order>>('/orders', base);
    const byNo = await api.get<Page<Order>>('/orders', { ...base, platformOrderNo: q });
    return byNo.items.length || cursor ? byNo : api.get<Page<Order>>('/orders', { ...base, buyerId: q });
  });

  const columns: TableColumnsType<Order> = [
    { title: t('order.no'), dataIndex: 'platformOrderNo', render: (v: string, o) => <Link to={`/orders/${o.id}`}>{v}</Link> },
    { title: t('order.shop'), dataIndex: 'shopName', width: 130 },
    { title: t('order.buyer'), dataIndex: 'buyerId', width: 120 },
    { title: t('order.customer'), dataIndex: 'customerName', width: 100, render: (v: string, o) => <Link to={`/customers/${o.customerId}`}>{v}</Link> },
    { title: t('order.amount'), dataIndex: 'amount', width: 100, render: (v: number) => `¥${v.toLocaleString('zh-CN')}` },
    { title: t('order.stage'), dataIndex: 'stage', width: 90, render: (v: Order['stage']) => <Tag color={STAGE_COLOR[v]}>{t(`order.stage.${v}`)}</Tag> },
    { title: t('order.remark'), dataIndex: 'remark', ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('order.noRemark')}</Typography.Text> },
    { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div data-testid="orders">
      <PageTitle title={t('menu.orders')} extra={
        <Space wrap>
          {access.shopManage ? <ShopsButton shops={shops.data ?? []} onChange={() => void shops.reload()} /> : null}
          {access.orderEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!shops.data?.length} data-testid="order-new">{t('order.new')}</Button> : null}
        </Space>
      } />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('order.search')} value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} data-testid="order-search" />
        <Select allowClear placeholder={t('order.shop')} value={shopId} onChange={setShopId} options={(shops.data ?? []).map((s) => ({ value: s.id, label: s.name }))} style={{ width: 160 }} />
        <Select allowClear placeholder={t('order.stage')} value={stage} onChange={setStage} options={ORDER_STAGES.map((s) => ({ value: s, label: t(`order.stage.${s}`) }))} style={{ width: 130 }} />
      </Space>
      <ResponsiveTable<Order> rowKey="id" size="small" pagination={false} loading={pages.loading} columns={columns} dataSource={pages.items}
        locale={{ emptyText: shops.data && !shops.data.length ? t('order.noShops') : t('order.empty') }} data-testid="order-list" />
      <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
      <NewOrderModal open={creating} shops={shops.data ?? []} onClose={() => setCreating(false)} onSaved={(o) => { setCreating(false); navigate(`/orders/${o.id}`); }} />
    </div>
  );
}
