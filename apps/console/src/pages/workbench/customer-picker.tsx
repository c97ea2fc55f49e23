import { useEffect, useState, type Ref } from 'react';
import { Alert, Button, Card, Empty, Input, Space, Spin, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { PickedCustomer } from './workbench-draft.ts';
import { toPicked } from './use-workbench.ts';
import { RecentHistory } from './recent-history.tsx';
import { isSearchable } from './customer-lookup.ts';
import { isPhoneSearch } from '@kefu/shared/phone';
import { useAccess } from '../../session/session-provider.tsx';

interface Props {
  query: string;
  onQueryChange: (q: string) => void;
  customer: PickedCustomer | null;
  onPick: (c: PickedCustomer) => void;
  onClear: () => void;
  onNewCustomer: () => void;
  searchRef: Ref<InputRef>;
  newCustomerOpen: boolean;
}

/** Finds the caller by number, name or address fragment; arrows + Enter pick. */
export function CustomerPicker(props: Props) {
  const { query, onQueryChange, customer, onPick, onClear, onNewCustomer, searchRef, newCustomerOpen } = props;
  const t = useT();
  const q = useDebounced(query.trim(), 250);
  const access = useAccess();
  // a role that sees phones masked may not search by them: the server refuses, the hint says why
  const phoneRefused = !access.customerPii && isPhoneSearch(q);
  const searchable = isSearchable(q) && !phoneRefused;
  const [results, setResults] = useState<Customer[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (customer || !searchable) {
      setResults([]);
      setLoading(false);
      return;
    }
    let stale = false;
    setLoading(true);
    api
      .get<Page<Customer>>('/customers', { q, limit: 10 })
      .then((res) => {
        if (stale) return;
        setResults(res.items);
        setActive(0);
      })
      .catch(() => !stale && setResults([]))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [q, searchable, customer]);

  if (customer) return <PickedCustomerCard customer={customer} onClear={onClear} />;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!results.length) return;
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) onPick(toPicked(results[active]));
    else return;
    e.preventDefault();
  };

  return (
    <Card
      size="small"
      title={<Space><UserOutlined />{t('workbench.customer')}</Space>}
      extra={
        !newCustomerOpen && (
          <Button size="small" icon={<UserAddOutlined />} onClick={onNewCustomer} data-testid="new-customer">
            {t('workbench.newCustomer')}
            <span className="kefu-kbd">Alt+C</span>
          </Button>
        )
      }
    >
      <Input
        ref={searchRef}
        prefix={<SearchOutlined />}
        placeholder={t(access.customerPii ? 'workbench.searchPlaceholder' : 'customer.searchByName')}
        value={query}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={onKeyDown}
        allowClear
        data-testid="customer-search"
      />
      {phoneRefused ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('customer.phoneSearchUnavailable')} data-testid="phone-search-hint" /> : null}
      <div data-testid="customer-results" style={{ marginTop: 8, minHeight: 24 }}>
        {loading ? <Spin size="small" /> : null}
        {!loading && searchable && !results.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noMatch')} style={{ margin: '4px 0' }} />
        ) : null}
        {results.map((c, i) => (
          <div
            key={c.id}
            className={`kefu-result-item${i === active ? ' active' : ''}`}
            onMouseEnter={() => setActive(i)}
            onClick={() => onPick(toPicked(c))}
            data-testid={`customer-result-${i}`}
          >
            <span>
              <Typography.Text strong>{c.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">{c.phone}</Typography.Text>
              {c.duplicateOf.length ? <Tag color="warning" style={{ marginLeft: 6 }}>{t('customer.duplicate')}</Tag> : null}
            </span>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 160 }}>
              {c.address}
            </Typography.Text>
          </div>
        ))}
      </div>
    </Card>
  );
}

function PickedCustomerCard({ customer, onClear }: { customer: PickedCustomer; onClear: () => void }) {
  const t = useT();
  return (
    <Card
      size="small"
      title={<Space><UserOutlined />{t('workbench.customer')}</Space>}
      extra={<Button size="small" onClick={onClear} data-testid="change-customer">{t('workbench.changeCustomer')}</Button>}
      data-testid="picked-customer"
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Link to={`/customers/${customer.id}`} target="_blank">
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="picked-customer-name">{customer.name}</Typography.Text>
          </Link>
          <Typography.Text>{customer.phone}</Typography.Text>
          {customer.masked ? <Tag>{t('customer.masked')}</Tag> : null}
        </Space>
        {customer.address ? <Typography.Text type="secondary">{customer.address}</Typography.Text> : null}
        {customer.duplicateOf.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 6 }}
            data-testid="duplicate-warning"
            title={t('customer.duplicateWarning')}
            description={customer.duplicateOf.map((id, i) => (
              <Link key={id} to={`/customers/${id}`} target="_blank" style={{ marginRight: 8 }}>
                {t('customer.duplicateLink', { n: i + 1 })}
              </Link>
            ))}
          />
        ) : null}
      </Space>
      <RecentHistory customerId={customer.id} />
    </Card>
  );
}
