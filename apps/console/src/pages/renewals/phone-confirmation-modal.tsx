import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { PHONE_OUTCOMES, type TransferRequest } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { dayjs } from '../../utils/time.ts';

/** The CS call that confirms a transfer with the customer: number, time, outcome, note (the caller is whoever records it). */
export function PhoneConfirmationModal({ request, onClose, onDone }: { request: TransferRequest | null; onClose: () => void; onDone: (r: TransferRequest) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string; calledAt: Dayjs; outcome: string; note?: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (request) form.setFieldsValue({ phone: request.phoneConfirmation?.phone ?? '', calledAt: dayjs(), outcome: 'confirmed', note: '' });
  }, [request, form]);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const r = await api.post<TransferRequest>(`/transfer-requests/${request!.id}/phone-confirmation`, {
        phone: v.phone.trim(), calledAt: v.calledAt.toISOString(), outcome: v.outcome, note: v.note?.trim() || null,
      });
      void message.success(t('transfer.phoneSaved'));
      onDone(r);
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={!!request} title={t('transfer.phoneTitle')} onCancel={onClose} onOk={save} confirmLoading={saving} okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'phone-save' } as Record<string, string>} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="phone" label={t('transfer.phoneNumber')} rules={[{ required: true, whitespace: true, min: 3, max: 40 }]}>
          <Input inputMode="tel" data-testid="phone-number" />
        </Form.Item>
        <Form.Item name="calledAt" label={t('transfer.calledAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="outcome" label={t('transfer.outcome')} rules={[{ required: true }]}>
          <Radio.Group options={PHONE_OUTCOMES.map((o) => ({ value: o, label: t(`transfer.outcome.${o}`) }))} data-testid="phone-outcome" />
        </Form.Item>
        <Form.Item name="note" label={t('renewal.note')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
