import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { QUEUES, type Queue } from './inbox-model.ts';

export interface InboxFilters {
  queue: Queue;
  q: string | undefined;
  /** the open conversation */
  c: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(params: URLSearchParams): InboxFilters {
  const queue = params.get('queue');
  const c = params.get('c');
  return {
    queue: queue && (QUEUES as readonly string[]).includes(queue) ? (queue as Queue) : 'mine',
    q: params.get('q')?.trim() || undefined,
    c: c && UUID.test(c) ? c : undefined,
  };
}

function write(f: InboxFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.queue !== 'mine') out.set('queue', f.queue);
  if (f.q) out.set('q', f.q);
  if (f.c) out.set('c', f.c);
  return out;
}

/** Which list an address shows (queue and search), to tell whether "back" returns to the same one. */
export function listOf(search: string): string {
  const f = parse(new URLSearchParams(search));
  return `${f.queue}|${f.q ?? ''}`;
}

/**
 * The queue, the search and the open conversation live in the URL: a link
 * opens the same conversation, and on a phone the back button goes from a
 * conversation to the list (opening one adds a history entry; changing the
 * queue or the search replaces it).
 */
export function useInboxFilters(): [InboxFilters, (patch: Partial<InboxFilters>, opts?: { push?: boolean; state?: unknown }) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parse(params), [params]);
  const update = useCallback(
    (patch: Partial<InboxFilters>, opts?: { push?: boolean; state?: unknown }) => {
      // patch the address as it is now, not as of the last render
      const next = { ...parse(new URLSearchParams(window.location.search)), ...patch };
      // the entry keeps its state (how it was opened) unless told otherwise, or the conversation closes
      const state = opts && 'state' in opts ? opts.state : 'c' in patch && !patch.c ? undefined : (window.history.state as { usr?: unknown } | null)?.usr;
      setParams(write(next), { replace: !opts?.push, state });
    },
    [setParams],
  );
  return [filters, update];
}
