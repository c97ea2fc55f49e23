import { useCallback, useSyncExternalStore } from 'react';

// One shared one-second ticker for every live countdown on the screen. Each
// caller rounds "now" to the step it needs, so a countdown that shows minutes
// re-renders once a minute, not every second.

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, changing every `step(now)` ms. */
export function useNow(step: number | ((now: number) => number) = 1000): number {
  const snapshot = useCallback(() => {
    const now = Date.now();
    const s = typeof step === 'number' ? step : step(now);
    return Math.floor(now / s) * s;
  }, [step]);
  return useSyncExternalStore(subscribe, snapshot);
}
