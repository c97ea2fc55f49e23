import { Badge, Tooltip } from 'antd';
import { useT } from '../../i18n/i18n-provider.tsx';

/** 实时 / 轮询中: whether a supervisor's screen follows the console's socket or polls while it is down. */
export function LiveBadge({ live, testId }: { live: boolean; testId?: string }) {
  const t = useT();
  return (
    <Tooltip title={live ? t('wallboard.liveHint') : t('wallboard.pollingHint')}>
      <Badge status={live ? 'success' : 'warning'} text={live ? t('wallboard.live') : t('wallboard.polling')} data-testid={testId} />
    </Tooltip>
  );
}
