import { useState } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import type { CustomerService, CustomerServiceDetail } from '@kefu/shared/renewals-api';
import { api } from '../../api/client.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { NotRenewModal, RenewModal, TransferRequestModal } from './service-dialogs.tsx';

/**
 * What can be done to a running service, as the server allows it: its owner
 * or a manager renews or records a non-renewal; managers open a transfer
 * request or cancel it.
 */
export function ServiceActions({ service, onChanged }: { service: CustomerService; onChanged: (s?: CustomerServiceDetail) => void }) {
  const t = useT();
  const me = useMe();
  const access = useAccess();
  const { message } = App.useApp();
  const [renewing, setRenewing] = useState<CustomerService | null>(null);
  const [ending, setEnding] = useState<CustomerService | null>(null);
  const [transferring, setTransferring] = useState<CustomerService | null>(null);
  const live = service.status === 'active' || service.status === 'renewed';
  const mayAct = access.renewalManage || service.ownerId === me.id;
  if (!live || !mayAct) return null;
  const done = (s?: CustomerServiceDetail) => {
    setRenewing(null);
    setEnding(null);
    setTransferring(null);
    onChanged(s);
  };
  const cancel = async () => {
    try {
      const s = await api.patch<CustomerServiceDetail>(`/customer-services/${service.id}`, { status: 'cancelled' });
      void message.success(t('renewal.state.cancelled'));
      done(s);
    } catch {
      // reported by the API client
    }
  };
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setRenewing(service)} data-testid="service-renew">{t('renewal.renew')}</Button>
      <Button type="link" size="small" danger onClick={() => setEnding(service)} data-testid="service-not-renew">{t('renewal.notRenew')}</Button>
      {access.renewalManage && !service.pendingTransferId ? (
        <Button type="link" size="small" onClick={() => setTransferring(service)} data-testid="service-transfer">{t('renewal.requestTransfer')}</Button>
      ) : null}
      {access.renewalManage ? (
        <Popconfirm title={t('renewal.cancelConfirm')} onConfirm={cancel} okText={t('renewal.cancelService')} cancelText={t('common.cancel')}>
          <Button type="link" size="small">{t('renewal.cancelService')}</Button>
        </Popconfirm>
      ) : null}
      <RenewModal service={renewing} onClose={() => setRenewing(null)} onDone={done} />
      <NotRenewModal service={ending} onClose={() => setEnding(null)} onDone={done} />
      <TransferRequestModal service={transferring} onClose={() => setTransferring(null)} onDone={() => done()} />
    </Space>
  );
}
