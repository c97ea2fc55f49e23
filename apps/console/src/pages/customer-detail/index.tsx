import { useState } from 'react';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CrownOutlined, EditOutlined, EyeInvisibleOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { CustomerFormModal } from '../customers/customer-form-modal.tsx';
import { CustomerHistory } from './customer-history.tsx';
import { CustomerSatisfaction } from './customer-satisfaction.tsx';
import { CustomerServicesCard } from './customer-services-card.tsx';
import type { ClassChange, ClassRules } from '@kefu/shared/customer-classes-api';
import { ClassHistory } from '../../components/customer-class/class-history.tsx';
import { TierOverrideModal } from '../../components/customer-class/tier-override-modal.tsx';
import { className, classColor } from '../../components/customer-class/class-words.ts';
import type { CustomerMerge } from '@kefu/shared/customer-archive-api';
import { MergeModal } from '../../components/customer-merge/merge-modal.tsx';
import { MergedBanner } from '../../components/customer-merge/merged-banner.tsx';
import { MergeHistory } from '../../components/customer-merge/merge-history.tsx';
import { PhoneFlagButton } from '../../components/customer-archive/phone-flag-button.tsx';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const access = useAccess();
  const [editing, setEditing] = useState(false);
  const customer = useRequest(() => api.get<Customer>(`/customers/${id}`), [id]);
  const rules = useRequest(() => api.get<ClassRules>('/customer-classes'), []);
  const history = useRequest(() => api.get<{ items: ClassChange[] }>(`/customers/${id}/class-history`).then((r) => r.items), [id]);
  const [overriding, setOverriding] = useState(false);
  const [merging, setMerging] = useState(false);
  const navigate = useNavigate();
  const merges = useRequest(() => api.get<{ items: CustomerMerge[] }>(`/customers/${id}/merges`).then((r) => r.items), [id]);
  const afterClassChange = (items: ClassChange[]) => {
    history.setData(items);
    setOverriding(false);
    void customer.reload();
  };
  const lift = async () => {
    try {
      afterClassChange((await api.put<{ items: ClassChange[] }>(`/customers/${id}/class`, { classKey: null })).items);
    } catch {
      // reported by the API client
    }
  };

  if (customer.loading && !customer.data) return <Spin size="large" className="kefu-boot-spin" />;
  const c = customer.data;
  if (!c) return <Result status="404" subTitle={t('customer.notFound')} extra={<Link to="/customers">{t('customer.backToList')}</Link>} />;

  return (
    <div data-testid="customer-detail">
      <Link to="/customers">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>{t('customer.backToList')}</Button>
      </Link>
      <MergedBanner customer={c} canUndo={access.customerManage} onUndone={(u) => { customer.setData(u); void merges.reload(); void history.reload(); }} />
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={
              <Space wrap>
                <Typography.Text strong style={{ fontSize: 16 }}>{c.name}</Typography.Text>
                {c.duplicateOf.length ? <Tag color="warning">{t('customer.duplicate')}</Tag> : null}
                {c.masked ? <Tag icon={<EyeInvisibleOutlined />}>{t('customer.masked')}</Tag> : null}
              </Space>
            }
            extra={
              <Space size={4} wrap>
                {access.customerUpdate ? <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
                {access.customerManage && !c.mergedIntoId ? (
                  <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="merge-open">{t('ca.merge')}</Button>
                ) : null}
              </Space>
            }
            style={{ marginBottom: 12 }}
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'phone',
                  label: t('customer.phone'),
                  children: (
                    <Space wrap size={4}>
                      {c.phone ?? '—'}
                      {c.phoneFlag ? <Tag color="error" title={c.phoneFlag.note ?? ''}>{t('ca.phoneFlagged')}</Tag> : null}
                      {access.customerUpdate && !c.phoneFlag ? <PhoneFlagButton customerId={c.id} onDone={() => void customer.reload()} /> : null}
                    </Space>
                  ),
                },
                { key: 'address', label: t('customer.address'), children: c.address ?? '—' },
                { key: 'email', label: t('customer.email'), children: c.email ?? '—' },
                {
                  key: 'tier',
                  label: t('cc.tier'),
                  children: (
                    <Space wrap data-testid="customer-tier">
                      <Tag color={classColor(rules.data, c.tier)}>{className(rules.data, c.tier, t('cc.noTier'))}</Tag>
                      {c.tierOverride ? (
                        <Tag>{t('cc.overridden')}{c.tierOverride.until ? ` · ${c.tierOverride.until}` : ''}</Tag>
                      ) : null}
                      {access.customerManage ? (
                        <>
                          <Button size="small" icon={<CrownOutlined />} onClick={() => setOverriding(true)} data-testid="tier-override">{t('cc.override')}</Button>
                          {c.tierOverride ? <Button size="small" type="link" onClick={lift}>{t('cc.lift')}</Button> : null}
                        </>
                      ) : null}
                    </Space>
                  ),
                },
                { key: 'owner', label: t('ca.owner'), children: <span data-testid="customer-owner">{c.ownerName ?? t('ca.noOwner')}</span> },
                ...(c.firstContactDueAt ? [{ key: 'firstContact', label: t('ca.firstContactDue'), children: formatDateTime(c.firstContactDueAt) }] : []),
                ...(c.lastContactAt ? [{ key: 'lastContact', label: t('ca.lastContact'), children: formatDateTime(c.lastContactAt) }] : []),
                { key: 'class', label: t('customer.class'), children: c.customerClass ?? '—' },
                ...(c.tags.length ? [{ key: 'tags', label: t('cc.tags'), children: <Space wrap>{c.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Space> }] : []),
                ...(c.customerSince ? [{ key: 'since', label: t('cc.customerSince'), children: c.customerSince }] : []),
                { key: 'note', label: t('customer.note'), children: c.note ?? '—' },
                { key: 'createdAt', label: t('ticket.createdAt'), children: formatDateTime(c.createdAt) },
                { key: 'updatedAt', label: t('ticket.updatedAt'), children: formatDateTime(c.updatedAt) },
                ...(c.duplicateOf.length
                  ? [{
                      key: 'dups',
                      label: t('customer.duplicate'),
                      children: (
                        <Space wrap>
                          {c.duplicateOf.map((d, i) => (
                            <Link key={d} to={`/customers/${d}`}>{t('customer.duplicateLink', { n: i + 1 })}</Link>
                          ))}
                        </Space>
                      ),
                    }]
                  : []),
              ]}
            />
          </Card>
          <CustomerServicesCard customerId={c.id} />
          <CustomerSatisfaction customerId={c.id} />
          <MergeHistory items={merges.data ?? []} />
          <ClassHistory items={history.data ?? []} rules={rules.data ?? null} loading={history.loading && !history.data} />
        </Col>
        <Col xs={24} lg={14}>
          <CustomerHistory customerId={c.id} />
        </Col>
      </Row>
      <TierOverrideModal open={overriding} customerId={c.id} rules={rules.data ?? null} current={c.tier} onClose={() => setOverriding(false)} onSaved={afterClassChange} />
      <MergeModal open={merging} customer={c} onClose={() => setMerging(false)} onMerged={(m) => { setMerging(false); navigate(`/customers/${m.intoId}`); }} />
      <CustomerFormModal
        open={editing}
        customer={c}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          customer.setData(saved);
          setEditing(false);
        }}
      />
    </div>
  );
}
