import { describe, expect, it } from 'vitest';
import { clearUserDrafts, draftKey } from './drafts.ts';

function memoryStorage(entries: Record<string, string>) {
  const m = new Map(Object.entries(entries));
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    removeItem: (k: string) => void m.delete(k),
    keys: () => [...m.keys()].sort(),
  };
}

describe('drafts', () => {
  it('signing out removes every draft of that user and nothing else', () => {
    const s = memoryStorage({
      [draftKey('workbench', 'u1')]: '{"callerNumber":"13812345678"}',
      [draftKey('note', 'u1')]: 'x',
      [draftKey('workbench', 'u2')]: '{}',
      'kefu.locale': 'en-US',
      'other.u1': 'y',
    });
    clearUserDrafts('u1', s);
    expect(s.keys()).toEqual(['kefu.locale', 'kefu.workbench.u2', 'other.u1']);
  });
});
