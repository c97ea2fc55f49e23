import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Input, Result, Row, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ORDER_STAGES, type OrderDetail } from '@kefu/shared/orders-api';
import { ApiError, api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import dayjs from 'dayjs';
import { RED_FLAG_KINDS, redFlagRemark } from '@kefu/shared/order-remarks';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { STAGE_COLOR } from '../orders/order-words.ts';

/** One order: its facts and stage, the remark with every earlier version (ORD-08), and how its stage moved. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const access = useAccess();
  const me = useMe();
  const { message } = App.useApp();
  const order = useRequest(() => api.get<OrderDetail>(`/orders/${id}`), [id]);
  const [remark, setRemark] = useState('');
  const [busy, setBusy] = useState(false);
  // the check's findings (ORD-05): shown with a "save anyway" once the agent has looked
  const [issues, setIssues] = useState<string[]>([]);
  const run = async (work: () => Promise<OrderDetail>) => {
    setBusy(true);
    try {
      order.setData(await work());
      void message.success(t('common.saved'));
      return true;
    } catch {
      return false; // reported by the API client
    } finally {
      setBusy(false);
    }
  };

  const saveRemark = async (confirm: boolean) => {
    const id0 = order.data?.id;
    if (!id0) return;
    setBusy(true);
    try {
      order.setData(await api.post<OrderDetail>(`/orders/${id0}/remarks`, { text: remark.trim(), confirm }, { silent: (e) => e.code === 'REMARK_CHECK' }));
      setRemark('');
      setIssues([]);
      void message.success(t('common.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REMARK_CHECK') setIssues((e.details ?? []).map((d) => d.message));
    } finally {
      setBusy(false);
    }
  };

  if (order.loading && !order.data) return <Spin size="large" className="kefu-boot-spin" />;
  const o = order.data;
  if (!o) return <Result status="404" subTitle={t('order.notFound')} extra={<Link to="/orders">{t('order.back')}</Link>} />;

  return (
    <div data-testid="order-detail">
      <Link to="/orders"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>{t('order.back')}</Button></Link>
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ marginBottom: 12 }} title={<Space wrap><span>{o.platformOrderNo}</span><Tag color={STAGE_COLOR[o.stage]} data-testid="order-stage">{t(`order.stage.${o.stage}`)}</Tag></Space>}
            extra={access.orderEdit ? (
              <Select size="small" value={o.stage} style={{ width: 120 }} disabled={busy} data-testid="order-stage-select"
                options={ORDER_STAGES.map((s) => ({ value: s, label: t(`order.stage.${s}`) }))}
                onChange={(stage) => void run(() => api.patch<OrderDetail>(`/orders/${o.id}`, { stage }))} />
            ) : null}>
            <Descriptions size="small" column={1} items={[
              { key: 'shop', label: t('order.shop'), children: o.shopName },
              { key: 'buyer', label: t('order.buyer'), children: o.buyerId },
              { key: 'customer', label: t('order.customer'), children: <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link> },
              { key: 'amount', label: t('order.amount'), children: `¥${o.amount.toLocaleString('zh-CN')}` },
              { key: 'paidAt', label: t('order.paidAt'), children: o.paidAt ? formatDateTime(o.paidAt) : '—' },
              { key: 'courier', label: t('order.courier'), children: [o.courier, o.trackingNo].filter(Boolean).join(' · ') || '—' },
              { key: 'dates', label: t('order.dates'), children: `${o.shipBy ?? '—'} / ${o.arriveBy ?? '—'}` },
            ]} />
          </Card>
          <Card size="small" title={t('order.items')} style={{ marginBottom: 12 }}>
            <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={o.items} scroll={{ x: true }} columns={[
              { title: t('order.product'), dataIndex: 'product' },
              { title: t('order.spec'), dataIndex: 'spec', render: (v: string | null, r) => [v, ...Object.entries(r.attributes ?? {}).map(([k, x]) => `${k}: ${x}`)].filter(Boolean).join(' · ') || '—' },
              { title: t('order.quantity'), dataIndex: 'quantity', width: 60 },
              { title: t('order.price'), dataIndex: 'price', width: 90 },
            ]} />
          </Card>
          <Card size="small" title={t('order.stages')}>
            <Timeline items={o.stages.map((s) => ({ children: `${formatDateTime(s.at)} · ${s.from ? `${t(`order.stage.${s.from as OrderDetail['stage']}`)} → ` : ''}${t(`order.stage.${s.to as OrderDetail['stage']}`)} · ${s.actorName ?? '—'}` }))} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('order.remarks')} data-testid="order-remarks">
            {access.orderEdit ? (
              <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{t('order.redFlag')}</Typography.Text>
                  {RED_FLAG_KINDS.map((k) => (
                    <Button key={k} size="small" data-testid={`red-flag-${k}`}
                      onClick={() => { setRemark(redFlagRemark(k, '…', dayjs().format('YYYY-MM-DD'), me.displayName)); setIssues([]); }}>
                      {t(`order.redFlag.${k}`)}
                    </Button>
                  ))}
                </Space>
                <Input.TextArea value={remark} onChange={(e) => { setRemark(e.target.value); setIssues([]); }} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000}
                  placeholder={t('order.remarkHint')} data-testid="order-remark-input" />
                {issues.length ? (
                  <Alert type="error" showIcon message={t('order.remarkIssues')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{issues.map((m) => <li key={m}>{m}</li>)}</ul>}
                    data-testid="order-remark-issues" />
                ) : null}
                <Space wrap>
                  <Button type="primary" disabled={!remark.trim()} loading={busy} data-testid="order-remark-save" onClick={() => void saveRemark(false)}>
                    {o.remarks.length ? t('order.remarkChange') : t('order.remarkAdd')}
                  </Button>
                  {issues.length ? <Button danger onClick={() => void saveRemark(true)} data-testid="order-remark-confirm">{t('order.remarkConfirm')}</Button> : null}
                </Space>
              </Space>
            ) : null}
            {o.remarks.length ? (
              <Timeline items={o.remarks.map((r, i) => ({
                color: i === 0 ? 'blue' : 'gray',
                children: (
                  <div>
                    <Typography.Text delete={i > 0} type={i > 0 ? 'secondary' : undefined}>{r.text}</Typography.Text>
                    <div><Typography.Text type="secondary">v{r.version} · {formatDateTime(r.at)} · {r.agentName ?? '—'}</Typography.Text></div>
                  </div>
                ),
              }))} />
            ) : <Typography.Text type="secondary">{t('order.noRemark')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
