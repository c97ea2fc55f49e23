import { Tag } from 'antd';
import type { ConversationStatus } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import type { RelativeTime } from './inbox-model.ts';

const STATUS_COLORS: Record<ConversationStatus, string> = { open: 'processing', pending: 'orange', resolved: 'green' };

export function ConversationStatusTag({ status }: { status: ConversationStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="conversation-status" style={{ marginInlineEnd: 0 }}>
      {t(`inbox.status.${status}`)}
    </Tag>
  );
}

/** The pre-chat topic (售前 / 售后 / 投诉), or the code when the console does not know it. */
export function useTopicLabel(): (topic: string | null) => string | null {
  const t = useT();
  return (topic) => {
    if (!topic) return null;
    const key = `inbox.topic.${topic}`;
    return hasMessage(key) ? t(key) : topic;
  };
}

export function useRelativeTimeText(): (r: RelativeTime) => string {
  const t = useT();
  return (r) => {
    switch (r.kind) {
      case 'now':
        return t('inbox.time.now');
      case 'minutes':
        return t('inbox.time.minutes', { n: r.n });
      case 'today':
        return r.time;
      case 'yesterday':
        return t('inbox.time.yesterday', { time: r.time });
      case 'date':
        return r.date;
    }
  };
}
