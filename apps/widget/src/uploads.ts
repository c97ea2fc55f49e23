import { HttpError, type ChatApi } from './api.ts';
import type { Attachment } from './store.ts';
import { randomId } from './ids.ts';

// Images and files the visitor picks or pastes, on their way to the server.
// Each is checked against the channel's limits first (type, size), uploaded
// with the visitor token showing its progress, and once stored becomes a
// message in the outbox. A file is only in memory (a page reload forgets an
// upload that had not finished); a network failure leaves it with 重试.

export interface Upload {
  clientId: string;
  file: File;
  /** a local picture of an image while it uploads */
  preview?: string;
  failed: boolean;
  /** drawn by the message log, moved as the bytes go out */
  bar?: HTMLProgressElement;
}

export interface UploadEvents {
  /** stored by the server: now a message to send */
  uploaded(u: Upload, file: Attachment): void;
  /** refused (type, size, or by the server): the reason in the visitor's language */
  refused(message: string): void;
  /** the conversation is gone */
  gone(): void;
  changed(): void;
}

export const DEFAULT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];

export class Uploads {
  items: Upload[] = [];
  #api: ChatApi;
  #conversation: () => string | undefined;
  #on: UploadEvents;

  constructor(api: ChatApi, conversation: () => string | undefined, on: UploadEvents) {
    this.#api = api;
    this.#conversation = conversation;
    this.#on = on;
  }

  /** answers what is wrong with the first file refused ('' when all are on their way) */
  add(files: File[], limits: { maxBytes: number; types: string[] }, words: { tooLarge: string; badType: string }): string {
    let problem = '';
    for (const file of files) {
      if (!limits.types.includes(file.type)) problem ||= words.badType;
      else if (file.size > limits.maxBytes) problem ||= words.tooLarge;
      else {
        const u: Upload = { clientId: randomId(), file, failed: false, preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined };
        this.items.push(u);
        this.#send(u);
      }
    }
    this.#on.changed();
    return problem;
  }

  retry(u: Upload): void {
    u.failed = false;
    this.#on.changed();
    this.#send(u);
  }

  remove(u: Upload): void {
    this.items = this.items.filter((x) => x !== u);
    if (u.preview) URL.revokeObjectURL(u.preview);
    this.#on.changed();
  }

  async #send(u: Upload): Promise<void> {
    const id = this.#conversation();
    if (!id) return;
    try {
      const file = await this.#api.upload(id, u.file, (done) => {
        if (u.bar) u.bar.value = done;
      });
      this.remove(u);
      this.#on.uploaded(u, file);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 0;
      if (status === 404) {
        this.remove(u);
        this.#on.gone();
      } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        this.remove(u);
        this.#on.refused((e as Error).message);
      } else {
        u.failed = true;
        this.#on.changed();
      }
    }
  }
}
