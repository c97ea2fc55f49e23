import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { parsePhone } from '@kefu/shared/phone';
import { api } from '../../api/client.ts';
import type { Customer, Page } from '../../api/types.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { NewCustomerDraft, PickedCustomer } from './workbench-draft.ts';
import { toPicked, type NewCustomerErrors } from './use-workbench.ts';
import { samePhone } from './customer-lookup.ts';

interface Props {
  value: NewCustomerDraft;
  errors: NewCustomerErrors;
  onChange: (v: NewCustomerDraft) => void;
  onCreate: () => void;
  onCancel: () => void;
  /** use an existing customer (one with the same phone) instead */
  onPick: (c: PickedCustomer) => void;
  creating: boolean;
}

/**
 * Existing customers with the phone typed for the new one, looked up as soon as
 * it is a whole number, so the operator sees a likely duplicate before saving.
 */
function useSamePhone(phone: string): Customer[] {
  const typed = useDebounced(phone.trim(), 300);
  const digits = parsePhone(typed)?.digits ?? null;
  const [found, setFound] = useState<{ digits: string; items: Customer[] } | null>(null);
  useEffect(() => {
    if (!digits) return;
    let stale = false;
    api
      .get<Page<Customer>>('/customers', { q: digits, limit: 10 }, { silent: true })
      .then((res) => !stale && setFound({ digits, items: res.items }))
      .catch(() => !stale && setFound({ digits, items: [] }));
    return () => {
      stale = true;
    };
  }, [digits]);
  // only while the phone field still holds the number that was looked up
  if (!found || found.digits !== parsePhone(phone)?.digits) return [];
  return found.items.filter((c) => samePhone(phone, c.phone, c.masked));
}

/** Inline mini-form: saved now, or created together with the work order. */
export function NewCustomerForm({ value, errors, onChange, onCreate, onCancel, onPick, creating }: Props) {
  const t = useT();
  const matches = useSamePhone(value.phone);
  const phoneLooksWrong = value.phone.trim().length >= 3 && !parsePhone(value.phone);
  const set = (k: keyof NewCustomerDraft) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [k]: e.target.value });
  return (
    <Card size="small" title={<Space><UserAddOutlined />{t('workbench.newCustomer')}</Space>} data-testid="new-customer-form">
      <Form layout="vertical" component={false}>
        <Form.Item label={t('customer.name')} required validateStatus={errors.name ? 'error' : undefined} help={errors.name} style={{ marginBottom: 10 }}>
          <Input value={value.name} onChange={set('name')} autoFocus maxLength={64} data-testid="new-customer-name" />
        </Form.Item>
        <Form.Item
          label={t('customer.phone')}
          required
          validateStatus={errors.phone ? 'error' : phoneLooksWrong ? 'warning' : undefined}
          help={errors.phone ?? (phoneLooksWrong ? t('customer.phoneLooksWrong') : undefined)}
          style={{ marginBottom: 10 }}
        >
          <Input value={value.phone} onChange={set('phone')} maxLength={32} data-testid="new-customer-phone" />
        </Form.Item>
        <Form.Item label={t('customer.address')} style={{ marginBottom: 10 }}>
          <Input value={value.address} onChange={set('address')} maxLength={200} data-testid="new-customer-address" />
        </Form.Item>
      </Form>
      {matches.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 10 }}
          data-testid="new-customer-duplicate-warning"
          title={t('customer.duplicateWarning')}
          description={
            <Space orientation="vertical" size={2}>
              {matches.map((c) => (
                <Space key={c.id} size={8} wrap>
                  <Link to={`/customers/${c.id}`} target="_blank">
                    {c.name} {c.phone}
                  </Link>
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onPick(toPicked(c))}>
                    {t('workbench.useThisCustomer')}
                  </Button>
                </Space>
              ))}
            </Space>
          }
        />
      ) : null}
      <Space>
        <Button type="primary" ghost onClick={onCreate} loading={creating} data-testid="new-customer-save">
          {t('workbench.createCustomerNow')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t(matches.length ? 'workbench.samePhoneHint' : 'workbench.newCustomerHint')}
      </Typography.Paragraph>
    </Card>
  );
}
