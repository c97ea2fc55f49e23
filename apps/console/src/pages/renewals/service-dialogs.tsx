import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { NON_RENEWAL_REASONS, type CustomerService, type CustomerServiceDetail, type RenewalKind } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { dayjs } from '../../utils/time.ts';

type Done = (s: CustomerServiceDetail) => void;
const testId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

/** Runs a save; errors are shown by the API client, the dialog stays open. */
function useSaving() {
  const [saving, setSaving] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    try {
      await work();
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };
  return [saving, run] as const;
}

/** A renewal: the new expiry (a year on by default) and the amount. */
export function RenewModal({ service, onClose, onDone }: { service: CustomerService | null; onClose: () => void; onDone: Done }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expiresAt: Dayjs; price: number | null; note?: string }>();
  const [saving, run] = useSaving();
  useEffect(() => {
    if (service) form.setFieldsValue({ expiresAt: dayjs(service.expiresAt).add(1, 'year'), price: service.price, note: '' });
  }, [service, form]);
  const save = () => run(async () => {
    const v = await form.validateFields();
    const res = await api.post<CustomerServiceDetail>(`/customer-services/${service!.id}/renew`, {
      expiresAt: v.expiresAt.format('YYYY-MM-DD'), price: v.price ?? null, note: v.note?.trim() || null,
    });
    void message.success(t('renewal.renewed'));
    onDone(res);
  });
  return (
    <Modal open={!!service} title={t('renewal.renewTitle', { name: service?.name })} onCancel={onClose} onOk={save} confirmLoading={saving}
      okText={t('common.save')} okButtonProps={testId('renew-save')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="expiresAt" label={t('renewal.newExpiresAt')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="price" label={t('renewal.price')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="note" label={t('renewal.note')}><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The customer does not renew: category, reason and the salesperson's report back, all required. */
export function NotRenewModal({ service, onClose, onDone }: { service: CustomerService | null; onClose: () => void; onDone: Done }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reasonCategory: string; reason: string; reportBack: string }>();
  const [saving, run] = useSaving();
  useEffect(() => { if (service) form.resetFields(); }, [service, form]);
  const save = () => run(async () => {
    const v = await form.validateFields();
    const res = await api.post<CustomerServiceDetail>(`/customer-services/${service!.id}/not-renewed`, v);
    void message.success(t('renewal.notRenewed'));
    onDone(res);
  });
  return (
    <Modal open={!!service} title={t('renewal.notRenewTitle', { name: service?.name })} onCancel={onClose} onOk={save} confirmLoading={saving}
      okText={t('common.save')} okButtonProps={testId('not-renew-save')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="not-renew-form">
        <Form.Item name="reasonCategory" label={t('renewal.reasonCategory')} rules={[{ required: true }]}>
          <Select data-testid="not-renew-category" options={NON_RENEWAL_REASONS.map((r) => ({ value: r, label: t(`renewal.reason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('renewal.reasonText')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="not-renew-reason" />
        </Form.Item>
        <Form.Item name="reportBack" label={t('renewal.reportBack')} extra={t('renewal.reportBackHint')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="not-renew-report" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A new service for a customer (from the customer's page). */
export function AddServiceModal({ open, customerId, kinds, onClose, onDone }: {
  open: boolean; customerId: string; kinds: RenewalKind[]; onClose: () => void; onDone: Done;
}) {
  const t = useT();
  const { message } = App.useApp();
  const directory = useDirectory();
  const [form] = Form.useForm<{ kind: string; name: string; period: [Dayjs, Dayjs]; ownerId?: string | null; price?: number | null }>();
  const [saving, run] = useSaving();
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: kinds[0]?.key, name: '', period: [dayjs(), dayjs().add(1, 'year').subtract(1, 'day')], ownerId: null, price: null });
  }, [open, kinds, form]);
  const save = () => run(async () => {
    const v = await form.validateFields();
    const res = await api.post<CustomerServiceDetail>('/customer-services', {
      customerId, kind: v.kind, name: v.name.trim(), startsAt: v.period[0].format('YYYY-MM-DD'), expiresAt: v.period[1].format('YYYY-MM-DD'),
      ownerId: v.ownerId ?? null, price: v.price ?? null,
    });
    void message.success(t('renewal.added'));
    onDone(res);
  });
  return (
    <Modal open={open} title={t('renewal.addTitle')} onCancel={onClose} onOk={save} confirmLoading={saving} okText={t('common.save')} okButtonProps={testId('service-save')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('renewal.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k.key, label: k.name }))} data-testid="service-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('renewal.name')} rules={[{ required: true, whitespace: true, max: 120 }]}><Input data-testid="service-name" /></Form.Item>
        <Form.Item name="period" label={t('renewal.period')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="ownerId" label={t('renewal.owner')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('renewal.noOwner')}
            options={(directory?.users ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <Form.Item name="price" label={t('renewal.price')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Opens a transfer request (域名转出); the certificate and the call follow on the transfers tab. */
export function TransferRequestModal({ service, onClose, onDone }: { service: CustomerService | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ receivingParty?: string; note?: string }>();
  const [saving, run] = useSaving();
  useEffect(() => { if (service) form.resetFields(); }, [service, form]);
  const save = () => run(async () => {
    const v = await form.validateFields();
    await api.post(`/customer-services/${service!.id}/transfer-requests`, { receivingParty: v.receivingParty?.trim() || null, note: v.note?.trim() || null });
    void message.success(t('transfer.created'));
    onDone();
  });
  return (
    <Modal open={!!service} title={t('transfer.createTitle', { name: service?.name })} onCancel={onClose} onOk={save} confirmLoading={saving}
      okText={t('common.save')} okButtonProps={testId('transfer-create-save')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="receivingParty" label={t('transfer.receivingParty')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="note" label={t('renewal.note')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
