import { describe, expect, it } from 'vitest';
import type { ChatAgentState } from '../../../api/types.ts';
import { clockSkew, firstReply, QUEUE_WAIT, REPLY_WAIT, seatLoad, sortAgents, waited, waitTone } from './live-chats-model.ts';

const at = (hhmmss: string) => `2026-12-08T${hhmmss}.000+08:00`;

describe('the live-chat view', () => {
  it('counts a wait on the server\'s clock, whatever the browser\'s says', () => {
    const received = Date.parse(at('10:00:00')) - 30_000; // this browser runs 30 s behind
    const skew = clockSkew(at('10:00:00'), received);
    expect(skew).toBe(30_000);
    expect(waited(at('09:58:00'), received + 10_000, skew)).toBe(2 * 60_000 + 10_000);
    expect(waited(null, received, skew)).toBeNull();
    expect(waited(at('10:00:05'), received, skew)).toBe(0);
  });

  it('colours a visitor\'s wait by the minute and a queue wait more patiently', () => {
    expect([0, 59_999, 60_000, 179_999, 180_000].map((ms) => waitTone(ms, REPLY_WAIT))).toEqual(['ok', 'ok', 'warn', 'warn', 'late']);
    expect(waitTone(4 * 60_000, QUEUE_WAIT)).toBe('warn');
    expect(waitTone(5 * 60_000, QUEUE_WAIT)).toBe('late');
    expect(waitTone(null, REPLY_WAIT)).toBeNull();
  });

  it('says how the first reply went: its time and whether after the target', () => {
    expect(firstReply({ createdAt: at('09:00:00'), firstResponseAt: at('09:03:20'), firstResponseDueAt: at('09:05:00') })).toEqual({ kind: 'answered', ms: 200_000, late: false });
    expect(firstReply({ createdAt: at('09:00:00'), firstResponseAt: at('09:06:00'), firstResponseDueAt: at('09:05:00') })).toMatchObject({ late: true });
    expect(firstReply({ createdAt: at('09:00:00'), firstResponseAt: null, firstResponseDueAt: at('09:05:00') })).toEqual({ kind: 'waiting', dueAt: at('09:05:00') });
  });

  it('shows a seat\'s load against its cap, and lists who can take chats first', () => {
    expect(seatLoad({ load: 2, maxConcurrent: 5 })).toEqual({ percent: 40, full: false });
    expect(seatLoad({ load: 6, maxConcurrent: 5 })).toEqual({ percent: 100, full: true });
    const agent = (displayName: string, status: ChatAgentState['status'], load: number): ChatAgentState => ({
      userId: displayName, displayName, teamId: null, teamName: null, status, maxConcurrent: 5, supervisorSeat: false, load,
    });
    const order = sortAgents([agent('李娜', 'offline', 0), agent('王丽', 'online', 1), agent('张敏', 'busy', 3), agent('赵静', 'online', 4)]);
    expect(order.map((a) => a.displayName)).toEqual(['赵静', '王丽', '张敏', '李娜']);
  });
});
