import { fill, stringsFor, type Strings } from './i18n.ts';
import { Connection } from './connection.ts';
import { Store } from './store.ts';
import { ChatApi, HttpError, type Channel, type Msg, type Status } from './api.ts';
import { Outbox } from './outbox.ts';
import { DEFAULT_TYPES, Uploads } from './uploads.ts';
import { randomId } from './ids.ts';
import { Thread } from './thread.ts';
import { Shell } from './views/shell.ts';
import { Composer } from './views/composer.ts';
import { MessageLog } from './views/message-log.ts';
import { preChatForm } from './views/pre-chat-form.ts';
import { ratingForm, thanksView } from './views/rating-form.ts';

// The chat widget: the visitor's conversation (thread.ts holds its messages
// and read marks; here its status and rating) and which view the panel shows.
// API calls: api.ts; sending: outbox.ts; files: uploads.ts; the live
// connection: connection.ts over live.ts; the drawing: views/.

type View = 'pre' | 'chat' | 'rate' | 'thanks';

export interface Options {
  /** where widget.js came from, ending in '/': the API is under it */
  base: string;
  channel: string;
  locale: 'zh-CN' | 'en-US';
  color: string;
}


export class Widget {
  #t: Strings;
  #store: Store;
  #api: ChatApi;
  #outbox: Outbox;
  #shell: Shell;
  #composer: Composer;
  #log: MessageLog;
  #uploads: Uploads;
  /** local URLs of the conversation's files, fetched once each */
  #fileUrls = new Map<string, Promise<string>>();

  #channel: Channel | null = null;
  #thread = new Thread();
  /** null until the server said */
  #status: Status | null = null;
  #rating: number | null = null;
  #view: View = 'chat';
  /** the rating was asked because the visitor ended the chat (not because an agent resolved it) */
  #ending = false;
  #isOpen = false;
  #conn: Connection;
  #error = '';

  #o: Options;

