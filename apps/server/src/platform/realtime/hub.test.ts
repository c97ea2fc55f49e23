import { describe, expect, it } from 'vitest';
import { RealtimeHub } from './hub.ts';

const socket = () => {
  const sent: string[] = [];
  return { sent, readyState: 1, send: (d: string) => { sent.push(d); } };
};

describe('realtime hub', () => {
  it('delivers to a user\'s open connections only, and to holders of a permission', () => {
    const hub = new RealtimeHub();
    const a1 = socket();
    const a2 = socket();
    const b = socket();
    const closed = { ...socket(), readyState: 3 };
    const removeA1 = hub.add('a', a1, new Set(['supervisor:view']));
    hub.add('a', a2);
    hub.add('b', b);
    hub.add('b', closed, new Set(['supervisor:view']));
    expect(hub.publish('a', { type: 'notification' })).toBe(2);
    expect(b.sent).toEqual([]);
    expect(hub.publishToPermission('supervisor:view', { type: 'wallboard.changed' })).toBe(1);
    expect(a1.sent.at(-1)).toBe('{"type":"wallboard.changed"}');
    removeA1();
    expect(hub.publish('a', { type: 'x' })).toBe(1);
    expect(hub.publishToPermission('supervisor:view', { type: 'y' })).toBe(0);
  });
});
