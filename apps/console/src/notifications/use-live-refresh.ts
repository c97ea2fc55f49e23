import { useEffect, useRef } from 'react';
import { useThrottled } from '../hooks/use-throttled.ts';
import { useRealtime, type RealtimeMessage } from './notifications-provider.tsx';

const POLL_MS = 30_000;

/**
 * Keeps a view fresh over the console's one socket: `refresh` runs after
 * each message of `type` that `accept` lets through (at most once per
 * `gapMs`), when the socket comes back after being down, and every 30 s
 * while it is down.
 */
export function useLiveRefresh(
  type: string,
  refresh: () => void,
  { gapMs = 1000, accept }: { gapMs?: number; accept?: (msg: RealtimeMessage) => boolean } = {},
): void {
  const run = useThrottled(refresh, gapMs);
  const acceptRef = useRef(accept);
  acceptRef.current = accept;
  const live = useRealtime(type, (msg) => {
    if (!acceptRef.current || acceptRef.current(msg)) run();
  });
  // back after being down: whatever changed meanwhile; while down: poll
  const previous = useRef(live);
  useEffect(() => {
    if (live === 'live' && previous.current === 'polling') run();
    previous.current = live;
    if (live !== 'polling') return;
    const timer = setInterval(run, POLL_MS);
    return () => clearInterval(timer);
  }, [live, run]);
}
