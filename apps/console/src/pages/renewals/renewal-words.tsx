import { Space, Tag, Tooltip, Typography } from 'antd';
import type { CustomerService, RenewalKind } from '@kefu/shared/renewals-api';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { formatDateTime } from '../../utils/time.ts';

export const STATUS_COLOR: Record<string, string> = { active: 'blue', renewed: 'green', not_renewed: 'red', transferred: 'purple', cancelled: 'default' };

type T = ReturnType<typeof useT>;

/** A message for a key built at run time, or the raw value when none exists. */
export function word(t: T, key: string, fallback: string): string {
  return hasMessage(key) ? t(key) : fallback;
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{word(t, `renewal.state.${status}`, status)}</Tag>;
}

/** Days to the expiry: red within a week, orange within a month. */
export function Countdown({ s }: { s: Pick<CustomerService, 'daysLeft' | 'status' | 'noticeSentAt'> }) {
  const t = useT();
  if (s.status !== 'active' && s.status !== 'renewed') return <Typography.Text type="secondary">—</Typography.Text>;
  const text = s.daysLeft < 0 ? t('renewal.overdue', { n: -s.daysLeft }) : s.daysLeft === 0 ? t('renewal.dueToday') : t('renewal.daysLeft', { n: s.daysLeft });
  const type = s.daysLeft <= 7 ? 'danger' : s.daysLeft <= 31 ? 'warning' : undefined;
  return (
    <Space size={4} wrap>
      <Typography.Text type={type} strong={s.daysLeft <= 7} data-testid="renewal-countdown">{text}</Typography.Text>
      {s.noticeSentAt ? (
        <Tooltip title={formatDateTime(s.noticeSentAt)}><Tag color="cyan">{t('renewal.noticeSent')}</Tag></Tooltip>
      ) : null}
    </Space>
  );
}

/** "Notice 7 days ahead", with the to-be-confirmed mark of the promotion kind. */
export function leadText(t: T, k: RenewalKind): string {
  return `${t('renewal.lead', { n: k.leadAmount, unit: t(`renewal.unit.${k.leadUnit}`) })}${k.tentative ? ` (${t('renewal.tentative')})` : ''}`;
}

export const money = (v: number | null) => (v === null ? '—' : `¥${v.toLocaleString('zh-CN')}`);
