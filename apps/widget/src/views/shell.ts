import { CHAT, DOWN, h, icon } from '../dom.ts';
import { css } from '../styles.ts';
import type { Strings } from '../i18n.ts';

// The frame around everything: the launcher button with its unread badge and
// the panel (head with the title, who serves, 结束会话 and close; a status
// banner; the main area the views fill), in a Shadow DOM of its own.

export interface ShellEvents {
  toggle(open?: boolean): void;
  end(): void;
}

export class Shell {
  readonly host = document.createElement('kefu-chat');
  readonly launcher: HTMLButtonElement;
  readonly main = h('div', { class: 'main' });
  #wrap: HTMLDivElement;
  #badge = h('span', { class: 'badge', hidden: true });
  #panel: HTMLDivElement;
  #title = h('div', { class: 'title', id: 'k-title' });
  #sub = h('div', { class: 'sub' });
  #endBtn: HTMLButtonElement;
  #banner = h('div', { class: 'banner', role: 'status', hidden: true });

  constructor(t: Strings, color: string, on: ShellEvents) {
    this.launcher = h('button', { class: 'launch', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false', onclick: () => on.toggle() }, icon(CHAT, 28, 'c'), icon(DOWN, 30, 'x'), this.#badge);
    this.#endBtn = h('button', { class: 'hb', type: 'button', onclick: () => on.end() }, t.end);
    this.#panel = h('div', { class: 'panel', role: 'dialog', 'aria-labelledby': 'k-title', hidden: true },
      h('div', { class: 'head' },
        h('div', { class: 'who' }, this.#title, this.#sub),
        this.#endBtn,
        h('button', { class: 'hb', type: 'button', 'aria-label': t.close, title: t.close, onclick: () => on.toggle(false) }, icon(DOWN))),
      this.#banner, this.main);
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        on.toggle(false);
      }
    });
    this.#wrap = h('div', { class: 'k' }, this.#panel, this.launcher);
    this.#wrap.style.setProperty('--c', color);
  }

  /** into the page, hidden until the channel is known */
  mount(): void {
    // the page's CSS must not reach the host element either
    for (const [k, v] of [['all', 'initial'], ['display', 'none'], ['position', 'static']]) this.host.style.setProperty(k, v, 'important');
    const root = this.host.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      // a constructed sheet also works under a page CSP without 'unsafe-inline' styles
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h('style', {}, css));
    }
    root.append(this.#wrap);
    document.body.append(this.host);
  }

  reveal(): void {
    this.host.style.setProperty('display', 'block', 'important');
  }

  setOpen(open: boolean): void {
    this.#panel.hidden = !open;
    this.#wrap.classList.toggle('open', open);
    this.launcher.setAttribute('aria-expanded', String(open));
  }

  head(title: string, lit: boolean, line: string, canEnd: boolean): void {
    this.#title.textContent = title;
    this.#sub.replaceChildren(h('span', { class: lit ? 'dot' : 'dot off' }), line);
    this.#endBtn.hidden = !canEnd;
  }

  banner(text: string, error: boolean): void {
    this.#banner.textContent = text;
    this.#banner.className = error ? 'banner err' : 'banner';
    this.#banner.hidden = !text;
  }

  unread(n: number, label: string): void {
    this.#badge.hidden = !n;
    this.#badge.textContent = n > 99 ? '99+' : String(n);
    this.launcher.setAttribute('aria-label', label);
  }
}
