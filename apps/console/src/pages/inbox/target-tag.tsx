import { Tag, Tooltip } from 'antd';
import type { ConversationListItem } from '../../api/types.ts';
import { useNow } from '../../hooks/use-now.ts';
import { tickFor, timeLeft, TONE_COLORS } from '../../components/sla/sla-model.ts';
import { formatDateTime } from '../../utils/time.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { listTarget } from './live-model.ts';

/** The target a list row counts down to (首响 剩余 3分12秒 / 解决 超时 1小时05分), coloured; nothing when none is near. */
export function TargetTag({ item }: { item: ConversationListItem }) {
  const t = useT();
  const due = !item.firstResponseAt ? item.firstResponseDueAt : item.resolveDueAt;
  const now = useNow((n) => tickFor(due, n));
  const target = listTarget(item, now);
  if (!target) return null;
  const name = t(`inbox.target.${target.kind}`);
  return (
    <Tooltip title={t('inbox.target.tip', { target: name, at: formatDateTime(target.dueAt) })}>
      <Tag className="kefu-target" color={TONE_COLORS[target.tone]} data-testid="conversation-target" data-tone={target.tone} data-kind={target.kind}>
        {name} {timeLeft(t, target.dueAt, now)}
      </Tag>
    </Tooltip>
  );
}
