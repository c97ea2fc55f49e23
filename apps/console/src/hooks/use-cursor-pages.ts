import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

/**
 * Cursor pagination with a stack of the cursors that led to each page, so
 * Previous goes back exactly. `key` identifies the query: when it changes,
 * paging restarts from the first page.
 */
export function useCursorPages<T>(key: string, fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const [paging, setPaging] = useState<{ key: string; stack: (string | undefined)[] }>({ key, stack: [undefined] });
  const stack = paging.key === key ? paging.stack : [undefined];
  const [page, setPage] = useState<Page<T>>({ items: [], nextCursor: null });
  const [loading, setLoading] = useState(true);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const seq = useRef(0);

  const cursor = stack[stack.length - 1];
  const depth = stack.length;
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const res = await fetchRef.current(cursor);
      if (mine === seq.current) setPage({ items: res.items ?? [], nextCursor: res.nextCursor ?? null });
    } catch {
      if (mine === seq.current) setPage({ items: [], nextCursor: null });
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // key and depth are part of the query's identity even when the cursor is unchanged
  }, [cursor, key, depth]);

  useEffect(() => {
    void load();
  }, [load]);

  return {
    items: page.items,
    loading,
    pageNumber: depth,
    hasPrev: depth > 1,
    hasNext: !!page.nextCursor,
    next: () => {
      if (page.nextCursor) setPaging({ key, stack: [...stack, page.nextCursor] });
    },
    prev: () => {
      if (depth > 1) setPaging({ key, stack: stack.slice(0, -1) });
    },
    reload: load,
  };
}
