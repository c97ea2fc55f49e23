import { useEffect, useState } from 'react';

export interface ResourceState<T> {
  data: T | undefined;
  /** the last load failed (data may still hold an earlier value) */
  error: unknown;
}

/**
 * Data that many screens share and that rarely changes during a session
 * (directory, form definitions): fetched once, refetched after invalidate().
 */
export function cachedResource<T>(load: () => Promise<T>) {
  let promise: Promise<T> | null = null;
  let state: ResourceState<T> = { data: undefined, error: undefined };
  const listeners = new Set<(s: ResourceState<T>) => void>();

  const publish = (next: ResourceState<T>) => {
    state = next;
    listeners.forEach((l) => l(next));
  };

  const fetchOnce = () => {
    if (!promise) {
      const p: Promise<T> = load().then(
        (v) => {
          if (promise === p) publish({ data: v, error: undefined });
          return v;
        },
        (e) => {
          if (promise === p) {
            promise = null;
            publish({ data: state.data, error: e });
          }
          throw e;
        },
      );
      promise = p;
    }
    return promise;
  };

  function useResourceState(): ResourceState<T> {
    const [s, setS] = useState<ResourceState<T>>(state);
    useEffect(() => {
      listeners.add(setS);
      setS(state);
      void fetchOnce().catch(() => {});
      return () => {
        listeners.delete(setS);
      };
    }, []);
    return s;
  }

  return {
    get: fetchOnce,
    /** Loads again (e.g. after an edit); the current value stays until then. */
    invalidate() {
      promise = null;
      if (listeners.size) void fetchOnce().catch(() => {});
    },
    /** Forgets everything (sign-out): the next user starts from nothing. */
    reset() {
      promise = null;
      publish({ data: undefined, error: undefined });
    },
    /** Tries again after a failure. */
    retry() {
      if (!promise) publish({ data: state.data, error: undefined });
      void fetchOnce().catch(() => {});
    },
    useState: useResourceState,
    use: (): T | undefined => useResourceState().data,
  };
}
