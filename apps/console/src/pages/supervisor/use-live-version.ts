import { useEffect, useRef, useState } from 'react';
import { useRealtime } from '../../notifications/notifications-provider.tsx';

const POLL_MS = 30_000;

/**
 * A number that goes up when the supervisors' numbers may have changed: on
 * "wallboard.changed" from the console's socket (at most once per `gapMs`,
 * trailing), when the socket comes back, and every 30 s while it is down.
 * Screens put it in their load dependencies.
 */
export function useLiveVersion(gapMs = 2000): { version: number; live: boolean } {
  const [version, setVersion] = useState(0);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const bump = () => {
    if (pending.current) return;
    const wait = Math.max(0, last.current + gapMs - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      last.current = Date.now();
      setVersion((v) => v + 1);
    }, wait);
  };
  const bumpRef = useRef(bump);
  bumpRef.current = bump;

  const live = useRealtime('wallboard.changed', () => bumpRef.current());

  // back online: whatever changed meanwhile; offline: poll
  const wasLive = useRef(live === 'live');
  useEffect(() => {
    const now = live === 'live';
    if (now && !wasLive.current) bumpRef.current();
    wasLive.current = now;
    if (now) return;
    const timer = setInterval(() => bumpRef.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [live]);

  useEffect(() => () => clearTimeout(pending.current), []);
  return { version, live: live === 'live' };
}
