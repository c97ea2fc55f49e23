import { describe, expect, it } from 'vitest';
import { orderedUuid } from './ids.ts';

describe('ordered UUIDs', () => {
  it('are valid version-7 UUIDs that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => orderedUuid(1_765_000_000_000));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(orderedUuid(1_765_000_000_500) > ids[ids.length - 1]).toBe(true);
  });
});
