import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ClassChange, ClassRules } from '@kefu/shared/customer-classes-api';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** Sets a customer's class by hand, with a reason and an optional last day (CUS-05..08). */
export function TierOverrideModal({ open, customerId, rules, current, onClose, onSaved }: {
  open: boolean; customerId: string; rules: ClassRules | null; current: string | null; onClose: () => void; onSaved: (history: ClassChange[]) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ classKey: string; reason: string; until?: Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => { if (open) form.setFieldsValue({ classKey: current ?? undefined, reason: '', until: null }); }, [open, current, form]);
  const options = rules ? [...rules.classes, rules.fallback].map((c) => ({ value: c.key, label: `${c.name} (${c.key})` })) : [];

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const res = await api.put<{ items: ClassChange[] }>(`/customers/${customerId}/class`, {
        classKey: v.classKey, reason: v.reason.trim(), until: v.until ? v.until.format('YYYY-MM-DD') : null,
      });
      void message.success(t('cc.overrideSaved'));
      onSaved(res.items);
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('cc.override')} onCancel={onClose} onOk={save} confirmLoading={saving} okText={t('common.save')} okButtonProps={{ 'data-testid': 'tier-override-save' } as Record<string, string>} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="tier-override-form">
        <Form.Item name="classKey" label={t('cc.tier')} rules={[{ required: true }]}>
          <Select options={options} data-testid="tier-override-class" />
        </Form.Item>
        <Form.Item name="reason" label={t('cc.overrideReason')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="tier-override-reason" />
        </Form.Item>
        <Form.Item name="until" label={t('cc.overrideUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
