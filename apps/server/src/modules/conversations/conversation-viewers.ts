import { broadcast, onBroadcast } from '../../platform/cluster/bus.ts';

/** How long a look counts: the console says "still here" every 15 s while the conversation is open. */
export const VIEWING_TTL_MS = 30_000;

export interface Viewer { id: string; name: string }

/**
 * Who has a conversation open right now: the collision notice (two agents on
 * the same chat see each other) and the supervisor watching a chat live (its
 * messages go to whoever has it open, not only to the assignee). Kept in
 * memory — it is gone in 30 s anyway — and shared with the other processes
 * through the cluster bus.
 */
export class ConversationViewers {
  private seen = new Map<string, Map<string, { name: string; at: number }>>();

  constructor(private now: () => number = Date.now) {
    onBroadcast('chat.viewing', (p) => (p.left ? this.forget(p.conversationId, p.userId) : this.record(p.conversationId, p.userId, p.name, p.at)));
  }

  /** `userId` looks at the conversation now; answers the others looking at it. */
  look(conversationId: string, userId: string, name: string): Viewer[] {
    const at = this.now();
    this.record(conversationId, userId, name, at);
    broadcast('chat.viewing', { conversationId, userId, name, at });
    return this.others(conversationId, userId);
  }

  /** `userId` closed the conversation; answers who is still looking (to tell them at once). */
  leave(conversationId: string, userId: string, name: string): Viewer[] {
    this.forget(conversationId, userId);
    broadcast('chat.viewing', { conversationId, userId, name, at: this.now(), left: true });
    return this.others(conversationId, userId);
  }

  others(conversationId: string, userId: string): Viewer[] {
    return this.all(conversationId).filter((v) => v.id !== userId);
  }

  /** everyone who has the conversation open now */
  all(conversationId: string): Viewer[] {
    const here = this.seen.get(conversationId);
    if (!here) return [];
    const fresh = this.now() - VIEWING_TTL_MS;
    const out: Viewer[] = [];
    for (const [id, v] of here) {
      if (v.at < fresh) here.delete(id);
      else out.push({ id, name: v.name });
    }
    if (!here.size) this.seen.delete(conversationId);
    return out;
  }

  private record(conversationId: string, userId: string, name: string, at: number): void {
    const here = this.seen.get(conversationId) ?? new Map();
    here.set(userId, { name, at });
    this.seen.set(conversationId, here);
    if (this.seen.size > 20_000) this.sweep();
  }

  private forget(conversationId: string, userId: string): void {
    const here = this.seen.get(conversationId);
    here?.delete(userId);
    if (here && !here.size) this.seen.delete(conversationId);
  }

  private sweep(): void {
    const fresh = this.now() - VIEWING_TTL_MS;
    for (const [c, here] of this.seen) {
      for (const [u, v] of here) if (v.at < fresh) here.delete(u);
      if (!here.size) this.seen.delete(c);
    }
  }
}
