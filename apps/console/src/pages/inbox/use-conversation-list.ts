import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError, type Query } from '../../api/client.ts';
import type { ConversationListItem, Page } from '../../api/types.ts';
import { serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { appendPage } from './inbox-model.ts';

const PAGE = 30;
/** the API's largest page: a refresh reloads what is shown, up to this many */
const MAX_PAGE = 100;
/** the page reports load errors itself; a lost session still goes to the login page */
const reportHere = { silent: (e: ApiError) => e.status !== 401 };

interface ListState {
  key: string;
  items: ConversationListItem[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: ServerError | null;
}

/**
 * One queue of the inbox, newest activity first, with "load more" (keyset).
 * `refresh` loads the head again as far as it was shown (a push said
 * something changed); a new query starts over.
 */
export function useConversationList(query: Query) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<ListState>({ key, items: [], nextCursor: null, loading: true, loadingMore: false, error: null });
  const stateRef = useRef(state);
  stateRef.current = state;
  const seq = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;

  const load = useCallback(async (fresh: boolean) => {
    const mine = ++seq.current;
    const current = stateRef.current;
    const limit = fresh ? PAGE : Math.min(MAX_PAGE, Math.max(PAGE, current.items.length));
    if (fresh) setState({ key, items: [], nextCursor: null, loading: true, loadingMore: false, error: null });
    try {
      const page = await api.get<Page<ConversationListItem>>('/conversations', { ...queryRef.current, limit }, reportHere);
      if (mine === seq.current) setState({ key, items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null });
    } catch (e) {
      // a failed refresh keeps what is shown; a failed first load says why
      if (mine === seq.current) setState((s) => ({ ...s, loading: false, error: fresh || !s.items.length ? serverErrorOf(e) : s.error }));
    }
  }, [key]);

  useEffect(() => {
    void load(true);
  }, [load]);

  const loadMore = useCallback(async () => {
    const { nextCursor, loadingMore } = stateRef.current;
    if (!nextCursor || loadingMore) return;
    const mine = seq.current;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const page = await api.get<Page<ConversationListItem>>('/conversations', { ...queryRef.current, limit: PAGE, cursor: nextCursor }, reportHere);
      if (mine === seq.current) setState((s) => ({ ...s, items: appendPage(s.items, page.items), nextCursor: page.nextCursor, loadingMore: false, error: null }));
    } catch (e) {
      if (mine === seq.current) setState((s) => ({ ...s, loadingMore: false, error: serverErrorOf(e) }));
    }
  }, []);

  /** a change made here (read, taken …) shows at once, before the next refresh */
  const patchItem = useCallback((id: string, patch: Partial<ConversationListItem>) => {
    setState((s) => ({ ...s, items: s.items.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));
  }, []);

  const current = state.key === key ? state : { ...state, items: [], nextCursor: null, loading: true, error: null };
  return {
    items: current.items,
    hasMore: !!current.nextCursor,
    loading: current.loading,
    loadingMore: current.loadingMore,
    error: current.error,
    refresh: useCallback(() => void load(false), [load]),
    retry: useCallback(() => void load(true), [load]),
    loadMore,
    patchItem,
  };
}
