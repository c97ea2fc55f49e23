// Whatever a user has typed and not yet saved is kept in localStorage under
// `kefu.<what>.<userId>` (the workbench: kefu.workbench.<userId>). It can hold
// a caller's phone and address, so signing out removes all of that user's.

export const draftKey = (what: string, userId: string) => `kefu.${what}.${userId}`;

type KeyedStorage = Pick<Storage, 'length' | 'key' | 'removeItem'>;

export function clearUserDrafts(userId: string, storage: KeyedStorage | undefined = globalThis.localStorage): void {
  if (!storage || !userId) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith('kefu.') && k.endsWith(`.${userId}`)) keys.push(k);
    }
    keys.forEach((k) => storage.removeItem(k));
  } catch {
    // storage disabled: nothing was kept
  }
}