  constructor(o: Options) {
    this.#o = o;
    this.#t = stringsFor(o.locale);
    const t = this.#t;
    this.#store = new Store(`kefu-chat:${new URL(o.base).host}${new URL(o.base).pathname}:${o.channel}`);
    this.#api = new ChatApi(o.base, o.locale, () => this.#store.s.token);
    this.#outbox = new Outbox(this.#store, this.#api, o.channel, {
      stored: (m) => this.#merge([m]),
      started: async () => {
        this.#connect();
        await this.#refresh().catch(() => {});
      },
      gone: () => this.#forget(),
      preChatNeeded: () => this.#loadChannel(), // its form as it is now
      refused: (message) => {
        this.#error = t.failed + message;
        this.#renderLog();
      },
      changed: () => this.#renderLog(),
      settled: () => this.#renderBanner(),
    });
    this.#conn = new Connection(o.base, {
      ready: (again) => {
        // what came while there was no connection; after a drop also the status, read marks and who serves
        this.#catchUp().then(() => (again ? this.#refresh() : undefined)).catch(() => {});
        this.#outbox.flush();
      },
      changed: () => this.#renderBanner(),
      gone: () => this.#forget(),
      message: (m) => this.#merge([m]),
      typing: () => this.#renderTyping(),
      read: (at) => {
        this.#thread.read(at);
        this.#renderLog();
      },
      status: (status) => {
        this.#setStatus(status);
        // taken, transferred, resolved: who serves it now
        this.#refresh().catch(() => {});
      },
    });
    this.#shell = new Shell(t, o.color, { toggle: (open) => this.toggle(open), end: () => this.#end() });
    this.#composer = new Composer(t, { send: (body) => this.#send(body), typing: () => this.#typing(), files: (files) => this.#attach(files) });
    this.#uploads = new Uploads(this.#api, () => this.#store.s.conversationId, {
      uploaded: (u, file) => {
        this.#store.push({ clientId: u.clientId, body: '', files: [file] });
        this.#renderLog(true);
        this.#outbox.flush();
      },
      refused: (message) => {
        this.#error = message;
        this.#renderBanner();
      },
      gone: () => this.#forget(),
      changed: () => this.#renderLog(true),
    });
    this.#log = new MessageLog(t, {
      url: (fileId) => {
        let url = this.#fileUrls.get(fileId);
        if (!url) {
          url = this.#api.fileUrl(this.#store.s.conversationId!, fileId);
          url.catch(() => this.#fileUrls.delete(fileId)); // tried again at the next drawing
          this.#fileUrls.set(fileId, url);
        }
        return url;
      },
      retry: (u) => this.#uploads.retry(u),
      remove: (u) => this.#uploads.remove(u),
    });
    this.#shell.mount();

    window.addEventListener('online', () => {
      this.#conn.now();
      this.#outbox.online();
      this.#renderBanner();
    });
    window.addEventListener('offline', () => this.#renderBanner());
    document.addEventListener('visibilitychange', () => this.#markSeen());

    this.#loadChannel().then(() => {
      if (this.#store.opened) this.toggle(true, false);
    });
    const s = this.#store.s;
    if (s.conversationId && s.token) {
      this.#connect();
      this.#refresh().catch(() => {});
    }
    this.#outbox.flush();
    // where no live connection gets through (a proxy that refuses WebSockets), answers still arrive, more slowly
    setInterval(() => {
      if (this.#store.s.conversationId && !this.#conn.connected && navigator.onLine) this.#refresh().catch(() => {});
    }, 15_000);
  }

  // ---------- what the server knows ----------

  async #loadChannel(): Promise<void> {
    try {
      this.#channel = await this.#api.channel(this.#o.channel);
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) {
        console.warn(`[kefu] no active chat channel "${this.#o.channel}"`);
        this.#shell.host.remove();
        return;
      }
      // unreachable now: show the button anyway, the visitor may still leave a message
    }
    this.#shell.reveal();
    this.#view = this.#firstView();
    this.#render();
  }

  #firstView(): View {
    const s = this.#store.s;
    if (!s.conversationId && this.#channel?.settings.preChat.enabled && !s.pre) return 'pre';
    return 'chat';
  }

  /** the whole conversation: status, who serves, read marks, rating, messages */
  async #refresh(): Promise<void> {
    const id = this.#store.s.conversationId;
    try {
      const c = await this.#api.conversation(id!);
      if (id !== this.#store.s.conversationId) return;
      this.#thread.agentName = c.agentName;
      this.#rating = c.rating;
      this.#thread.read(c.agentReadUpTo);
      this.#merge(c.messages);
      this.#setStatus(c.status);
      this.#renderHead();
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) this.#forget();
      throw e;
    }
  }

  /** after a reconnect: only the messages after the newest one here */
  async #catchUp(): Promise<void> {
    const last = this.#thread.last();
    if (!last) return this.#refresh();
    const { items } = await this.#api.messagesAfter(this.#store.s.conversationId!, last.id);
    this.#merge(items);
  }

  #connect(): void {
    const s = this.#store.s;
    this.#conn.open(s.conversationId!, s.token!);
  }

  #merge(items: Msg[]): void {
    if (!this.#thread.merge(items)) return;
    // stored now: no longer waiting in the outbox
    for (const m of items) if (m.clientId && this.#store.s.outbox.some((p) => p.clientId === m.clientId)) this.#store.drop(m.clientId);
    this.#renderHead();
    this.#renderLog();
    this.#markSeen();
  }

  #setStatus(status: Status): void {
    const was = this.#status;
    this.#status = status;
    const s = this.#store.s;
    // asked when it is resolved while the visitor is here, or on a later visit if never asked yet
    if (status === 'resolved' && was !== 'resolved' && this.#rating == null && this.#view === 'chat' && (was || s.asked !== s.conversationId)) {
      this.#ending = false;
      this.#store.set({ asked: s.conversationId });
      this.#show('rate');
    } else if (status !== 'resolved' && this.#view === 'rate' && !this.#ending) {
      this.#show('chat');
    } else {
      this.#renderLog();
    }
  }

  /** the server no longer knows this conversation (or the token): start afresh, keeping what waits to be sent */
  #forget(): void {
    this.#conn.stop();
    this.#store.set({ conversationId: undefined, token: undefined, seen: undefined });
    this.#fileUrls.clear();
    this.#uploads.items = [];
    this.#thread.clear();
    this.#status = null;
    this.#rating = null;
    this.#ending = false;
    this.#show(this.#firstView());
  }

  // ---------- what the visitor does ----------

  #send(body: string): void {
    this.#error = '';
    this.#store.push({ clientId: randomId(), body });
    this.#renderBanner();
    this.#renderLog(true);
    this.#outbox.flush();
  }

  #attach(files: File[]): void {
    const limits = this.#channel?.uploads ?? { maxBytes: 10 * 1024 * 1024, types: DEFAULT_TYPES };
    this.#error = this.#uploads.add(files, limits, {
      tooLarge: fill(this.#t.tooLarge, { n: Math.round(limits.maxBytes / 1024 / 1024) }), badType: this.#t.badType,
    });
    this.#renderBanner();
  }

  #typing(): void {
    this.#conn.typing();
  }

  /** the visitor has seen the agent's messages: the badge clears and the agent learns it */
  #markSeen(): void {
    const last = this.#thread.last();
    const s = this.#store.s;
    let unseen = this.#thread.unseen(s.seen);
    if (this.#isOpen && document.visibilityState === 'visible' && last) {
      if (unseen && s.conversationId) this.#api.read(s.conversationId).catch(() => {});
      if (last.id !== s.seen) this.#store.set({ seen: last.id });
      unseen = 0;
    }
    this.#shell.unread(unseen, unseen ? `${this.#t.open} (${fill(this.#t.unread, { n: unseen })})` : this.#t.open);
  }

  toggle(open = !this.#isOpen, focus = true): void {
    this.#isOpen = open;
    this.#store.opened = open;
    this.#shell.setOpen(open);
    if (open) {
      if (!this.#channel) this.#loadChannel();
      this.#render();
      this.#renderLog(true);
      this.#markSeen();
      if (focus) this.#focusView();
    } else {
      this.#markSeen();
      if (focus) this.#shell.launcher.focus();
    }
  }

  /** 结束会话: the server marks it ended (the agent sees it), then the rating */
  async #end(): Promise<void> {
    const id = this.#store.s.conversationId;
    if (!id) return;
    try {
      await this.#api.end(id);
    } catch (e) {
      this.#error = this.#t.failed + (e as Error).message;
      this.#renderBanner();
      return;
    }
    this.#error = '';
    this.#ending = true;
    this.#store.set({ asked: id });
    this.#show('rate');
  }

  async #rate(value: number, comment: string | undefined): Promise<void> {
    try {
      await this.#api.rate(this.#store.s.conversationId!, value, comment);
      this.#rating = value;
      this.#show('thanks');
    } catch (err) {
      this.#error = this.#t.failed + (err as Error).message;
      this.#renderBanner();
      throw err;
    }
  }

  /** skipped: an ended chat is over, a resolved one stays readable */
  #rated(): void {
    if (this.#ending) this.#forget();
    else this.#show('chat');
  }

  // ---------- drawing ----------

  #show(view: View): void {
    this.#view = view;
    this.#render();
    if (this.#isOpen) this.#focusView();
  }

  #focusView(): void {
    const el = this.#view === 'chat' ? this.#composer.input : this.#shell.main.querySelector<HTMLElement>('input,select,button');
    el?.focus();
  }

  #render(): void {
    this.#renderHead();
    this.#renderBanner();
    const t = this.#t;
    const views = {
      pre: () => preChatForm(t, this.#channel!.settings.preChat, this.#store.s.pre ?? {}, (answers) => {
        this.#store.set({ pre: answers });
        this.#error = '';
        this.#show('chat');
        this.#outbox.flush();
      }),
      chat: () => {
        this.#composer.refresh();
        return [this.#log.log, this.#log.typingLine, this.#composer.el];
      },
      rate: () => ratingForm(t, this.#channel?.settings.ratingScale ?? 5, this.#ending, {
        submit: (value, comment) => this.#rate(value, comment),
        skip: () => this.#rated(),
        back: () => {
          this.#ending = false;
          this.#show('chat');
        },
      }),
      thanks: () => thanksView(t, this.#ending, () => this.#rated()),
    };
    this.#shell.main.replaceChildren(...views[this.#view]());
    if (this.#view === 'chat') this.#renderLog(true);
  }

  #renderHead(): void {
    const t = this.#t;
    const online = !!this.#channel?.online;
    this.#shell.head(this.#channel?.name || t.title, online || !!this.#thread.agentName,
      this.#thread.agentName ? fill(t.serving, { name: this.#thread.agentName }) : online ? t.online : t.away,
      this.#view === 'chat' && !!this.#store.s.conversationId);
  }

  #renderBanner(): void {
    const text = this.#error || (!navigator.onLine ? this.#t.offline : this.#conn.lost ? this.#t.reconnecting : '');
    this.#shell.banner(text, !!this.#error);
  }

  #renderLog(toBottom = false): void {
    if (this.#view !== 'chat') return;
    const s = this.#store.s;
    this.#log.draw({
      channel: this.#channel, started: !!s.conversationId, messages: this.#thread.messages, outbox: s.outbox, uploads: this.#uploads.items,
      readUpTo: this.#thread.readUpTo, status: this.#status,
    }, toBottom);
    this.#composer.canAttach(!!s.conversationId, this.#channel?.uploads?.types ?? DEFAULT_TYPES);
    this.#renderBanner();
    this.#renderTyping();
  }

  #renderTyping(): void {
    this.#log.typing(this.#conn.agentTyping);
  }
}
