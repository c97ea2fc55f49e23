import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Customer } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** On a merged duplicate's page: where its records show now, and the undo. */
export function MergedBanner({ customer, canUndo, onUndone }: { customer: Customer; canUndo: boolean; onUndone: (c: Customer) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!customer.mergedIntoId) return null;
  const undo = async () => {
    setBusy(true);
    try {
      onUndone(await api.post<Customer>(`/customers/${customer.id}/merge/undo`));
      void message.success(t('ca.undone'));
    } catch {
      // reported by the API client
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="merged-banner"
      message={<>{t('ca.mergedBanner')} <Link to={`/customers/${customer.mergedIntoId}`}>{t('customer.duplicateLink', { n: 1 })}</Link>{t('ca.mergedBannerAfter')}</>}
      action={canUndo ? <Button size="small" loading={busy} onClick={undo} data-testid="merge-undo">{t('ca.undo')}</Button> : null} />
  );
}
