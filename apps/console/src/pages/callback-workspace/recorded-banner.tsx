import { Alert, Space, Tag } from 'antd';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useCallbackLabels } from '../callbacks/callback-labels.ts';
import { followUpDone } from './follow-up.ts';
import type { LastRecorded } from './use-callback.ts';

/** After a submit: the attempt is in, what it did to the work order, and where the callback stands now. */
export function RecordedBanner({ last }: { last: LastRecorded }) {
  const t = useT();
  const labels = useCallbackLabels();
  const effect = followUpDone(last.followUp);
  const stillOpen = last.status === 'open';
  return (
    <Alert
      type={effect === 'reopen' || effect === 'rectify' ? 'warning' : 'success'}
      showIcon
      closable
      title={
        <Space size={6} wrap>
          {t('callback.recorded', { result: labels.result(last.result) })}
          <Tag style={{ marginInlineEnd: 0 }} data-testid="recorded-status">{t('callback.recorded.status', { status: labels.status(last.status) })}</Tag>
        </Space>
      }
      description={
        <>
          {effect ? <div data-testid="recorded-follow-up">{t(`callback.followUp.${effect}`)}</div> : null}
          {stillOpen ? <div>{t('callback.recorded.again')}</div> : null}
        </>
      }
      data-testid="recorded-banner"
    />
  );
}
