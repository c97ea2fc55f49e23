import type { Channel, Msg, Status } from '../api.ts';
import { h, time } from '../dom.ts';
import type { Strings } from '../i18n.ts';
import type { Attachment, Pending } from '../store.ts';
import type { Upload } from '../uploads.ts';

// The conversation as the visitor reads it: the greeting (or the leave-a-
// message note) before the first message, messages by side with the agent's
// name heading each run of theirs, 已读 under what an agent has read, what
// still waits in the outbox as 发送中, images and files on their way with
// their progress, and the line that says it ended. Images are fetched with
// the visitor token and shown from a local URL; a click opens the full size.

export interface FileLinks {
  /** a local URL of a stored file (fetched once) */
  url(fileId: string): Promise<string>;
  retry(u: Upload): void;
  remove(u: Upload): void;
}

export interface LogState {
  channel: Channel | null;
  started: boolean;
  messages: Msg[];
  outbox: Pending[];
  uploads: Upload[];
  readUpTo: string;
  status: Status | null;
}

export class MessageLog {
  readonly log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  readonly typingLine = h('div', { class: 'typing', 'aria-live': 'polite' });

  #t: Strings;

  #files: FileLinks;

  constructor(t: Strings, files: FileLinks) {
    this.#t = t;
    this.#files = files;
  }

  /** an image as a thumbnail, another file as a link with its name; both open once fetched */
  #attachments(files: Attachment[] | undefined): Node | false {
    if (!files?.length) return false;
    return h('div', { class: 'files' }, ...files.map((f) => {
      const image = f.contentType.startsWith('image/');
      const a = h('a', { target: '_blank', rel: 'noopener', download: image ? false : f.fileName, class: image ? '' : 'file' },
        image ? h('img', { class: 'thumb', alt: f.fileName || this.#t.image }) : `📎 ${f.fileName}`);
      this.#files.url(f.id).then((url) => {
        a.href = url;
        const img = a.querySelector('img');
        if (img) img.src = url;
      }, () => {});
      return a;
    }));
  }

  #upload(u: Upload): Node {
    const t = this.#t;
    u.bar = h('progress', { max: 1, value: 0, 'aria-label': t.uploading });
    return h('div', { class: 'm v p' }, h('div', { class: 'up' },
      u.preview ? h('img', { class: 'thumb', src: u.preview, alt: u.file.name }) : h('div', { class: 'file' }, `📎 ${u.file.name}`),
      u.failed ? h('div', { class: 'st' }, t.uploadFailed, ' ',
        h('button', { class: 'link', type: 'button', onclick: () => this.#files.retry(u) }, t.retry),
        h('button', { class: 'link', type: 'button', onclick: () => this.#files.remove(u) }, t.remove)) : u.bar));
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
      else if (m.author === 'agent') rows.push(h('div', { class: 'm a' }, named && h('div', { class: 'name' }, m.authorName || t.agent), m.body && h('div', { class: 'b', title: time(m.createdAt) }, m.body), this.#attachments(m.attachments)));
      else rows.push(h('div', { class: 'm v' }, m.body && h('div', { class: 'b', title: time(m.createdAt) }, m.body), this.#attachments(m.attachments), s.readUpTo >= m.createdAt && h('div', { class: 'st' }, t.read)));
    }
    for (const p of s.outbox) {
      if (!stored.has(p.clientId)) rows.push(h('div', { class: 'm v p' }, p.body && h('div', { class: 'b' }, p.body), this.#attachments(p.files), h('div', { class: 'st' }, t.sending)));
    }
    for (const u of s.uploads) rows.push(this.#upload(u));
    if (s.status === 'resolved' && s.started) rows.push(sys(t.ended));
    log.replaceChildren(...rows);
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  typing(on: boolean): void {
    this.typingLine.textContent = on ? this.#t.typing : '';
  }
}
