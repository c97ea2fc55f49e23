import { Card, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import type { ChatSummary } from '../../api/types.ts';
import { formatDuration } from '../../components/sla/sla-model.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useAccess } from '../../session/session-provider.tsx';
import { waited } from './live-chats/live-chats-model.ts';

/**
 * The wallboard's chat cards: chats waiting in the queues, the longest wait
 * (ticking), first-response targets missed today. They open the live-chat
 * view for those who may see it.
 */
export function ChatWallboardCards({ data, skew }: { data: ChatSummary | undefined; skew: number }) {
  const t = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const now = useNow(1000);
  const open = access.inboxManage ? () => navigate('/supervisor/chats') : undefined;
  const oldest = data ? waited(data.oldestWaitingSince, now, skew) : null;
  const card = (testId: string, title: string, value: string | number, red = false, hint?: string) => (
    <Card size="small" hoverable={!!open} onClick={open} data-testid={`${testId}-card`}>
      <Statistic
        title={hint ? <Tooltip title={hint}>{title}</Tooltip> : title}
        value={value}
        styles={{ content: { color: red ? '#cf1322' : undefined } }}
        data-testid={testId}
      />
    </Card>
  );
  return (
    <>
      {card('wb-chats-waiting', t('wallboard.chatsWaiting'), data?.waiting ?? '–')}
      {card('wb-chats-oldest', t('wallboard.oldestChatWait'), data ? (oldest === null ? 0 : formatDuration(t, oldest)) : '–', (oldest ?? 0) >= 5 * 60_000)}
      {card('wb-chat-breaches', t('wallboard.chatBreachesToday'), data?.firstResponseBreachesToday ?? '–', !!data?.firstResponseBreachesToday, t('wallboard.chatBreachesHint'))}
    </>
  );
}
