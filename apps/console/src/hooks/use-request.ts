import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** Loads data on mount and when deps change; errors are already reported by the API client. */
export function useRequest<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const result = await run();
      if (mine === seq.current) {
        setData(result);
        setFailed(false);
      }
    } catch {
      if (mine === seq.current) setFailed(true);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, setData, loading, failed, reload };
}
