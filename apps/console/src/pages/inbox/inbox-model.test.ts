import { describe, expect, it } from 'vitest';
import type { ConversationListItem, ConversationMessage } from '@kefu/shared/conversations-api';
import {
  appendPage,
  aroundNumber,
  canReply,
  canTake,
  canTransfer,
  dayLabel,
  enterSends,
  mergeMessages,
  messageRows,
  queueCount,
  queueQuery,
  relativeTime,
  statusActions,
  typingDue,
  visitorName,
} from './inbox-model.ts';

// ordered ids, as the server makes them (time first)
const msg = (n: number, at: string, extra: Partial<ConversationMessage> = {}): ConversationMessage => ({
  id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  author: 'visitor',
  authorId: null,
  authorName: null,
  body: `m${n}`,
  attachments: [],
  internal: false,
  clientId: null,
  ticketId: null,
  ticketNumber: null,
  createdAt: at,
  ...extra,
});
const ME = '0190a000-0000-7000-8000-00000000aaaa';
const OTHER = '0190a000-0000-7000-8000-00000000bbbb';

describe('queues', () => {
  it('ask the list for what their counters count', () => {
    expect(queueQuery('mine', undefined)).toEqual({ assignee: 'me', status: 'open,pending', q: undefined });
    expect(queueQuery('queue', '  朝阳 ')).toEqual({ assignee: 'none', status: 'open,pending', q: '朝阳' });
    expect(queueQuery('all', '')).toEqual({ status: 'open,pending', q: undefined });
    expect(queueQuery('resolved', undefined)).toEqual({ status: 'resolved', q: undefined });
    const counts = { mine: 2, queue: 3, open: 6, pending: 1, unread: 4, unanswered: 5, overdue: 1 };
    expect([queueCount('mine', counts), queueCount('queue', counts), queueCount('all', counts), queueCount('resolved', counts)]).toEqual([2, 3, 7, null]);
    // the morning check (CHN-11): what nobody has answered, who waited longest first
    expect(queueQuery('unanswered', undefined)).toEqual({ unanswered: 'true', status: 'open,pending', sort: 'waiting', q: undefined });
    expect(queueCount('unanswered', counts)).toBe(counts.unanswered);
    expect(queueCount('mine', undefined)).toBeNull();
  });

  it('"load more" does not list a conversation twice when it moved up meanwhile', () => {
    const item = (id: string) => ({ id }) as ConversationListItem;
    expect(appendPage([item('a'), item('b')], [item('b'), item('c')]).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('messages', () => {
  it('merge pages, pushes and own sends by id, oldest first, the later copy winning', () => {
    const a = msg(1, '2026-11-27T02:00:00.000Z');
    const b = msg(2, '2026-11-27T02:01:00.000Z');
    const c = msg(3, '2026-11-27T02:02:00.000Z');
    const merged = mergeMessages([a, c], [b, { ...c, body: 'again' }]);
    expect(merged.map((m) => m.body)).toEqual(['m1', 'm2', 'again']);
    // a push of a message already there changes nothing
    expect(mergeMessages(merged, [b])).toHaveLength(3);
    const empty: ConversationMessage[] = [];
    expect(mergeMessages(empty, [])).toBe(empty);
  });

  it('group into days (in the centre zone) and runs of one side, with system messages alone', () => {
    const rows = messageRows([
      // 23:59 on the 26th in Shanghai
      msg(1, '2026-11-26T15:59:00.000Z'),
      msg(2, '2026-11-26T16:00:30.000Z'), // 00:00:30 on the 27th: a new day
      msg(3, '2026-11-26T16:01:00.000Z'),
      msg(4, '2026-11-26T16:02:00.000Z', { author: 'system' }),
      msg(5, '2026-11-26T16:03:00.000Z'),
      msg(6, '2026-11-26T16:09:00.000Z'), // more than 5 minutes later
      msg(7, '2026-11-26T16:09:30.000Z', { author: 'agent', authorId: ME, authorName: '王丽' }),
      msg(8, '2026-11-26T16:09:40.000Z', { author: 'agent', authorId: ME, authorName: '王丽', internal: true }),
      msg(9, '2026-11-26T16:09:50.000Z', { author: 'agent', authorId: ME, authorName: '王丽', internal: true }),
    ]);
    expect(rows.map((r) => (r.kind === 'day' ? r.day : `${r.message.body}${r.head ? '^' : ''}`))).toEqual([
      '2026-11-26',
      'm1^',
      '2026-11-27',
      'm2^',
      'm3',
      'm4^',
      'm5^',
      'm6^',
      'm7^',
      'm8^', // a note after a reply starts its own run
      'm9',
    ]);
  });

  it('find the work-order number in a system message, to link it where it stands', () => {
    expect(aroundNumber('已建立工单 GD20261127-0001', 'GD20261127-0001')).toEqual(['已建立工单 ', '']);
    expect(aroundNumber('Work order GD20261127-0001 created', 'GD20261127-0001')).toEqual(['Work order ', ' created']);
    expect(aroundNumber('已建立工单', 'GD20261127-0001')).toBeNull();
    expect(aroundNumber('已建立工单', null)).toBeNull();
  });

  it('name the day: today, yesterday, else the date', () => {
    const now = Date.parse('2026-11-27T04:00:00.000Z');
    expect(dayLabel('2026-11-27', now)).toBe('today');
    expect(dayLabel('2026-11-26', now)).toBe('yesterday');
    expect(dayLabel('2026-11-20', now)).toBe('2026-11-20');
  });
});

describe('list times', () => {
  const now = Date.parse('2026-11-27T04:00:00.000Z'); // 12:00 in Shanghai
  it('are relative within the hour, the time today, yesterday, else the date', () => {
    expect(relativeTime('2026-11-27T03:59:30.000Z', now)).toEqual({ kind: 'now' });
    expect(relativeTime('2026-11-27T03:47:00.000Z', now)).toEqual({ kind: 'minutes', n: 13 });
    expect(relativeTime('2026-11-27T01:05:00.000Z', now)).toEqual({ kind: 'today', time: '09:05' });
    expect(relativeTime('2026-11-26T15:30:00.000Z', now)).toEqual({ kind: 'yesterday', time: '23:30' });
    expect(relativeTime('2026-11-20T01:00:00.000Z', now)).toEqual({ kind: 'date', date: '11-20' });
    expect(relativeTime('2025-12-31T01:00:00.000Z', now)).toEqual({ kind: 'date', date: '2025-12-31' });
    // a clock a little ahead of the server's
    expect(relativeTime('2026-11-27T04:00:05.000Z', now)).toEqual({ kind: 'now' });
  });
});

describe('what the viewer may do', () => {
  it('reply only as the assignee; take from the queue, or over from a colleague as a manager; transfer as assignee or manager', () => {
    const queued = { assigneeId: null };
    const mine = { assigneeId: ME };
    const colleagues = { assigneeId: OTHER };
    expect([canReply(queued, ME), canReply(mine, ME), canReply(colleagues, ME)]).toEqual([false, true, false]);
    expect([canTake(queued, ME, false), canTake(mine, ME, false), canTake(colleagues, ME, false)]).toEqual([true, false, false]);
    expect([canTake(mine, ME, true), canTake(colleagues, ME, true)]).toEqual([false, true]);
    expect([canTransfer(queued, ME, false), canTransfer(mine, ME, false), canTransfer(colleagues, ME, false)]).toEqual([false, true, false]);
    expect(canTransfer(colleagues, ME, true)).toBe(true);
    expect([statusActions('open'), statusActions('pending'), statusActions('resolved')]).toEqual([['pending', 'resolved'], ['resolved'], ['open']]);
  });
});

describe('composer', () => {
  it('sends typing at most every 3 s', () => {
    expect(typingDue(null, 1000)).toBe(true);
    expect(typingDue(1000, 3999)).toBe(false);
    expect(typingDue(1000, 4000)).toBe(true);
  });

  it('sends on Enter, not on Shift+Enter nor on the Enter that ends Chinese input', () => {
    expect(enterSends({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(enterSends({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(enterSends({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(enterSends({ key: 'Enter', shiftKey: false, keyCode: 229 })).toBe(false);
    expect(enterSends({ key: 'a', shiftKey: false })).toBe(false);
  });

  it('names the visitor by what they gave, else the customer record', () => {
    expect(visitorName({ visitorName: '访客小周', customer: { id: ME, name: '周先生' } })).toBe('访客小周');
    expect(visitorName({ visitorName: null, customer: { id: ME, name: '周先生' } })).toBe('周先生');
    expect(visitorName({ visitorName: null, customer: null })).toBeNull();
  });
});
