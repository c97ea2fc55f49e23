import type { Msg } from './api.ts';

/**
 * The visitor's conversation as the widget knows it: the messages (each once,
 * in the server's order), who serves it, and up to when the agent has read
 * the visitor's messages.
 */
export class Thread {
  messages: Msg[] = [];
  agentName: string | null = null;
  readUpTo = '';

  /** the visitor's messages up to this time have been read by an agent */
  read(at: string | null | undefined): void {
    if (at && at > this.readUpTo) this.readUpTo = at;
  }

  /** adds what is new; false when nothing was */
  merge(items: Msg[]): boolean {
    let added = false;
    for (const m of items) {
      if (this.messages.some((x) => x.id === m.id)) continue;
      this.messages.push(m);
      added = true;
      if (m.author === 'agent') {
        this.agentName = m.authorName ?? this.agentName;
        // an agent who answers has read what came before (the server records it so)
        this.read(m.createdAt);
      }
    }
    if (added) this.messages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return added;
  }

  last(): Msg | undefined {
    return this.messages[this.messages.length - 1];
  }

  /** messages from the center the visitor has not seen (after the id `seen`) */
  unseen(seen: string | undefined): number {
    return this.messages.filter((m) => m.author !== 'visitor' && (!seen || m.id > seen)).length;
  }

  clear(): void {
    this.messages = [];
    this.agentName = null;
    this.readUpTo = '';
  }
}
