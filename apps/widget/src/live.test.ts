import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Live, type LiveEvents } from './live.ts';

// The widget's live connection against a stand-in WebSocket, on vitest's
// clock: it answers the server's pings, and a connection that goes silent is
// given up and opened again without waiting for a close that never comes.

class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true; // a dead connection: the close event never arrives
  }
  /** the server says something */
  say(p: object) {
    this.onmessage?.({ data: JSON.stringify(p) });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('window', globalThis);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function connect() {
  const events = { ready: vi.fn(), push: vi.fn(), down: vi.fn(), gone: vi.fn() } satisfies LiveEvents;
  const live = new Live('ws://kefu.example/api/v1/public/chat/live', 'c-1', 'token-1', events);
  const ws = FakeSocket.all[0];
  ws.onopen?.();
  ws.say({ type: 'ready', conversationId: 'c-1', pingMs: 25_000 });
  return { live, events, ws };
}

describe('the live connection\'s heartbeat', () => {
  it('proves the visitor first, then answers each ping', () => {
    const { ws, events } = connect();
    expect(JSON.parse(ws.sent[0])).toEqual({ type: 'auth', conversationId: 'c-1', token: 'token-1' });
    expect(events.ready).toHaveBeenCalledTimes(1);
    ws.say({ type: 'ping' });
    expect(ws.sent.at(-1)).toBe('{"type":"pong"}');
    expect(events.push).not.toHaveBeenCalled();
  });

  it('stays while pings keep coming, and reconnects after two and a half pings of silence', () => {
    const { ws, events, live } = connect();
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(25_000);
      ws.say({ type: 'ping' });
    }
    expect(events.down).not.toHaveBeenCalled();
    expect(live.ready).toBe(true);

    // the network went away without a close: nothing more arrives
    vi.advanceTimersByTime(62_500 + 12_500);
    expect(events.down).toHaveBeenCalledTimes(1);
    expect(ws.closed).toBe(true);
    expect(live.ready).toBe(false);
    // a new connection after the first backoff (1 s ± a quarter), which proves the visitor again
    vi.advanceTimersByTime(1_250);
    expect(FakeSocket.all).toHaveLength(2);
    const again = FakeSocket.all[1];
    again.onopen?.();
    expect(JSON.parse(again.sent[0]).type).toBe('auth');
    again.say({ type: 'ready', conversationId: 'c-1', pingMs: 25_000 });
    expect(events.ready).toHaveBeenCalledTimes(2);
    // the old socket's late close changes nothing
    ws.onclose?.({ code: 1006 });
    expect(events.down).toHaveBeenCalledTimes(1);
    live.stop();
  });
});
