import { useEffect, useState } from 'react';

/**
 * Data that many screens share and that rarely changes during a session
 * (directory, form definitions): fetched once, refetched after invalidate().
 */
export function cachedResource<T>(load: () => Promise<T>) {
  let promise: Promise<T> | null = null;
  let value: T | undefined;
  const listeners = new Set<(v: T | undefined) => void>();

  const fetchOnce = () => {
    if (!promise) {
      promise = load().then(
        (v) => {
          value = v;
          listeners.forEach((l) => l(v));
          return v;
        },
        (e) => {
          promise = null;
          throw e;
        },
      );
    }
    return promise;
  };

  return {
    get: fetchOnce,
    invalidate() {
      promise = null;
      if (listeners.size) void fetchOnce().catch(() => {});
    },
    use(): T | undefined {
      const [v, setV] = useState<T | undefined>(value);
      useEffect(() => {
        listeners.add(setV);
        void fetchOnce().catch(() => {});
        return () => {
          listeners.delete(setV);
        };
      }, []);
      return v;
    },
  };
}
