import type { VisitorMessage } from '@kefu/shared/conversations-api';
import type { Attachment, PreChat } from './store.ts';

// The public chat API (/api/v1/public/chat/…) as the widget calls it: no
// cookies, the visitor token as a Bearer header, errors as HttpError with the
// server's message in the visitor's language.

export type Msg = VisitorMessage;
export type Status = 'open' | 'pending' | 'resolved';
export interface Channel {
  name: string;
  online: boolean;
  uploads?: { maxBytes: number; types: string[] };
  settings: { preChat: { enabled: boolean; requireName: boolean; requireContact: boolean; askTopic: boolean }; greeting: string; autoReply: string; ratingScale?: number };
}
export interface Conversation {
  status: Status;
  agentName: string | null;
  agentReadUpTo: string | null;
  rating: number | null;
  messages: Msg[];
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export class ChatApi {
  #base: string;
  #locale: string;
  #token: () => string | undefined;

  constructor(base: string, locale: string, token: () => string | undefined) {
    this.#base = base;
    this.#locale = locale;
    this.#token = token;
  }

  async #call<T>(method: string, path: string, body?: object, auth = true): Promise<T> {
    const token = auth ? this.#token() : undefined;
    const headers: Record<string, string> = { 'accept-language': this.#locale };
    if (body) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(new URL(`api/v1/public/chat/${path}`, this.#base), { method, headers, body: body && JSON.stringify(body), credentials: 'omit' });
    if (!res.ok) {
      const e = await res.json().catch(() => null);
      throw new HttpError(res.status, e?.error?.message ?? String(res.status));
    }
    return (res.status === 204 ? null : res.json()) as T;
  }

  channel(key: string): Promise<Channel> {
    return this.#call('GET', `channels/${encodeURIComponent(key)}`, undefined, false);
  }

  conversation(id: string): Promise<Conversation> {
    return this.#call('GET', `conversations/${id}`);
  }

  messagesAfter(id: string, after: string): Promise<{ items: Msg[] }> {
    return this.#call('GET', `conversations/${id}/messages?after=${after}`);
  }

  /** the first message opens the conversation, with the pre-chat answers */
  start(channel: string, pre: PreChat, message: string, clientId: string): Promise<{ conversationId: string; visitorToken: string }> {
    return this.#call('POST', 'conversations', { channel, ...pre, message, clientId }, false);
  }

  send(id: string, body: string, clientId: string, files: Attachment[] = []): Promise<Msg> {
    return this.#call('POST', `conversations/${id}/messages`, { body, clientId, attachmentIds: files.map((f) => f.id) });
  }

  /** the raw bytes with the file's type; XMLHttpRequest because fetch cannot tell how far an upload is */
  upload(id: string, file: File, progress: (done: number) => void): Promise<Attachment> {
    return new Promise((resolve, reject) => {
      const x = new XMLHttpRequest();
      x.open('POST', new URL(`api/v1/public/chat/conversations/${id}/attachments?name=${encodeURIComponent(file.name || 'image.png')}`, this.#base));
      x.setRequestHeader('content-type', file.type);
      x.setRequestHeader('accept-language', this.#locale);
      x.setRequestHeader('authorization', `Bearer ${this.#token()}`);
      x.upload.onprogress = (e) => e.lengthComputable && progress(e.loaded / e.total);
      x.onload = () => {
        let body: { error?: { message?: string } } | null = null;
        try {
          body = JSON.parse(x.responseText);
        } catch {
          // not JSON: a proxy's page
        }
        if (x.status === 201) resolve(body as Attachment);
        else reject(new HttpError(x.status, body?.error?.message ?? String(x.status)));
      };
      x.onerror = () => reject(new HttpError(0, 'network'));
      x.send(file);
    });
  }

  /** a file of the conversation as a local URL (an <img> cannot send the token) */
  async fileUrl(id: string, fileId: string): Promise<string> {
    const res = await fetch(new URL(`api/v1/public/chat/conversations/${id}/attachments/${fileId}`, this.#base), {
      headers: { authorization: `Bearer ${this.#token()}` }, credentials: 'omit',
    });
    if (!res.ok) throw new HttpError(res.status, String(res.status));
    return URL.createObjectURL(await res.blob());
  }

  /** the visitor ends the chat (结束会话) */
  end(id: string): Promise<void> {
    return this.#call('POST', `conversations/${id}/end`);
  }

  read(id: string): Promise<void> {
    return this.#call('POST', `conversations/${id}/read`);
  }

  rate(id: string, rating: number, comment: string | undefined): Promise<void> {
    return this.#call('POST', `conversations/${id}/rating`, { rating, comment });
  }
}
