import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, type ApiError } from '../api/client.ts';
import type { ConversationCounts } from '../api/types.ts';
import { useAccess } from '../session/session-provider.tsx';
import { useLiveRefresh } from './use-live-refresh.ts';

interface InboxCountsValue {
  /** undefined until loaded, and for users without the inbox */
  counts: ConversationCounts | undefined;
  refresh: () => void;
}

const Ctx = createContext<InboxCountsValue>({ counts: undefined, refresh: () => {} });

/** background loads stay quiet, except a lost session (-> login) */
const quiet = { silent: (e: ApiError) => e.status !== 401 };

/**
 * The inbox's counters (mine, queue, unread …), once for the whole console:
 * the menu's badge and the inbox's tabs read the same numbers. Loaded again
 * when a conversation changes (chat.updated) and when the page asks.
 */
export function InboxCountsProvider({ children }: { children: ReactNode }) {
  const enabled = useAccess().inbox;
  const [counts, setCounts] = useState<ConversationCounts | undefined>(undefined);
  const seq = useRef(0);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;

  const load = useCallback(() => {
    if (!enabledRef.current) return;
    const mine = ++seq.current;
    api.get<ConversationCounts>('/conversations/counts', undefined, quiet).then(
      (c) => {
        if (mine === seq.current) setCounts(c);
      },
      () => {
        // offline for now: the next push, reconnect or poll tries again
      },
    );
  }, []);

  useEffect(() => {
    if (enabled) load();
    else setCounts(undefined);
  }, [enabled, load]);
  useLiveRefresh('chat.updated', load, { gapMs: 1500 });

  const value = useMemo(() => ({ counts, refresh: load }), [counts, load]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useInboxCounts(): InboxCountsValue {
  return useContext(Ctx);
}
