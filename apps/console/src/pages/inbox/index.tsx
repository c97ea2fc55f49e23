import { useCallback } from 'react';
import { Empty } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { MessageOutlined } from '@ant-design/icons';
import { usePhoneLayout } from '../../hooks/use-media-query.ts';
import { useThrottled } from '../../hooks/use-throttled.ts';
import { useInboxCounts } from '../../notifications/inbox-counts.tsx';
import { useLiveRefresh } from '../../notifications/use-live-refresh.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { queueQuery } from './inbox-model.ts';
import { listOf, useInboxFilters } from './use-inbox-filters.ts';
import { useConversationList } from './use-conversation-list.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationPane } from './conversation-pane.tsx';

/**
 * 在线会话: the unified inbox. The queues and conversations on the left, the
 * open conversation on the right; on a phone one at a time, the conversation
 * with a back button. Kept live over the console's one socket.
 */
export function InboxPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const phone = usePhoneLayout();
  const [filters, setFilters] = useInboxFilters();
  const list = useConversationList(queueQuery(filters.queue, filters.q));
  const { counts, refresh: refreshCounts } = useInboxCounts();

  // a conversation changed somewhere: the list again (the counters follow by themselves)
  useLiveRefresh('chat.updated', list.refresh, { gapMs: 1000 });
  const refreshSoon = useThrottled(list.refresh, 300);
  const changedHere = useCallback(() => {
    refreshSoon();
    refreshCounts();
  }, [refreshSoon, refreshCounts]);
  const { patchItem } = list;
  // shown at once, and the list loaded again after the read (a refresh on its way may still count the message unread)
  const read = useCallback(
    (id: string) => {
      patchItem(id, { unreadByAgent: 0 });
      refreshSoon();
      refreshCounts();
    },
    [patchItem, refreshSoon, refreshCounts],
  );

  // opened from the list: a history entry, so that the phone's "back" returns to the list; the back
  // button does the same while that list is still the one shown (else it just closes the conversation)
  const open = (id: string) =>
    filters.c === undefined ? setFilters({ c: id }, { push: true, state: { inboxList: listOf(window.location.search) } }) : setFilters({ c: id });
  const close = () => {
    const from = (location.state as { inboxList?: string } | null)?.inboxList;
    if (from !== undefined && from === listOf(location.search)) navigate(-1);
    else setFilters({ c: undefined });
  };
  const showList = !phone || !filters.c;
  const showPane = !phone || !!filters.c;

  return (
    <div className={phone ? 'kefu-inbox kefu-inbox-phone' : 'kefu-inbox'} data-testid="inbox">
      {showList ? (
        <ConversationList
          queue={filters.queue}
          onQueue={(queue) => setFilters({ queue })}
          q={filters.q}
          onSearch={(q) => setFilters({ q })}
          counts={counts}
          items={list.items}
          loading={list.loading}
          loadingMore={list.loadingMore}
          hasMore={list.hasMore}
          error={list.error}
          onLoadMore={() => void list.loadMore()}
          onRefresh={() => {
            list.refresh();
            refreshCounts();
          }}
          onRetry={list.retry}
          selectedId={filters.c}
          onOpen={open}
        />
      ) : null}
      {showPane ? (
        filters.c ? (
          <ConversationPane
            key={filters.c}
            id={filters.c}
            onBack={phone ? close : undefined}
            onChanged={changedHere}
            onRead={read}
            onGone={close}
          />
        ) : (
          <section className="kefu-inbox-pane kefu-inbox-center" data-testid="conversation-none">
            <Empty image={<MessageOutlined className="kefu-inbox-none-icon" />} description={t('inbox.selectHint')} />
          </section>
        )
      ) : null}
    </div>
  );
}
