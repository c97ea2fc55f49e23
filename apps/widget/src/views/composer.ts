import { CLIP, h, icon, SEND } from '../dom.ts';
import type { Strings } from '../i18n.ts';

// Where the visitor types: a textarea that grows to four lines and a send
// button. Enter sends, Shift+Enter is a new line.

export interface ComposerEvents {
  send(body: string): void;
  /** the visitor is typing something (the widget throttles the signal to the agent) */
  typing(): void;
  /** images or files picked or pasted */
  files(files: File[]): void;
}

export class Composer {
  readonly el: HTMLDivElement;
  readonly input: HTMLTextAreaElement;
  #sendBtn: HTMLButtonElement;
  #attachBtn: HTMLButtonElement;
  #picker: HTMLInputElement;
  #onSend: (body: string) => void;

  constructor(t: Strings, on: ComposerEvents) {
    this.#onSend = on.send;
    this.input = h('textarea', { rows: 1, maxlength: 5000, placeholder: t.placeholder, 'aria-label': t.message, enterkeyhint: 'send' });
    this.#sendBtn = h('button', { class: 'send', type: 'button', 'aria-label': t.send, title: t.send, onclick: () => this.#send() }, icon(SEND, 20));
    this.#picker = h('input', { type: 'file', multiple: true, hidden: true, tabindex: -1 });
    this.#picker.addEventListener('change', () => {
      const files = [...(this.#picker.files ?? [])];
      this.#picker.value = ''; // the same file may be picked again
      if (files.length) on.files(files);
    });
    this.#attachBtn = h('button', { class: 'att', type: 'button', 'aria-label': t.attach, title: t.attach, hidden: true, onclick: () => this.#picker.click() }, icon(CLIP, 22));
    this.el = h('div', { class: 'foot' }, this.#attachBtn, this.#picker, this.input, this.#sendBtn);
    // a screenshot pasted into the box is sent like a picked file
    this.input.addEventListener('paste', (e) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (!files.length || this.#attachBtn.hidden) return;
      e.preventDefault();
      on.files(files);
    });
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

  /** files go into a conversation, so only once it has started; `accept` narrows the picker to what the channel takes */
  canAttach(yes: boolean, accept: string[]): void {
    this.#attachBtn.hidden = !yes;
    this.#picker.accept = accept.join(',');
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
