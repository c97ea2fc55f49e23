import type { VisitorMessage } from '@kefu/shared/conversations-api';
import { fill, stringsFor, type Strings } from './i18n.ts';
import { Live, type Push } from './live.ts';
import { Store, type Pending, type PreChat } from './store.ts';
import { css } from './styles.ts';

// The chat widget: a launcher button and a panel (pre-chat form, messages,
// composer, rating) in a Shadow DOM. Everything the visitor writes goes
// through the outbox (store.ts) and is sent in order, one at a time; the
// server stores a resent clientId once, so a retry after a lost answer never
// doubles a message. Only text nodes carry what people wrote (no innerHTML).

type Msg = VisitorMessage;
type Status = 'open' | 'pending' | 'resolved';
type View = 'pre' | 'chat' | 'rate' | 'thanks';
interface Channel {
  name: string;
  online: boolean;
  settings: { preChat: { enabled: boolean; requireName: boolean; requireContact: boolean; askTopic: boolean }; greeting: string; autoReply: string };
}

export interface Options {
  /** where widget.js came from, ending in '/': the API is under it */
  base: string;
  channel: string;
  locale: 'zh-CN' | 'en-US';
  color: string;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Kid = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of kids) if (c != null && c !== false) el.append(c);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
function icon(d: string, size = 24, cls = ''): SVGSVGElement {
  const s = document.createElementNS(SVG, 'svg');
  const p = document.createElementNS(SVG, 'path');
  for (const [k, v] of [['viewBox', '0 0 24 24'], ['width', size], ['height', size], ['aria-hidden', 'true'], ['focusable', 'false'], ['class', cls]]) s.setAttribute(k as string, String(v));
  p.setAttribute('d', d);
  p.setAttribute('fill', 'currentColor');
  s.append(p);
  return s;
}
const CHAT = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2Zm3 7.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z';
const DOWN = 'M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6z';
const SEND = 'M2.01 21 23 12 2.01 3 2 10l15 2-15 2z';
const STAR = 'M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z';

const clientId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{5,32}$/;

export class Widget {
  #t: Strings;
  #store: Store;
  #host = document.createElement('kefu-chat');
  #wrap: HTMLDivElement;
  #launcher: HTMLButtonElement;
  #badge = h('span', { class: 'badge', hidden: true });
  #panel: HTMLDivElement;
  #title = h('div', { class: 'title', id: 'k-title' });
  #sub = h('div', { class: 'sub' });
  #endBtn: HTMLButtonElement;
  #banner = h('div', { class: 'banner', role: 'status', hidden: true });
  #main = h('div', { class: 'main' });
  #log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  #typingLine = h('div', { class: 'typing', 'aria-live': 'polite' });
  #input: HTMLTextAreaElement;
  #sendBtn: HTMLButtonElement;
  #foot: HTMLDivElement;

  #channel: Channel | null = null;
  #messages: Msg[] = [];
  /** null until the server said */
  #status: Status | null = null;
  #agentName: string | null = null;
  #readUpTo = '';
  #rating: number | null = null;
  #view: View = 'chat';
  /** the rating was asked because the visitor ended the chat (not because an agent resolved it) */
  #ending = false;
  #isOpen = false;
  #live: Live | null = null;
  #connected = false;
  /** a live connection dropped and is not back yet */
  #lost = false;
  #agentTyping = 0;
  #typingSent = 0;
  #flushing = false;
  #retryTimer = 0;
  #retries = 0;
  #error = '';

  #o: Options;

