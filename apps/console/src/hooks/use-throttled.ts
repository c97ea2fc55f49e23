import { useCallback, useEffect, useRef } from 'react';

/**
 * A stable function that runs `fn` at most once per `gapMs`: the first call
 * after a quiet spell runs at once, calls during the gap fold into one run
 * at its end (a burst of pushes becomes one or two requests, the last one
 * after the burst).
 */
export function useThrottled(fn: () => void, gapMs: number): () => void {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  return useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, last.current + gapMs - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      last.current = Date.now();
      fnRef.current();
    }, wait);
  }, [gapMs]);
}
