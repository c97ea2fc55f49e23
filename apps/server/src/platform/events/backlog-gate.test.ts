import { describe, expect, it } from 'vitest';
import { BacklogGate } from './backlog-gate.ts';
import type { Db } from '../../db/client.ts';

// A fake clock and lag: the gate's waiting is decided by what it reads, not by real time.
function gate(lags: number[], opts: { maxLagMs?: number; maxWaitMs?: number } = {}) {
  let t = 0;
  let reads = 0;
  const g = new BacklogGate(null as unknown as Db, {
    maxLagMs: opts.maxLagMs ?? 300, maxWaitMs: opts.maxWaitMs ?? 5_000, pollMs: 100,
    readLag: async () => lags[Math.min(reads++, lags.length - 1)],
    sleep: async (ms) => { t += ms; },
    now: () => t,
  });
  return { g, reads: () => reads, time: () => t };
}

describe('backlog gate', () => {
  it('lets a save through at once while the consumer keeps up', async () => {
    const { g, time } = gate([50]);
    await g.pass();
    expect(time()).toBe(0);
    expect(g.stats.waited).toBe(0);
  });

  it('holds saves while the oldest unhandled event is too old, and lets them go when it catches up', async () => {
    const { g, time } = gate([2_000, 1_500, 900, 200]);
    await g.pass();
    expect(time()).toBe(300);
    expect(g.stats).toEqual({ waited: 1, waitedMs: 300 });
  });

  it('never refuses: after the longest wait the save goes ahead', async () => {
    const { g, time } = gate([60_000], { maxWaitMs: 1_000 });
    await g.pass();
    expect(time()).toBe(1_000);
  });

  it('reads the lag once per interval for all the saves waiting', async () => {
    const { g, reads } = gate([100]);
    await Promise.all([g.pass(), g.pass(), g.pass()]);
    expect(reads()).toBe(1);
  });

  it('is off with maxLagMs 0', async () => {
    const { g, reads } = gate([60_000], { maxLagMs: 0 });
    await g.pass();
    expect(reads()).toBe(0);
  });
});
