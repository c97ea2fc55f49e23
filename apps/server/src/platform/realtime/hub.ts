// Pushes messages to the signed-in users' open WebSocket connections. The
// server decides who receives what: callers publish to a user id, never to
// "everyone". With several instances, a Redis pub/sub relay goes here.

export interface Socket {
  send(data: string): void;
  readyState: number;
}

const OPEN = 1;

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

  /** Sends to every connection whose user holds the permission (e.g. wallboard updates to supervisors). */
  publishToPermission(permission: string, message: { type: string; [k: string]: unknown }): number {
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

  publish(userId: string, message: { type: string; [k: string]: unknown }): number {
    const set = this.sockets.get(userId);
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

  connectedUsers(): number {
    return this.sockets.size;
  }
}
