import { useCallback, useState } from 'react';
import { useNow } from '../../hooks/use-now.ts';

// The agent starts the timer when the customer picks up and stops it when the
// call ends; its reading is the attempt's durationSeconds. It can be paused and
// resumed (a transfer, a hold) and corrected by hand.

interface TimerState {
  /** ms timestamp while running */
  startedAt: number | null;
  /** seconds counted before the current run */
  banked: number;
}

export function elapsedSeconds(s: TimerState, now: number): number {
  return s.banked + (s.startedAt === null ? 0 : Math.max(0, Math.floor((now - s.startedAt) / 1000)));
}

/** 125 → "02:05"; an hour or more → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function useCallTimer() {
  const [state, setState] = useState<TimerState>({ startedAt: null, banked: 0 });
  const running = state.startedAt !== null;
  // ticks only while running; a stopped timer needs no re-render
  const now = useNow(running ? 1000 : 3_600_000);
  const seconds = elapsedSeconds(state, running ? Math.max(now, state.startedAt ?? 0) : 0);

  const start = useCallback(() => setState((s) => (s.startedAt === null ? { ...s, startedAt: Date.now() } : s)), []);
  const stop = useCallback(
    () => setState((s) => (s.startedAt === null ? s : { startedAt: null, banked: elapsedSeconds(s, Date.now()) })),
    [],
  );
  const toggle = useCallback(
    () => setState((s) => (s.startedAt === null ? { ...s, startedAt: Date.now() } : { startedAt: null, banked: elapsedSeconds(s, Date.now()) })),
    [],
  );
  const reset = useCallback(() => setState({ startedAt: null, banked: 0 }), []);
  /** typed in by hand: stops the timer at that reading */
  const set = useCallback((sec: number) => setState({ startedAt: null, banked: Math.max(0, Math.floor(sec)) }), []);
  /** the reading right now, stopping the timer (the call is being recorded) */
  const finish = useCallback((): number => {
    const sec = elapsedSeconds(state, Date.now());
    setState({ startedAt: null, banked: sec });
    return sec;
  }, [state]);

  return { seconds, running, start, stop, toggle, reset, set, finish };
}

export type CallTimer = ReturnType<typeof useCallTimer>;
