import { broadcast, onBroadcast } from '../../platform/cluster/bus.ts';
import { sendToOpen, type Socket } from '../../platform/realtime/hub.ts';

/**
 * The chat widget's live connections, by conversation. Like the agents' hub,
 * a publish also goes to the other processes (REDIS_URL), which deliver it to
 * the visitor's connections there. A visitor's token reaches one conversation
 * only, so a socket is registered under that one.
 */
export class VisitorSockets {
  private byConversation = new Map<string, Set<Socket>>();

  constructor() {
    onBroadcast('push.visitor', (p) => this.deliver(p.conversationId, p.message));
  }

  add(conversationId: string, socket: Socket): () => void {
    const set = this.byConversation.get(conversationId) ?? new Set<Socket>();
    set.add(socket);
    this.byConversation.set(conversationId, set);
    return () => {
      set.delete(socket);
      if (!set.size) this.byConversation.delete(conversationId);
    };
  }

  publish(conversationId: string, message: { type: string; [k: string]: unknown }): number {
    broadcast('push.visitor', { conversationId, message });
    return this.deliver(conversationId, message);
  }

  private deliver(conversationId: string, message: { type: string; [k: string]: unknown }): number {
    return sendToOpen(this.byConversation.get(conversationId), message);
  }

  /** live visitor connections (the bench prints it) */
  get size(): number {
    let n = 0;
    for (const set of this.byConversation.values()) n += set.size;
    return n;
  }
}
