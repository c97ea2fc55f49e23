import { Live, type Push } from './live.ts';
import type { Msg, Status } from './api.ts';

export interface ConnectionEvents {
  /** connected; `again` after a drop (what came meanwhile is to be fetched) */
  ready(again: boolean): void;
  /** connected or lost: the banner says so */
  changed(): void;
  /** the server does not know the conversation or the token */
  gone(): void;
  message(m: Msg): void;
  /** the agent started or stopped typing */
  typing(): void;
  read(at: string): void;
  status(s: Status): void;
}

/**
 * The visitor's live connection to the conversation (live.ts keeps it open):
 * whether it is up, what the agent is doing, and the pushes as events.
 */
export class Connection {
  connected = false;
  /** a live connection dropped and is not back yet */
  lost = false;
  #live: Live | null = null;
  #agentTypingAt = 0;
  #typingSentAt = 0;

  constructor(private base: string, private ev: ConnectionEvents) {}

  open(conversationId: string, token: string): void {
    this.#live?.stop();
    const url = new URL('api/v1/public/chat/live', this.base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let first = true;
    this.#live = new Live(url.href, conversationId, token, {
      ready: () => {
        this.connected = true;
        this.lost = false;
        this.ev.changed();
        this.ev.ready(!first);
        first = false;
      },
      down: () => {
        this.connected = false;
        this.lost = true;
        this.ev.changed();
      },
      gone: () => this.ev.gone(),
      push: (p) => this.#onPush(p),
    });
  }

  stop(): void {
    this.#live?.stop();
    this.#live = null;
    this.connected = false;
    this.lost = false;
  }

  /** the browser is back online: try at once */
  now(): void {
    this.#live?.now();
  }

  get agentTyping(): boolean {
    return Date.now() - this.#agentTypingAt < 5000;
  }

  /** the agent sees "typing…": at most one signal every 3 s */
  typing(): void {
    if (Date.now() - this.#typingSentAt > 3000 && this.#live?.ready) {
      this.#typingSentAt = Date.now();
      this.#live.send({ type: 'typing' });
    }
  }

  #onPush(p: Push): void {
    if (p.type === 'chat.message' && p.message) {
      const m = p.message as Msg;
      if (m.author === 'agent') this.#agentTypingAt = 0;
      this.ev.message(m);
    } else if (p.type === 'chat.typing' && p.who === 'agent') {
      this.#agentTypingAt = Date.now();
      this.ev.typing();
      setTimeout(() => this.ev.typing(), 5000);
    } else if (p.type === 'chat.read' && p.at) {
      this.ev.read(p.at);
    } else if (p.type === 'chat.status' && p.status) {
      this.ev.status(p.status as Status);
    }
  }
}
