import { broadcast, onBroadcast } from '../cluster/bus.ts';

// Pushes messages to the signed-in users' open WebSocket connections. The
// server decides who receives what: callers publish to a user id, never to
// "everyone". With several instances (REDIS_URL), every publish also goes to
// the other processes, which deliver it to the user's connections there.

export interface Socket {
  send(data: string): void;
  readyState: number;
}

const OPEN = 1;

/** Sends the message to each open socket of the set; answers how many got it. */
export function sendToOpen(set: Iterable<Socket> | undefined, message: { type: string; [k: string]: unknown }): number {
  if (!set) return 0;
  const data = JSON.stringify(message);
  let sent = 0;
  for (const s of set) {
    if (s.readyState === OPEN) {
      s.send(data);
      sent++;
    }
  }
  return sent;
}

export class RealtimeHub {
  private sockets = new Map<string, Set<Socket>>();
  private permissions = new Map<Socket, ReadonlySet<string>>();

  add(userId: string, socket: Socket, permissions: ReadonlySet<string> = new Set()): () => void {
    const set = this.sockets.get(userId) ?? new Set<Socket>();
    set.add(socket);
    this.sockets.set(userId, set);
    this.permissions.set(socket, permissions);
    return () => {
      set.delete(socket);
      this.permissions.delete(socket);
      if (!set.size) this.sockets.delete(userId);
    };
  }

  /** Delivers what other processes publish (call once per process; returns the unsubscribe). */
  joinCluster(): () => void {
    const offs = [
      onBroadcast('push.user', (p) => this.deliver(p.userId, p.message)),
      onBroadcast('push.permission', (p) => this.deliverToPermission(p.permission, p.message)),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Sends to every connection whose user holds the permission (e.g. wallboard updates to supervisors). */
  publishToPermission(permission: string, message: { type: string; [k: string]: unknown }): number {
    broadcast('push.permission', { permission, message });
    return this.deliverToPermission(permission, message);
  }

  private deliverToPermission(permission: string, message: { type: string; [k: string]: unknown }): number {
    const data = JSON.stringify(message);
    let sent = 0;
    for (const [socket, perms] of this.permissions) {
      if (perms.has(permission) && socket.readyState === OPEN) {
        socket.send(data);
        sent++;
      }
    }
    return sent;
  }

  /** Sends to the user's connections here and, with a relay, in the other processes; returns how many were here. */
  publish(userId: string, message: { type: string; [k: string]: unknown }): number {
    broadcast('push.user', { userId, message });
    return this.deliver(userId, message);
  }

  private deliver(userId: string, message: { type: string; [k: string]: unknown }): number {
    return sendToOpen(this.sockets.get(userId), message);
  }

  /** has the user a live connection to this process (another process may have one too) */
  isConnected(userId: string): boolean {
    return (this.sockets.get(userId)?.size ?? 0) > 0;
  }

  connectedUsers(): number {
    return this.sockets.size;
  }
}
