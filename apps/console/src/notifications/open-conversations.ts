// The conversations open on this page right now (the inbox's pane, a
// supervisor's watch drawer), so that alerts about them stay quiet while
// someone is looking, and a note pushed about any other conversation can only
// be one left for me as its assignee.

const open = new Map<string, number>();

/** Marks the conversation open until the returned function is called. */
export function markOpen(conversationId: string): () => void {
  open.set(conversationId, (open.get(conversationId) ?? 0) + 1);
  return () => {
    const n = (open.get(conversationId) ?? 1) - 1;
    if (n > 0) open.set(conversationId, n);
    else open.delete(conversationId);
  };
}

export function isOpenHere(conversationId: string): boolean {
  return open.has(conversationId);
}
