import { Tag, Tooltip } from 'antd';
import type { SurveyDelivery, SurveyResponse } from '@kefu/shared/callbacks-api';
import { useT, type T } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';

// Where a survey invitation stands, as the server says (its `delivery`): the
// same words on the work order, on the customer and in the survey's results.

export const DELIVERY_COLORS: Record<SurveyDelivery, string> = {
  queued: 'default', sent: 'blue', answered: 'green', failed: 'red', skipped: 'orange', expired: 'default',
};

export function deliveryText(t: T, r: Pick<SurveyResponse, 'delivery' | 'skipReason'>): string {
  const label = t(`survey.delivery.${r.delivery}`);
  if (r.delivery !== 'skipped' || !r.skipReason) return label;
  const key = `survey.skipReason.${r.skipReason}`;
  return t('survey.delivery.skippedBecause', { label, reason: hasMessage(key) ? t(key) : r.skipReason });
}

export function SurveyDeliveryTag({ r }: { r: Pick<SurveyResponse, 'delivery' | 'skipReason' | 'sendError'> }) {
  const t = useT();
  return (
    <Tooltip title={r.sendError ?? undefined}>
      <Tag color={DELIVERY_COLORS[r.delivery]} style={{ marginInlineEnd: 0 }} data-testid="survey-delivery" data-delivery={r.delivery}>
        {deliveryText(t, r)}
      </Tag>
    </Tooltip>
  );
}
