import { useState } from 'react';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer } from '../../api/types.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { CustomerFormModal } from '../customers/customer-form-modal.tsx';
import { CustomerHistory } from './customer-history.tsx';
import { CustomerSatisfaction } from './customer-satisfaction.tsx';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const access = useAccess();
  const [editing, setEditing] = useState(false);
  const customer = useRequest(() => api.get<Customer>(`/customers/${id}`), [id]);

  if (customer.loading && !customer.data) return <Spin size="large" className="kefu-boot-spin" />;
  const c = customer.data;
  if (!c) return <Result status="404" subTitle={t('customer.notFound')} extra={<Link to="/customers">{t('customer.backToList')}</Link>} />;

  return (
    <div data-testid="customer-detail">
      <Link to="/customers">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>{t('customer.backToList')}</Button>
      </Link>
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
              access.customerUpdate ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
              ) : null
            }
            style={{ marginBottom: 12 }}
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'phone', label: t('customer.phone'), children: c.phone ?? '—' },
                { key: 'address', label: t('customer.address'), children: c.address ?? '—' },
                { key: 'email', label: t('customer.email'), children: c.email ?? '—' },
                { key: 'class', label: t('customer.class'), children: c.customerClass ?? '—' },
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
          <CustomerSatisfaction customerId={c.id} />
        </Col>
        <Col xs={24} lg={14}>
          <CustomerHistory customerId={c.id} />
        </Col>
      </Row>
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
