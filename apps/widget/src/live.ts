// The widget's live connection (GET /api/v1/public/chat/live). A browser
// cannot set headers on a WebSocket, so the first message proves the visitor:
// {type:'auth', conversationId, token}; the server answers {type:'ready'}.
// A lost connection is opened again after 1, 2, 4 … 30 s (with jitter), or at
// once when the browser says it is back online; each 'ready' lets the widget
// catch up on what it missed. The server pings every pingMs (said in 'ready')
// and the widget answers; hearing nothing for two and a half pings means the
// connection died without a close (a phone's network changed, a proxy forgot
// it): it is given up and a new one opened.

export interface Push {
  type: string;
  message?: unknown;
  status?: string;
  at?: string;
  who?: string;
  code?: string;
  pingMs?: number;
}

export interface LiveEvents {
  ready(): void;
  push(p: Push): void;
  /** the connection dropped (a new one is scheduled) */
  down(): void;
  /** the server does not know the conversation or the token (4404): do not try again */
  gone(): void;
}

export class Live {
  #ws: WebSocket | null = null;
  #attempt = 0;
  #timer = 0;
  #stopped = false;
  #heard = 0;
  #watch = 0;
  ready = false;

  #url: string;
  #conversationId: string;
  #token: string;
  #on: LiveEvents;

  constructor(url: string, conversationId: string, token: string, on: LiveEvents) {
    this.#url = url;
    this.#conversationId = conversationId;
    this.#token = token;
    this.#on = on;
    this.#connect();
  }

  #connect(): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.#url);
    } catch {
      this.#retry();
      return;
    }
    this.#ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', conversationId: this.#conversationId, token: this.#token }));
    ws.onmessage = (e) => {
      this.#heard = Date.now();
      let p: Push;
      try {
        p = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (p.type === 'ping') {
        ws.send('{"type":"pong"}');
      } else if (p.type === 'ready') {
        this.#attempt = 0;
        this.ready = true;
        const pingMs = Number(p.pingMs) || 0;
        clearInterval(this.#watch);
        if (pingMs) {
          this.#watch = window.setInterval(() => {
            if (Date.now() - this.#heard > 2.5 * pingMs) this.#closed(ws, 0);
          }, pingMs / 2);
        }
        this.#on.ready();
      } else if (p.type !== 'error') {
        this.#on.push(p);
      }
    };
    ws.onclose = (e) => this.#closed(ws, e.code);
  }

  /** closed by the server or the network, or given up for silence (code 0) */
  #closed(ws: WebSocket, code: number): void {
    if (this.#ws !== ws) return;
    this.#ws = null;
    clearInterval(this.#watch);
    const was = this.ready;
    this.ready = false;
    if (code === 0) ws.close();
    if (code === 4404) {
      this.#stopped = true;
      this.#on.gone();
      return;
    }
    if (was) this.#on.down();
    this.#retry();
  }

  #retry(): void {
    if (this.#stopped) return;
    const delay = Math.min(30_000, 1000 * 2 ** this.#attempt++) * (0.75 + Math.random() / 2);
    this.#timer = window.setTimeout(() => this.#connect(), delay);
  }

  /** back online: try now instead of waiting for the next attempt */
  now(): void {
    if (this.#stopped || this.#ws) return;
    this.#attempt = 0;
    this.#connect();
  }

  send(p: object): void {
    if (this.ready && this.#ws) this.#ws.send(JSON.stringify(p));
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearInterval(this.#watch);
    const ws = this.#ws;
    this.#ws = null;
    this.ready = false;
    ws?.close();
  }
}
