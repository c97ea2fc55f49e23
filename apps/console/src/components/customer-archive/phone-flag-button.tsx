import { useState } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** Reports the customer's phone as wrong (CUS-15): it goes on the data-quality board. */
export function PhoneFlagButton({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.post(`/customers/${customerId}/phone-flag`, { note: note.trim() });
      void message.success(t('common.saved'));
      setOpen(false);
      onDone();
    } catch {
      // reported by the API client
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button size="small" type="link" icon={<WarningOutlined />} onClick={() => { setNote(''); setOpen(true); }} data-testid="phone-flag">{t('ca.flagPhone')}</Button>
      <Modal open={open} title={t('ca.flagPhone')} onCancel={() => setOpen(false)} onOk={save} confirmLoading={saving}
        okButtonProps={{ disabled: !note.trim() }} destroyOnHidden>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t('ca.flagPhoneNote')} autoSize={{ minRows: 2 }} />
      </Modal>
    </>
  );
}
