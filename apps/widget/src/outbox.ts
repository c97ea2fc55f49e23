import { HttpError, type ChatApi, type Msg } from './api.ts';
import type { Pending, Store } from './store.ts';

// Sends what the visitor wrote, oldest first, one at a time. The server
// stores a resent clientId once, so a retry after a lost answer never doubles
// a message. A network failure stops the run and it tries again after 1, 2,
// 4 … 30 s (or at once when the browser is back online).

export interface OutboxEvents {
  /** a message is stored in the conversation */
  stored(m: Msg): void;
  /** the first message opened a conversation (its id and token are saved) */
  started(): Promise<void>;
  /** the server no longer knows the conversation or the token */
  gone(): void;
  /** the channel asks for more before a chat starts: the pre-chat form again, the message waits */
  preChatNeeded(): void;
  /** refused for good (4xx): the message is dropped */
  refused(message: string): void;
  /** a started conversation's first message left the outbox (the log is drawn again) */
  changed(): void;
  /** a run ended, sent or not (the banner says whether the visitor is offline) */
  settled(): void;
}

export class Outbox {
  #flushing = false;
  #retryTimer = 0;
  #retries = 0;

  #store: Store;
  #api: ChatApi;
  #channel: string;
  #on: OutboxEvents;

  constructor(store: Store, api: ChatApi, channel: string, on: OutboxEvents) {
    this.#store = store;
    this.#api = api;
    this.#channel = channel;
    this.#on = on;
  }

  /** back online: the next failure waits 1 s again */
  online(): void {
    this.#retries = 0;
    this.flush();
  }

  async flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    clearTimeout(this.#retryTimer);
    try {
      for (let item: Pending | undefined; (item = this.#store.s.outbox[0]);) {
        if (!navigator.onLine) return;
        try {
          await this.#deliver(item);
          this.#retries = 0;
        } catch (e) {
          const status = e instanceof HttpError ? e.status : 0;
          if (status === 404 && this.#store.s.token) {
            this.#on.gone(); // gone: the next turn starts a new conversation with it
          } else if (status === 422 && !this.#store.s.conversationId) {
            this.#store.set({ pre: undefined });
            this.#on.preChatNeeded();
            return;
          } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
            this.#store.drop(item.clientId);
            this.#on.refused((e as Error).message);
          } else {
            this.#retryTimer = window.setTimeout(() => this.flush(), Math.min(30_000, 1000 * 2 ** this.#retries++));
            return;
          }
        }
      }
    } finally {
      this.#flushing = false;
      this.#on.settled();
    }
  }

  async #deliver(item: Pending): Promise<void> {
    const s = this.#store.s;
    if (s.conversationId) {
      this.#on.stored(await this.#api.send(s.conversationId, item.body, item.clientId, item.files));
      this.#store.drop(item.clientId);
      return;
    }
    const started = await this.#api.start(this.#channel, s.pre ?? {}, item.body, item.clientId);
    this.#store.set({ conversationId: started.conversationId, token: started.visitorToken });
    await this.#on.started();
    this.#store.drop(item.clientId);
    this.#on.changed();
  }
}
