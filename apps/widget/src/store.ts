// What survives a reload, per Kefu installation and channel, in the shop
// page's localStorage: the conversation (id and visitor token), the pre-chat
// answers, the last message the visitor has seen, and the outbox — messages
// typed but not yet stored by the server, each with its clientId, sent in
// order once online. Storage may be refused (private modes, blocked
// third-party storage): the widget then works for the page's lifetime only.

export interface Pending {
  clientId: string;
  body: string;
  /** files already uploaded that the message carries */
  files?: Attachment[];
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface PreChat {
  name?: string;
  phone?: string;
  email?: string;
  topic?: string;
}

export interface Saved {
  conversationId?: string;
  token?: string;
  pre?: PreChat;
  /** the newest message id the visitor has seen with the panel open */
  seen?: string;
  /** the conversation whose rating was last offered (not offered again on the next visit) */
  asked?: string;
  outbox: Pending[];
}

export class Store {
  s: Saved = { outbox: [] };

  #key: string;

  constructor(key: string) {
    this.#key = key;
    try {
      const raw = localStorage.getItem(key);
      if (raw) this.s = { ...this.s, ...JSON.parse(raw) };
      if (!Array.isArray(this.s.outbox)) this.s.outbox = [];
    } catch {
      // unreadable or refused: start empty
    }
  }

  set(change: Partial<Saved>): void {
    Object.assign(this.s, change);
    try {
      localStorage.setItem(this.#key, JSON.stringify(this.s));
    } catch {
      // full or refused: keep it in memory
    }
  }

  push(p: Pending): void {
    this.set({ outbox: [...this.s.outbox, p] });
  }

  drop(clientId: string): void {
    this.set({ outbox: this.s.outbox.filter((p) => p.clientId !== clientId) });
  }

  /** per tab: whether the panel was open (it stays open across a reload or the next page of the shop) */
  get opened(): boolean {
    try {
      return sessionStorage.getItem(this.#key) === '1';
    } catch {
      return false;
    }
  }

  set opened(open: boolean) {
    try {
      if (open) sessionStorage.setItem(this.#key, '1');
      else sessionStorage.removeItem(this.#key);
    } catch {
      // refused: nothing to remember
    }
  }
}
