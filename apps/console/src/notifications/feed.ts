import type { AppNotification } from '../api/types.ts';

// The notification list the bell shows, as plain functions over its state:
// pages from GET /notifications, pushes from the WebSocket, reads.

export interface FeedState {
  items: AppNotification[];
  unread: number;
  nextCursor: string | null;
  loaded: boolean;
}

export const EMPTY_FEED: FeedState = { items: [], unread: 0, nextCursor: null, loaded: false };

const newestFirst = (a: AppNotification, b: AppNotification) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** Union by id (the later copy wins), newest first. */
export function mergeItems(existing: AppNotification[], incoming: AppNotification[]): AppNotification[] {
  const byId = new Map(existing.map((n) => [n.id, n]));
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()].sort(newestFirst);
}

/** The first page again (on open, poll, reconnect): replaces the head, keeps older pages already loaded. */
export function withFirstPage(state: FeedState, page: { items: AppNotification[]; nextCursor: string | null; unread: number }): FeedState {
  const oldest = page.items[page.items.length - 1];
  // older items than the page's last one were loaded by "more" and stay; newer ones come from the page
  const older = oldest ? state.items.filter((n) => newestFirst(oldest, n) < 0) : [];
  return {
    items: mergeItems(older, page.items),
    unread: page.unread,
    nextCursor: state.loaded && older.length ? state.nextCursor : page.nextCursor,
    loaded: true,
  };
}

export function withNextPage(state: FeedState, page: { items: AppNotification[]; nextCursor: string | null; unread: number }): FeedState {
  return { ...state, items: mergeItems(state.items, page.items), nextCursor: page.nextCursor, unread: page.unread };
}

/** A pushed notification; `isNew` is false when it was already listed. */
export function withPushed(state: FeedState, n: AppNotification): { state: FeedState; isNew: boolean } {
  if (state.items.some((x) => x.id === n.id)) return { state, isNew: false };
  return { state: { ...state, items: mergeItems(state.items, [n]), unread: state.unread + (n.readAt ? 0 : 1) }, isNew: true };
}

export function withRead(state: FeedState, id: string, at: string): FeedState {
  const target = state.items.find((n) => n.id === id);
  if (!target || target.readAt) return state;
  return { ...state, items: state.items.map((n) => (n.id === id ? { ...n, readAt: at } : n)), unread: Math.max(0, state.unread - 1) };
}

export function withAllRead(state: FeedState, at: string): FeedState {
  return { ...state, items: state.items.map((n) => (n.readAt ? n : { ...n, readAt: at })), unread: 0 };
}

/** Unread urgent notifications of `items` that `known` did not hold: the ones to toast. */
export function freshUrgent(known: ReadonlySet<string>, items: AppNotification[]): AppNotification[] {
  return items.filter((n) => n.urgent && !n.readAt && !known.has(n.id));
}

/** Wait before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s … at most 30 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function realtimeUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/v1/realtime`;
}
