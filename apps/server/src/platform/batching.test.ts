import { describe, expect, it } from 'vitest';
import { Batcher } from './batching.ts';

/** A run whose groups the test finishes by hand. */
function heldRuns() {
  const groups: { items: number[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const run = (items: number[]) => new Promise<string[]>((resolve, reject) => {
    groups.push({ items, finish: () => resolve(items.map((i) => `#${i}`)), fail: reject });
  });
  return { groups, run };
}

const turn = () => new Promise((r) => setImmediate(r));
/** event-loop turns until the condition holds (no clock involved) */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !cond(); i++) await turn();
  expect(cond()).toBe(true);
}

describe('Batcher (group commit)', () => {
  it('sends calls made together as one group, and a lone call on its own', async () => {
    const { groups, run } = heldRuns();
    const b = new Batcher<number, string>({ run, maxInFlight: 2, maxBatch: 10 });
    const together = [b.submit(1), b.submit(2), b.submit(3)];
    await turn();
    expect(groups.map((g) => g.items)).toEqual([[1, 2, 3]]);
    groups[0].finish();
    expect(await Promise.all(together)).toEqual(['#1', '#2', '#3']);
    const alone = b.submit(4);
    await until(() => groups.length === 2);
    expect(groups[1].items).toEqual([4]);
    groups[1].finish();
    expect(await alone).toBe('#4');
  });

  it('keeps at most maxInFlight groups out; what arrives meanwhile waits and goes as the next group', async () => {
    const { groups, run } = heldRuns();
    const b = new Batcher<number, string>({ run, maxInFlight: 1, maxBatch: 3 });
    const first = b.submit(1);
    await turn();
    const waiting = [2, 3, 4, 5].map((i) => b.submit(i));
    await turn();
    expect(groups.length).toBe(1); // the first is still out
    groups[0].finish();
    await first;
    await until(() => groups.length === 2);
    expect(groups[1].items).toEqual([2, 3, 4]); // maxBatch
    groups[1].finish();
    await until(() => groups.length === 3);
    expect(groups[2].items).toEqual([5]);
    groups[2].finish();
    expect(await Promise.all(waiting)).toEqual(['#2', '#3', '#4', '#5']);
    expect(b.stats).toMatchObject({ groups: 3, items: 5, retriedAlone: 0 });
  });

  it('tries a failed group one call at a time, so only the bad call fails', async () => {
    const b = new Batcher<number, string>({
      maxInFlight: 1, maxBatch: 10,
      run: async (items) => {
        if (items.includes(13)) throw new Error(`bad row in ${items.join(',')}`);
        return items.map((i) => `#${i}`);
      },
    });
    const results = await Promise.allSettled([12, 13, 14].map((i) => b.submit(i)));
    expect(results[0]).toEqual({ status: 'fulfilled', value: '#12' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'bad row in 13' } });
    expect(results[2]).toEqual({ status: 'fulfilled', value: '#14' });
    expect(b.stats.retriedAlone).toBe(3);
  });

  it('fails every call of a group whose run answers the wrong number of results', async () => {
    const b = new Batcher<number, string>({ maxInFlight: 1, maxBatch: 10, run: async () => ['only one'] });
    const results = await Promise.allSettled([1, 2].map((i) => b.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
