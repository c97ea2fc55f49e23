import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CustomerService, RenewalKind } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useAccess } from '../../session/session-provider.tsx';
import { Countdown, money, StatusTag } from '../renewals/renewal-words.tsx';
import { ServiceActions } from '../renewals/service-actions.tsx';
import { AddServiceModal } from '../renewals/service-dialogs.tsx';

/** 服务与会员: the customer's services with an expiry (hosting, domain, promotion, membership) and their renewals. */
export function CustomerServicesCard({ customerId }: { customerId: string }) {
  const t = useT();
  const access = useAccess();
  const [adding, setAdding] = useState(false);
  const services = useRequest(
    () => (access.renewals ? api.get<Page<CustomerService>>('/customer-services', { customerId, limit: 100 }) : Promise.resolve({ items: [], nextCursor: null })),
    [customerId, access.renewals],
  );
  const kinds = useRequest(() => (access.renewalManage ? api.get<{ items: RenewalKind[] }>('/renewal-kinds').then((r) => r.items) : Promise.resolve([])), [access.renewalManage]);
  if (!access.renewals) return null;
  const items = services.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('renewal.services')}
      style={{ marginTop: 12 }}
      loading={services.loading && !services.data}
      data-testid="customer-services"
      extra={
        <Space size={4}>
          <Link to="/renewals">{t('renewal.openBoard')}</Link>
          {access.renewalManage ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="customer-service-add">{t('renewal.add')}</Button> : null}
        </Space>
      }
    >
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('renewal.servicesEmpty')} /> : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item data-testid="customer-service">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  <Tag>{s.kindName}</Tag>
                  <StatusTag status={s.status} />
                  {s.unowned ? <Tag color="orange">{t('renewal.unowned')}</Tag> : null}
                </Space>
                <Space size={8} wrap>
                  <Typography.Text type="secondary">{t('renewal.expiresAt')} {s.expiresAt}</Typography.Text>
                  <Countdown s={s} />
                  {s.ownerName ? <Typography.Text type="secondary">{t('renewal.owner')}:{s.ownerName}</Typography.Text> : null}
                  <Typography.Text type="secondary">{money(s.price)}</Typography.Text>
                </Space>
                <ServiceActions service={s} onChanged={() => void services.reload()} />
              </Space>
            </List.Item>
          )}
        />
      )}
      <AddServiceModal open={adding} customerId={customerId} kinds={kinds.data ?? []} onClose={() => setAdding(false)} onDone={() => { setAdding(false); void services.reload(); }} />
    </Card>
  );
}
