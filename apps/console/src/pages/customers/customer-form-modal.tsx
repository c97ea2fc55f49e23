import { useEffect, useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { parsePhone } from '@kefu/shared/phone';
import { api } from '../../api/client.ts';
import type { Customer } from '../../api/types.ts';
import { customerBody } from '../../api/bodies.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

interface Props {
  open: boolean;
  /** edit this customer; create a new one when absent */
  customer?: Customer;
  onClose: () => void;
  onSaved: (c: Customer) => void;
}

type Values = { name: string; phone: string; address?: string; email?: string; customerClass?: string; note?: string };

export function CustomerFormModal({ open, customer, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // masked values cannot be edited back: leave them out unless retyped
  const masked = !!customer?.masked;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (customer) {
      form.setFieldsValue({
        name: customer.name,
        phone: masked ? '' : customer.phone ?? '',
        address: masked ? '' : customer.address ?? '',
        email: masked ? '' : customer.email ?? '',
        customerClass: customer.customerClass ?? '',
        note: customer.note ?? '',
      });
    }
  }, [open, customer, masked, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = customerBody(v, masked);
    setSaving(true);
    try {
      const saved = customer
        ? await api.patch<Customer>(`/customers/${customer.id}`, body)
        : await api.post<Customer>('/customers', body);
      onSaved(saved);
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={customer ? t('customer.edit') : t('customer.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="name" label={t('customer.name')} rules={[{ required: true, whitespace: true, message: t('customer.nameRequired') }, { max: 64 }]}>
          <Input data-testid="customer-form-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('customer.phone')}
          extra={masked ? t('customer.maskedEditHint') : undefined}
          rules={[
            { required: !masked, message: t('customer.phoneRequired') },
            { min: 3, message: t('customer.phoneRequired') },
            { max: 32 },
            { warningOnly: true, validator: (_, v: string) => (!v || parsePhone(v) ? Promise.resolve() : Promise.reject(new Error(t('customer.phoneLooksWrong')))) },
          ]}
        >
          <Input data-testid="customer-form-phone" />
        </Form.Item>
        <Form.Item name="address" label={t('customer.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('customer.email')} rules={[{ type: 'email', message: t('customer.emailInvalid') }, { max: 200 }]}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="customerClass" label={t('customer.class')} rules={[{ max: 16 }]}>
          <Input placeholder="A / B / C" />
        </Form.Item>
        <Form.Item name="note" label={t('customer.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
