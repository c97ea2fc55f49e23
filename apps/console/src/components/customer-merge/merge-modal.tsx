import { useEffect, useRef, useState } from 'react';
import { Alert, App, Modal, Select, Space, Typography } from 'antd';
import type { CustomerMerge } from '@kefu/shared/customer-archive-api';
import { api } from '../../api/client.ts';
import type { Customer } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** Picks the customer to keep and merges this one (a duplicate) into it. */
export function MergeModal({ open, customer, onClose, onMerged }: {
  open: boolean; customer: Customer; onClose: () => void; onMerged: (m: CustomerMerge) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const seq = useRef(0);
  useEffect(() => { if (open) { setTarget(null); setOptions([]); } }, [open]);

  const search = async (q: string) => {
    const mine = ++seq.current;
    if (q.trim().length < 1) return setOptions([]);
    try {
      const res = await api.get<{ items: Customer[] }>('/customers', { q, limit: 20 }, { silent: true });
      // answers to an older keystroke arrive late: keep the newest
      if (mine !== seq.current) return;
      setOptions(res.items.filter((c) => c.id !== customer.id).map((c) => ({ value: c.id, label: `${c.name} · ${c.phone ?? ''}${c.tier ? ` · ${c.tier}` : ''}` })));
    } catch {
      if (mine === seq.current) setOptions([]);
    }
  };

  const merge = async () => {
    if (!target) return;
    setSaving(true);
    try {
      const m = await api.post<CustomerMerge>(`/customers/${customer.id}/merge`, { intoId: target });
      void message.success(t('ca.merged', { name: m.intoName }));
      onMerged(m);
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('ca.mergeTitle', { name: customer.name })} onCancel={onClose} onOk={merge} confirmLoading={saving}
      okText={t('ca.mergeOk')} okButtonProps={{ disabled: !target, danger: true, ...({ 'data-testid': 'merge-ok' } as object) }} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('ca.mergeTarget')}</Typography.Text>
        <Select showSearch filterOption={false} onSearch={search} options={options} value={target ?? undefined} onChange={setTarget}
          placeholder={t('ca.mergeSearch')} style={{ width: '100%' }} data-testid="merge-target" notFoundContent={null} />
        <Alert type="info" showIcon message={t('ca.mergeExplain')} />
      </Space>
    </Modal>
  );
}
