import { broadcast, onBroadcast } from '../../platform/cluster/bus.ts';
import { sendToOpen, type Socket } from '../../platform/realtime/hub.ts';

/** a widget connection: also closable, to drop one that went silent */
export interface VisitorSocket extends Socket {
  terminate(): void;
}

/**
 * The chat widget's live connections, by conversation. Like the agents' hub,
 * a publish also goes to the other processes (REDIS_URL), which deliver it to
 * the visitor's connections there. A visitor's token reaches one conversation
 * only, so a socket is registered under that one.
 */
export class VisitorSockets {
  private byConversation = new Map<string, Set<Socket>>();
  /** when each connection last said anything (its pong, typing) */
  private heard = new Map<VisitorSocket, number>();
  /** the heartbeat's clock (tests set their own) */
  clock: () => number = Date.now;

  constructor() {
    onBroadcast('push.visitor', (p) => this.deliver(p.conversationId, p.message));
  }

  add(conversationId: string, socket: VisitorSocket): () => void {
    const set = this.byConversation.get(conversationId) ?? new Set<Socket>();
    set.add(socket);
    this.byConversation.set(conversationId, set);
    this.heard.set(socket, this.clock());
    return () => {
      set.delete(socket);
      this.heard.delete(socket);
      if (!set.size) this.byConversation.delete(conversationId);
    };
  }

  /** the connection said something: it is alive */
  alive(socket: VisitorSocket): void {
    if (this.heard.has(socket)) this.heard.set(socket, this.clock());
  }

  /** connections heard from at or after `since` */
  heardSince(since: number): number {
    let n = 0;
    for (const at of this.heard.values()) if (at >= since) n++;
    return n;
  }

  /**
   * The heartbeat, every `intervalMs` (a timer in production; tests call it
   * after moving `clock`): each connection gets {type:'ping'} and answers
   * {type:'pong'}. One not heard from for two intervals is gone without a
   * close (a phone that lost its network, a NAT that forgot it) and is
   * dropped, so it holds no memory and the visitor counts stay true; the
   * widget, hearing no ping, opens a new one. Answers how many were dropped.
   */
  beat(intervalMs: number): number {
    const now = this.clock();
    let dropped = 0;
    const ping = JSON.stringify({ type: 'ping' });
    for (const [socket, at] of this.heard) {
      if (now - at > 2 * intervalMs) {
        this.heard.delete(socket);
        socket.terminate();
        dropped++;
      } else if (socket.readyState === 1) {
        socket.send(ping);
      }
    }
    return dropped;
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
