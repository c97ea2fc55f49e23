import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../../../api/client.ts';
import type { ChatMonitor } from '../../../api/types.ts';
import { serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { useLiveRefresh } from '../../../notifications/use-live-refresh.ts';
import { clockSkew } from './live-chats-model.ts';

const reportHere = { silent: (e: ApiError) => e.status !== 401 };
/** a busy floor changes many times a second: at most one read every 2 s per open view */
const GAP_MS = 2000;

/**
 * The live-chat view's data, kept fresh over the console's one socket: read
 * again after a conversation changed (chat.updated) or a seat did
 * (chat.seats), at most every two seconds; every 30 s while the socket is
 * down. Waits tick on in the browser between reads (`skew` lines its clock up
 * with the server's).
 */
export function useChatMonitor() {
  const [data, setData] = useState<ChatMonitor | null>(null);
  const [skew, setSkew] = useState(0);
  const [error, setError] = useState<ServerError | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const next = await api.get<ChatMonitor>('/chat-monitor', undefined, reportHere);
      if (mine !== seq.current) return;
      setData(next);
      setSkew(clockSkew(next.summary.at, Date.now()));
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(serverErrorOf(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  const refresh = useCallback(() => void load(), [load]);
  useLiveRefresh('chat.updated', refresh, { gapMs: GAP_MS });
  useLiveRefresh('chat.seats', refresh, { gapMs: GAP_MS });

  return { data, skew, error, reload: refresh };
}
