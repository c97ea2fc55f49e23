import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/types.ts';
import {
  EMPTY_FEED,
  backoffDelay,
  freshUrgent,
  realtimeUrl,
  withAllRead,
  withFirstPage,
  withNextPage,
  withPushed,
  withRead,
} from './feed.ts';

const n = (id: string, minute: number, extra: Partial<AppNotification> = {}): AppNotification => ({
  id,
  kind: 'ticket.routed',
  title: id,
  body: '',
  ticketId: null,
  urgent: false,
  createdAt: `2026-11-27T08:${String(minute).padStart(2, '0')}:00.000Z`,
  readAt: null,
  link: null,
  ...extra,
});

describe('notification feed', () => {
  it('keeps newest first, pushes once, counts unread', () => {
    let s = withFirstPage(EMPTY_FEED, { items: [n('b', 2), n('a', 1)], nextCursor: null, unread: 2 });
    const pushed = withPushed(s, n('c', 3, { urgent: true }));
    expect(pushed.isNew).toBe(true);
    s = pushed.state;
    expect(s.items.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(s.unread).toBe(3);
    expect(withPushed(s, n('c', 3)).isNew).toBe(false);
    s = withRead(s, 'b', '2026-11-27T09:00:00Z');
    expect(s.unread).toBe(2);
    expect(withRead(s, 'b', 'later')).toBe(s);
    s = withAllRead(s, '2026-11-27T09:01:00Z');
    expect(s.unread).toBe(0);
    expect(s.items.every((x) => x.readAt)).toBe(true);
  });

  it('a fresh first page keeps older pages loaded by "more"', () => {
    let s = withFirstPage(EMPTY_FEED, { items: [n('d', 4), n('c', 3)], nextCursor: 'c1', unread: 0 });
    s = withNextPage(s, { items: [n('b', 2), n('a', 1)], nextCursor: null, unread: 0 });
    s = withFirstPage(s, { items: [n('e', 5), n('d', 4)], nextCursor: 'c2', unread: 1 });
    expect(s.items.map((x) => x.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(s.nextCursor).toBeNull();
    expect(s.unread).toBe(1);
  });

  it('toasts only unread urgent ones not seen before', () => {
    const known = new Set(['a']);
    expect(freshUrgent(known, [n('a', 1, { urgent: true }), n('b', 2, { urgent: true }), n('c', 3), n('d', 4, { urgent: true, readAt: 'x' })]).map((x) => x.id)).toEqual(['b']);
  });

  it('reconnects with growing waits up to 30 s', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(0, () => 0)).toBe(800);
  });

  it('uses the page origin for the socket', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'kefu.example.cn' })).toBe('wss://kefu.example.cn/api/v1/realtime');
    expect(realtimeUrl({ protocol: 'http:', host: 'localhost:3400' })).toBe('ws://localhost:3400/api/v1/realtime');
  });
});
