import { h, icon, SEND } from '../dom.ts';
import type { Strings } from '../i18n.ts';

// Where the visitor types: a textarea that grows to four lines and a send
// button. Enter sends, Shift+Enter is a new line.

export interface ComposerEvents {
  send(body: string): void;
  /** the visitor is typing something (the widget throttles the signal to the agent) */
  typing(): void;
}

export class Composer {
  readonly el: HTMLDivElement;
  readonly input: HTMLTextAreaElement;
  #sendBtn: HTMLButtonElement;
  #onSend: (body: string) => void;

  constructor(t: Strings, on: ComposerEvents) {
    this.#onSend = on.send;
    this.input = h('textarea', { rows: 1, maxlength: 5000, placeholder: t.placeholder, 'aria-label': t.message, enterkeyhint: 'send' });
    this.#sendBtn = h('button', { class: 'send', type: 'button', 'aria-label': t.send, title: t.send, onclick: () => this.#send() }, icon(SEND, 20));
    this.el = h('div', { class: 'foot' }, this.input, this.#sendBtn);
    this.input.addEventListener('keydown', (e) => {
      // Enter sends; not while an input method is still composing (拼音 candidates)
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        this.#send();
      }
    });
    this.input.addEventListener('input', () => {
      this.#grow();
      this.refresh();
      if (this.input.value.trim()) on.typing();
    });
  }

  /** the send button is live only with something to send */
  refresh(): void {
    this.#sendBtn.disabled = !this.input.value.trim();
  }

  #send(): void {
    const body = this.input.value.trim();
    if (!body) return;
    this.input.value = '';
    this.#sendBtn.disabled = true;
    this.#grow();
    this.#onSend(body);
    this.input.focus();
  }

  #grow(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 96)}px`;
  }
}
