import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { api, type ApiError } from '../api/client.ts';
import type { AppNotification } from '../api/types.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import {
  EMPTY_FEED,
  backoffDelay,
  freshUrgent,
  realtimeUrl,
  withAllRead,
  withFirstPage,
  withNextPage,
  withPushed,
  withRead,
  type FeedState,
} from './feed.ts';

export type LiveState = 'connecting' | 'live' | 'polling';

interface NotificationsValue extends FeedState {
  live: LiveState;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** marks it read and opens its work order (or its link: a conversation) */
  open: (n: AppNotification) => void;
  readAll: () => Promise<void>;
  /**
   * Other messages of the same socket ({type:'wallboard.changed'} …): the
   * handler runs for each message of that type. Returns the unsubscribe.
   */
  subscribe: (type: string, handler: (msg: RealtimeMessage) => void) => () => void;
}

export interface RealtimeMessage {
  type: string;
  [key: string]: unknown;
}

type Page = { items: AppNotification[]; nextCursor: string | null; unread: number };

const PAGE = 20;
const POLL_MS = 30_000;
/** background loads stay quiet, except a lost session (-> login) */
const quiet = { silent: (e: ApiError) => e.status !== 401 };

const Ctx = createContext<NotificationsValue | null>(null);

/**
 * The signed-in user's notifications: the first page on start, then live over
 * the WebSocket (/api/v1/realtime). While the socket is down it reconnects with
 * backoff and polls every 30 s meanwhile. New urgent ones pop up as a toast.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const [feed, setFeed] = useState<FeedState>(EMPTY_FEED);
  const [live, setLive] = useState<LiveState>('connecting');
  const feedRef = useRef(feed);
  feedRef.current = feed;
  /** handlers of other message types, by type (one socket for the whole console) */
  const handlers = useRef(new Map<string, Set<(msg: RealtimeMessage) => void>>());
  const subscribe = useCallback((type: string, handler: (msg: RealtimeMessage) => void) => {
    const set = handlers.current.get(type) ?? new Set();
    set.add(handler);
    handlers.current.set(type, set);
    return () => {
      set.delete(handler);
    };
  }, []);
  /** ids seen so far: a toast only for urgent ones not seen before */
  const known = useRef<Set<string> | null>(null);

  const open = useCallback(
    (n: AppNotification) => {
      notification.destroy(n.id);
      if (!n.readAt) {
        const at = new Date().toISOString();
        setFeed((s) => withRead(s, n.id, at));
        void api.post(`/notifications/${n.id}/read`, {}, quiet).catch(() => {});
      }
      if (n.ticketId) navigate(`/tickets/${n.ticketId}`);
      else if (n.link?.startsWith('/')) navigate(n.link);
    },
    [navigate, notification],
  );
  const openRef = useRef(open);
  openRef.current = open;

  const toast = useCallback(
    (list: AppNotification[]) => {
      for (const n of list.slice(0, 3)) {
        notification.warning({
          key: n.id,
          title: n.title,
          description: n.body.split('\n').slice(1, 3).join(' '),
          duration: 0,
          placement: 'topRight',
          actions: n.ticketId || n.link ? (
            <Button type="primary" size="small" onClick={() => openRef.current(n)}>
              {t(n.ticketId ? 'notification.openTicket' : 'notification.open')}
            </Button>
          ) : undefined,
        });
      }
    },
    [notification, t],
  );

  const remember = (items: AppNotification[]) => {
    const first = known.current === null;
    const set = known.current ?? new Set<string>();
    // on the first load nothing is "new": no toast for what was already there
    const fresh = first ? [] : freshUrgent(set, items);
    for (const n of items) set.add(n.id);
    known.current = set;
    return fresh;
  };

  const refresh = useCallback(async () => {
    try {
      const page = await api.get<Page>('/notifications', { limit: PAGE }, quiet);
      const fresh = remember(page.items);
      setFeed((s) => withFirstPage(s, page));
      if (fresh.length) toast(fresh);
    } catch {
      // offline for now: the next poll or reconnect tries again
    }
  }, [toast]);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const toastRef = useRef(toast);
  toastRef.current = toast;

  const loadMore = useCallback(async () => {
    const cursor = feedRef.current.nextCursor;
    if (!cursor) return;
    try {
      const page = await api.get<Page>('/notifications', { limit: PAGE, cursor });
      remember(page.items);
      setFeed((s) => withNextPage(s, page));
    } catch {
      // reported by the API client
    }
  }, []);

  const readAll = useCallback(async () => {
    try {
      await api.post('/notifications/read-all');
      setFeed((s) => withAllRead(s, new Date().toISOString()));
      notification.destroy();
    } catch {
      // reported by the API client
    }
  }, [notification]);

  // the socket, its reconnects, and polling while it is down
  useEffect(() => {
    let disposed = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;

    const startPolling = () => {
      if (pollTimer) return;
      pollTimer = setInterval(() => void refreshRef.current(), POLL_MS);
    };
    const stopPolling = () => {
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = undefined;
    };

    const connect = () => {
      if (disposed) return;
      setLive((l) => (l === 'polling' ? l : 'connecting'));
      try {
        socket = new WebSocket(realtimeUrl(window.location));
      } catch {
        onDown();
        return;
      }
      socket.onopen = () => {
        attempt = 0;
        stopPolling();
        setLive('live');
        // whatever arrived while the socket was down
        void refreshRef.current();
      };
      socket.onmessage = (e) => {
        let msg: { type?: string; notification?: AppNotification };
        try {
          msg = JSON.parse(String(e.data));
        } catch {
          return;
        }
        if (typeof msg.type === 'string' && msg.type !== 'notification') {
          for (const h of handlers.current.get(msg.type) ?? []) h(msg as RealtimeMessage);
          return;
        }
        if (msg.type !== 'notification' || !msg.notification) return;
        const n = msg.notification;
        const seen = known.current?.has(n.id) ?? false;
        known.current?.add(n.id);
        setFeed((s) => withPushed(s, n).state);
        if (!seen && n.urgent && !n.readAt) toastRef.current([n]);
      };
      socket.onclose = () => onDown();
      socket.onerror = () => {
        // onclose follows
      };
    };

    function onDown() {
      if (disposed) return;
      socket = null;
      setLive('polling');
      startPolling();
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(connect, backoffDelay(attempt++));
    }

    void refreshRef.current();
    connect();
    return () => {
      disposed = true;
      clearTimeout(reconnectTimer);
      stopPolling();
      if (socket) {
        socket.onclose = null;
        socket.close();
      }
    };
    // once per signed-in layout; callbacks are read through refs
  }, []);

  const value = useMemo<NotificationsValue>(
    () => ({ ...feed, live, refresh, loadMore, open, readAll, subscribe }),
    [feed, live, refresh, loadMore, open, readAll, subscribe],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useNotifications(): NotificationsValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('NotificationsProvider missing');
  return v;
}

/**
 * Runs `handler` for every realtime message of `type`, over the console's one
 * socket; `live` says whether that socket is up (else the caller should poll).
 */
export function useRealtime(type: string, handler: (msg: RealtimeMessage) => void): LiveState {
  const { subscribe, live } = useNotifications();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => subscribe(type, (m) => ref.current(m)), [subscribe, type]);
  return live;
}
