import type { Channel, Msg, Status } from '../api.ts';
import { h, time } from '../dom.ts';
import type { Strings } from '../i18n.ts';
import type { Pending } from '../store.ts';

// The conversation as the visitor reads it: the greeting (or the leave-a-
// message note) before the first message, messages by side with the agent's
// name heading each run of theirs, 已读 under what an agent has read, what
// still waits in the outbox as 发送中, and the line that says it ended.

export interface LogState {
  channel: Channel | null;
  started: boolean;
  messages: Msg[];
  outbox: Pending[];
  readUpTo: string;
  status: Status | null;
}

export class MessageLog {
  readonly log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  readonly typingLine = h('div', { class: 'typing', 'aria-live': 'polite' });

  #t: Strings;

  constructor(t: Strings) {
    this.#t = t;
  }

  draw(s: LogState, toBottom: boolean): void {
    const t = this.#t;
    const log = this.log;
    const atBottom = toBottom || log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    const stored = new Set(s.messages.map((m) => m.clientId).filter(Boolean));
    const rows: Node[] = [];
    const sys = (text: string) => h('div', { class: 'sys' }, text);
    if (!s.started) {
      const ch = s.channel;
      rows.push(sys(ch && !ch.online ? t.leaveMessage : ch?.settings.greeting || t.welcome));
    }
    let prev: Msg | undefined;
    for (const m of s.messages) {
      // an agent's name heads each run of their messages
      const named = prev?.author !== 'agent' || prev.authorName !== m.authorName;
      prev = m;
      if (m.author === 'system') rows.push(sys(m.body));
      else if (m.author === 'agent') rows.push(h('div', { class: 'm a' }, named && h('div', { class: 'name' }, m.authorName || t.agent), h('div', { class: 'b', title: time(m.createdAt) }, m.body)));
      else rows.push(h('div', { class: 'm v' }, h('div', { class: 'b', title: time(m.createdAt) }, m.body), s.readUpTo >= m.createdAt && h('div', { class: 'st' }, t.read)));
    }
    for (const p of s.outbox) {
      if (!stored.has(p.clientId)) rows.push(h('div', { class: 'm v p' }, h('div', { class: 'b' }, p.body), h('div', { class: 'st' }, t.sending)));
    }
    if (s.status === 'resolved' && s.started) rows.push(sys(t.ended));
    log.replaceChildren(...rows);
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  typing(on: boolean): void {
    this.typingLine.textContent = on ? this.#t.typing : '';
  }
}