  constructor(o: Options) {
    this.#o = o;
    this.#t = stringsFor(o.locale);
    const t = this.#t;
    this.#store = new Store(`kefu-chat:${new URL(o.base).host}${new URL(o.base).pathname}:${o.channel}`);

    this.#launcher = h('button', { class: 'launch', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false', onclick: () => this.toggle() }, icon(CHAT, 28, 'c'), icon(DOWN, 30, 'x'), this.#badge);
    this.#endBtn = h('button', { class: 'hb', type: 'button', onclick: () => this.#end() }, t.end);
    this.#input = h('textarea', { rows: 1, maxlength: 5000, placeholder: t.placeholder, 'aria-label': t.message, enterkeyhint: 'send' });
    this.#sendBtn = h('button', { class: 'send', type: 'button', 'aria-label': t.send, title: t.send, onclick: () => this.#sendTyped() }, icon(SEND, 20));
    this.#foot = h('div', { class: 'foot' }, this.#input, this.#sendBtn);
    this.#input.addEventListener('keydown', (e) => {
      // Enter sends; not while an input method is still composing (拼音 candidates)
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        this.#sendTyped();
      }
    });
    this.#input.addEventListener('input', () => this.#typed());
    this.#panel = h('div', { class: 'panel', role: 'dialog', 'aria-labelledby': 'k-title', hidden: true },
      h('div', { class: 'head' },
        h('div', { class: 'who' }, this.#title, this.#sub),
        this.#endBtn,
        h('button', { class: 'hb', type: 'button', 'aria-label': t.close, title: t.close, onclick: () => this.toggle(false) }, icon(DOWN))),
      this.#banner, this.#main);
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.toggle(false);
      }
    });
    this.#wrap = h('div', { class: 'k' }, this.#panel, this.#launcher);
    this.#wrap.style.setProperty('--c', o.color);

    // the page's CSS must not reach the host element either
    for (const [k, v] of [['all', 'initial'], ['display', 'none'], ['position', 'static']]) this.#host.style.setProperty(k, v, 'important');
    const root = this.#host.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      // a constructed sheet also works under a page CSP without 'unsafe-inline' styles
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h('style', {}, css));
    }
    root.append(this.#wrap);
    document.body.append(this.#host);

    window.addEventListener('online', () => {
      this.#retries = 0;
      this.#live?.now();
      this.#flush();
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
    this.#flush();
    // where no live connection gets through (a proxy that refuses WebSockets), answers still arrive, more slowly
    setInterval(() => {
      if (this.#store.s.conversationId && !this.#connected && navigator.onLine) this.#refresh().catch(() => {});
    }, 15_000);
  }

  // ---------- the API ----------

  async #api<T>(method: string, path: string, body?: object, auth = true): Promise<T> {
    const token = auth ? this.#store.s.token : undefined;
    const headers: Record<string, string> = { 'accept-language': this.#o.locale };
    if (body) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(new URL(`api/v1/public/chat/${path}`, this.#o.base), { method, headers, body: body && JSON.stringify(body), credentials: 'omit' });
    if (!res.ok) {
      const e = await res.json().catch(() => null);
      throw new HttpError(res.status, e?.error?.message ?? String(res.status));
    }
    return (res.status === 204 ? null : res.json()) as T;
  }

  async #loadChannel(): Promise<void> {
    try {
      this.#channel = await this.#api<Channel>('GET', `channels/${encodeURIComponent(this.#o.channel)}`, undefined, false);
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) {
        console.warn(`[kefu] no active chat channel "${this.#o.channel}"`);
        this.#host.remove();
        return;
      }
      // unreachable now: show the button anyway, the visitor may still leave a message
    }
    this.#host.style.setProperty('display', 'block', 'important');
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
      const c = await this.#api<{ status: Status; agentName: string | null; agentReadUpTo: string | null; rating: number | null; messages: Msg[] }>('GET', `conversations/${id}`);
      if (id !== this.#store.s.conversationId) return;
      this.#agentName = c.agentName;
      this.#rating = c.rating;
      this.#read(c.agentReadUpTo);
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
    const last = this.#messages[this.#messages.length - 1];
    if (!last) return this.#refresh();
    const { items } = await this.#api<{ items: Msg[] }>('GET', `conversations/${this.#store.s.conversationId}/messages?after=${last.id}`);
    this.#merge(items);
  }

  #connect(): void {
    const s = this.#store.s;
    this.#live?.stop();
    const url = new URL('api/v1/public/chat/live', this.#o.base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let first = true;
    this.#live = new Live(url.href, s.conversationId!, s.token!, {
      ready: () => {
        this.#connected = true;
        this.#lost = false;
        this.#renderBanner();
        // what came while there was no connection; after a drop also the status, read marks and who serves
        const again = !first;
        first = false;
        this.#catchUp().then(() => (again ? this.#refresh() : undefined)).catch(() => {});
        this.#flush();
      },
      down: () => {
        this.#connected = false;
        this.#lost = true;
        this.#renderBanner();
      },
      gone: () => this.#forget(),
      push: (p) => this.#onPush(p),
    });
  }

  #onPush(p: Push): void {
    if (p.type === 'chat.message' && p.message) {
      const m = p.message as Msg;
      if (m.author === 'agent') this.#agentTyping = 0;
      this.#merge([m]);
    } else if (p.type === 'chat.typing' && p.who === 'agent') {
      this.#agentTyping = Date.now();
      this.#renderTyping();
      setTimeout(() => this.#renderTyping(), 5000);
    } else if (p.type === 'chat.read' && p.at) {
      this.#read(p.at);
      this.#renderLog();
    } else if (p.type === 'chat.status' && p.status) {
      this.#setStatus(p.status as Status);
      // taken, transferred, resolved: who serves it now
      this.#refresh().catch(() => {});
    }
  }

  /** the visitor's messages up to this time have been read by an agent */
  #read(at: string | null | undefined): void {
    if (at && at > this.#readUpTo) this.#readUpTo = at;
  }

  #merge(items: Msg[]): void {
    let added = false;
    for (const m of items) {
      if (this.#messages.some((x) => x.id === m.id)) continue;
      this.#messages.push(m);
      added = true;
      if (m.author === 'agent') {
        this.#agentName = m.authorName ?? this.#agentName;
        // an agent who answers has read what came before (the server records it so)
        this.#read(m.createdAt);
      }
    }
    if (!added) return;
    this.#messages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
    this.#live?.stop();
    this.#live = null;
    this.#connected = false;
    this.#lost = false;
    this.#store.set({ conversationId: undefined, token: undefined, seen: undefined });
    this.#messages = [];
    this.#status = null;
    this.#agentName = null;
    this.#readUpTo = '';
    this.#rating = null;
    this.#ending = false;
    this.#show(this.#firstView());
  }

  // ---------- sending ----------

  #sendTyped(): void {
    const body = this.#input.value.trim();
    if (!body) return;
    this.#input.value = '';
    this.#sendBtn.disabled = true;
    this.#grow();
    this.#error = '';
    this.#store.push({ clientId: clientId(), body });
    this.#renderBanner();
    this.#renderLog(true);
    this.#flush();
    this.#input.focus();
  }

  #typed(): void {
    this.#grow();
    this.#sendBtn.disabled = !this.#input.value.trim();
    // the agent sees "typing…": at most one signal every 3 s
    if (this.#input.value.trim() && Date.now() - this.#typingSent > 3000 && this.#live?.ready) {
      this.#typingSent = Date.now();
      this.#live.send({ type: 'typing' });
    }
  }

  #grow(): void {
    this.#input.style.height = 'auto';
    this.#input.style.height = `${Math.min(this.#input.scrollHeight + 2, 96)}px`;
  }

  /** sends what waits in the outbox, oldest first, one at a time; stops at the first network failure and tries again later */
  async #flush(): Promise<void> {
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
            this.#forget(); // gone: the next turn starts a new conversation with it
          } else if (status === 422 && !this.#store.s.conversationId) {
            // the channel now asks for more before a chat starts: the form again, the message waits
            this.#store.set({ pre: undefined });
            this.#loadChannel(); // its form as it is now
            return;
          } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
            this.#store.drop(item.clientId);
            this.#error = this.#t.failed + (e as Error).message;
            this.#renderLog();
          } else {
            this.#retryTimer = window.setTimeout(() => this.#flush(), Math.min(30_000, 1000 * 2 ** this.#retries++));
            return;
          }
        }
      }
    } finally {
      this.#flushing = false;
      this.#renderBanner();
    }
  }

  async #deliver(item: Pending): Promise<void> {
    const s = this.#store.s;
    if (s.conversationId) {
      const m = await this.#api<Msg>('POST', `conversations/${s.conversationId}/messages`, { body: item.body, clientId: item.clientId });
      this.#merge([m]);
      this.#store.drop(item.clientId);
      return;
    }
    // the first message opens the conversation, with the pre-chat answers
    const pre: PreChat = s.pre ?? {};
    const started = await this.#api<{ conversationId: string; visitorToken: string }>('POST', 'conversations', {
      channel: this.#o.channel, ...pre, message: item.body, clientId: item.clientId,
    }, false);
    this.#store.set({ conversationId: started.conversationId, token: started.visitorToken });
    this.#connect();
    await this.#refresh().catch(() => {});
    this.#store.drop(item.clientId);
    this.#renderLog();
  }

  /** the visitor has seen the agent's messages: the badge clears and the agent learns it */
  #markSeen(): void {
    const last = this.#messages[this.#messages.length - 1];
    const s = this.#store.s;
    let unseen = this.#messages.filter((m) => m.author !== 'visitor' && (!s.seen || m.id > s.seen)).length;
    if (this.#isOpen && document.visibilityState === 'visible' && last) {
      if (unseen && s.conversationId) this.#api('POST', `conversations/${s.conversationId}/read`).catch(() => {});
      if (last.id !== s.seen) this.#store.set({ seen: last.id });
      unseen = 0;
    }
    this.#badge.hidden = !unseen;
    this.#badge.textContent = unseen > 99 ? '99+' : String(unseen);
    this.#launcher.setAttribute('aria-label', unseen ? `${this.#t.open} (${fill(this.#t.unread, { n: unseen })})` : this.#t.open);
  }

  // ---------- opening, ending ----------

  toggle(open = !this.#isOpen, focus = true): void {
    this.#isOpen = open;
    this.#store.opened = open;
    this.#panel.hidden = !open;
    this.#wrap.classList.toggle('open', open);
    this.#launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      if (!this.#channel) this.#loadChannel();
      this.#render();
      this.#renderLog(true);
      this.#markSeen();
      if (focus) this.#focusView();
    } else {
      this.#markSeen();
      if (focus) this.#launcher.focus();
    }
  }

  #end(): void {
    this.#ending = true;
    this.#show('rate');
  }

  #show(view: View): void {
    this.#view = view;
    this.#render();
    if (this.#isOpen) this.#focusView();
  }

  #focusView(): void {
    const el = this.#view === 'chat' ? this.#input : this.#main.querySelector<HTMLElement>('input,select,button');
    el?.focus();
  }

  // ---------- drawing ----------

  #render(): void {
    this.#renderHead();
    this.#renderBanner();
    const views = { pre: () => this.#preForm(), chat: () => this.#chatView(), rate: () => this.#rateForm(), thanks: () => this.#thanksView() };
    this.#main.replaceChildren(...views[this.#view]());
    if (this.#view === 'chat') this.#renderLog(true);
  }

  #renderHead(): void {
    const t = this.#t;
    const online = !!this.#channel?.online;
    this.#title.textContent = this.#channel?.name || t.title;
    this.#sub.replaceChildren(h('span', { class: online || this.#agentName ? 'dot' : 'dot off' }),
      this.#agentName ? fill(t.serving, { name: this.#agentName }) : online ? t.online : t.away);
    this.#endBtn.hidden = this.#view !== 'chat' || !this.#store.s.conversationId;
  }

  #renderBanner(): void {
    const text = this.#error || (!navigator.onLine ? this.#t.offline : this.#lost ? this.#t.reconnecting : '');
    this.#banner.textContent = text;
    this.#banner.className = this.#error ? 'banner err' : 'banner';
    this.#banner.hidden = !text;
  }

  #chatView(): Node[] {
    this.#sendBtn.disabled = !this.#input.value.trim();
    return [this.#log, this.#typingLine, this.#foot];
  }

  #renderLog(toBottom = false): void {
    if (this.#view !== 'chat') return;
    const t = this.#t;
    const log = this.#log;
    const atBottom = toBottom || log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    const stored = new Set(this.#messages.map((m) => m.clientId).filter(Boolean));
    const rows: Node[] = [];
    const sys = (text: string) => h('div', { class: 'sys' }, text);
    if (!this.#store.s.conversationId) {
      const ch = this.#channel;
      rows.push(sys(ch && !ch.online ? t.leaveMessage : ch?.settings.greeting || t.welcome));
    }
    let prev: Msg | undefined;
    for (const m of this.#messages) {
      // an agent's name heads each run of their messages
      const named = prev?.author !== 'agent' || prev.authorName !== m.authorName;
      prev = m;
      if (m.author === 'system') rows.push(sys(m.body));
      else if (m.author === 'agent') rows.push(h('div', { class: 'm a' }, named && h('div', { class: 'name' }, m.authorName || t.agent), h('div', { class: 'b', title: time(m.createdAt) }, m.body)));
      else rows.push(h('div', { class: 'm v' }, h('div', { class: 'b', title: time(m.createdAt) }, m.body), this.#readUpTo >= m.createdAt && h('div', { class: 'st' }, t.read)));
    }
    for (const p of this.#store.s.outbox) {
      if (!stored.has(p.clientId)) rows.push(h('div', { class: 'm v p' }, h('div', { class: 'b' }, p.body), h('div', { class: 'st' }, t.sending)));
    }
    if (this.#status === 'resolved' && this.#store.s.conversationId) rows.push(sys(t.ended));
    log.replaceChildren(...rows);
    if (atBottom) log.scrollTop = log.scrollHeight;
    this.#renderBanner();
    this.#renderTyping();
  }

  #renderTyping(): void {
    this.#typingLine.textContent = Date.now() - this.#agentTyping < 5000 ? this.#t.typing : '';
  }

  #preForm(): Node[] {
    const t = this.#t;
    const p = this.#channel!.settings.preChat;
    const pre = this.#store.s.pre ?? {};
    const checks: (() => HTMLElement | null)[] = [];
    const field = (id: string, label: string, control: HTMLInputElement | HTMLSelectElement, required: boolean, valid: (v: string) => string) => {
      const err = h('div', { class: 'e', id: `${id}-e` });
      control.id = id;
      control.setAttribute('aria-describedby', err.id);
      if (required) control.setAttribute('aria-required', 'true');
      const check = () => {
        const v = control.value.trim();
        const problem = !v ? (required ? t.required : '') : valid(v);
        err.textContent = problem;
        control.setAttribute('aria-invalid', String(!!problem));
        return problem ? control : null;
      };
      checks.push(check);
      // once flagged, the message goes as soon as the value is right
      control.addEventListener('input', () => control.getAttribute('aria-invalid') === 'true' && check());
      return h('div', { class: 'f' }, h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, '*') : t.optional), control, err);
    };
    const name = h('input', { type: 'text', maxlength: 64, autocomplete: 'name', value: pre.name ?? '' });
    const contact = h('input', { type: 'text', maxlength: 200, autocomplete: 'tel', value: pre.phone ?? pre.email ?? '' });
    const topic = h('select', {}, h('option', { value: '' }, t.choose), ...Object.entries(t.topics).map(([k, v]) => h('option', { value: k, selected: pre.topic === k }, v)));
    const form = h('form', { class: 'form', novalidate: true },
      h('p', {}, t.preTitle),
      field('k-name', t.name, name, p.requireName, () => ''),
      field('k-contact', t.contact, contact, p.requireContact, (v) => (v.includes('@') ? EMAIL.test(v) : PHONE.test(v)) ? '' : t.badContact),
      p.askTopic && field('k-topic', t.topic, topic, false, () => ''),
      h('button', { class: 'primary', type: 'submit' }, t.start));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const bad = checks.map((c) => c()).find(Boolean);
      if (bad) return bad.focus();
      const c = contact.value.trim();
      const answers: PreChat = { name: name.value.trim() || undefined, topic: (p.askTopic && topic.value) || undefined };
      if (c) answers[c.includes('@') ? 'email' : 'phone'] = c;
      this.#store.set({ pre: answers });
      this.#error = '';
      this.#show('chat');
      this.#flush();
    });
    return [form];
  }

  #rateForm(): Node[] {
    const t = this.#t;
    let value = 0;
    const label = h('div', { class: 'rl', 'aria-live': 'polite' });
    const submit = h('button', { class: 'primary', type: 'submit', disabled: true }, t.submit);
    const stars = [1, 2, 3, 4, 5].map((n) => {
      const input = h('input', { type: 'radio', name: 'k-rating', value: n, 'aria-label': `${fill(t.star, { n })} ${t.stars[n - 1]}` });
      input.addEventListener('change', () => {
        value = n;
        stars.forEach((s, i) => s.classList.toggle('on', i < n));
        label.textContent = t.stars[n - 1];
        submit.disabled = false;
      });
      return h('label', { class: 'star' }, input, icon(STAR, 40));
    });
    const comment = h('textarea', { rows: 3, maxlength: 500, 'aria-label': t.comment, placeholder: t.comment });
    const form = h('form', { class: 'form' },
      h('fieldset', {}, h('legend', {}, t.rateTitle), h('div', { class: 'stars' }, ...stars)),
      label, comment, submit,
      h('button', { class: 'link', type: 'button', onclick: () => this.#rated() }, t.skip),
      this.#ending && h('button', { class: 'link', type: 'button', onclick: () => { this.#ending = false; this.#show('chat'); } }, t.back));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!value) return;
      submit.disabled = true;
      try {
        await this.#api('POST', `conversations/${this.#store.s.conversationId}/rating`, { rating: value, comment: comment.value.trim() || undefined });
        this.#rating = value;
        this.#show('thanks');
      } catch (err) {
        this.#error = this.#t.failed + (err as Error).message;
        this.#renderBanner();
        submit.disabled = false;
      }
    });
    return [form];
  }

  /** skipped: an ended chat is over, a resolved one stays readable */
  #rated(): void {
    if (this.#ending) this.#forget();
    else this.#show('chat');
  }

  #thanksView(): Node[] {
    return [h('div', { class: 'done' }, h('div', { role: 'status' }, this.#t.thanks),
      h('button', { class: 'primary', type: 'button', onclick: () => this.#rated() }, this.#ending ? this.#t.newChat : this.#t.back))];
  }
}

function time(iso: string): string {
  const d = new Date(iso);
  return isNaN(d.getTime()) ? '' : d.toLocaleString();
}
