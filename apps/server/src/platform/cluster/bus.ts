// What one process must tell the others running on the same database: pushes
// for users connected elsewhere, "events were written, look now", and caches
// to forget (sessions after logout, the org directory after a change). One
// process alone needs none of it; with REDIS_URL a relay (redis-relay.ts)
// carries each broadcast to every other process. The caller always applies
// the effect locally itself; subscribers here see only other processes' news.

export interface ClusterTopics {
  'push.user': { userId: string; message: { type: string; [k: string]: unknown } };
  'push.permission': { permission: string; message: { type: string; [k: string]: unknown } };
  /** for the visitors of a conversation (the chat widget's live connection) */
  'push.visitor': { conversationId: string; message: { type: string; [k: string]: unknown } };
  /** events or jobs were written: consumers and runners look now instead of at their next poll */
  'work.kick': Record<string, never>;
  /** an agent has a conversation open (the collision notice) */
  'chat.viewing': { conversationId: string; userId: string; name: string; at: number; left?: boolean };
  'sessions.forget': { tokenHash?: string; userId?: string; all?: boolean };
  'org.changed': Record<string, never>;
}
export type Topic = keyof ClusterTopics;

export interface Relay {
  send(topic: Topic, payload: unknown): void;
  close(): Promise<void>;
}

type Handler<T extends Topic> = (payload: ClusterTopics[T]) => void;
const handlers = new Map<Topic, Set<Handler<Topic>>>();
let relay: Relay | null = null;

/** Tells the other processes (no-op without a relay). */
export function broadcast<T extends Topic>(topic: T, payload: ClusterTopics[T]): void {
  relay?.send(topic, payload);
}

/** What to do when another process broadcasts this topic. Returns the unsubscribe. */
export function onBroadcast<T extends Topic>(topic: T, fn: Handler<T>): () => void {
  const set = handlers.get(topic) ?? new Set();
  set.add(fn as Handler<Topic>);
  handlers.set(topic, set);
  return () => set.delete(fn as Handler<Topic>);
}

/** The relay calls this with another process's broadcast. */
export function deliverBroadcast(topic: string, payload: unknown): void {
  for (const fn of handlers.get(topic as Topic) ?? []) {
    try {
      fn(payload as never);
    } catch {
      // one subscriber's failure must not stop the others; the relay logs nothing per message
    }
  }
}

export function attachRelay(r: Relay | null): void {
  relay = r;
}

export function hasRelay(): boolean {
  return relay !== null;
}
