import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { parsePhone } from '@kefu/shared/phone';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { NewCustomerDraft } from './workbench-draft.ts';
import type { NewCustomerErrors } from './use-workbench.ts';

interface Props {
  value: NewCustomerDraft;
  errors: NewCustomerErrors;
  onChange: (v: NewCustomerDraft) => void;
  onCreate: () => void;
  onCancel: () => void;
  creating: boolean;
}

/** Inline mini-form: saved now, or created together with the work order. */
export function NewCustomerForm({ value, errors, onChange, onCreate, onCancel, creating }: Props) {
  const t = useT();
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
      <Space>
        <Button type="primary" ghost onClick={onCreate} loading={creating} data-testid="new-customer-save">
          {t('workbench.createCustomerNow')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('workbench.newCustomerHint')}
      </Typography.Paragraph>
    </Card>
  );
}
