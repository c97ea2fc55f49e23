import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';
import { memoryThrottleStore, redisThrottleStore } from './throttle-store.ts';

// The clock is injected: the delays are checked by moving it, never by waiting.

const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(redisUrl);
  const socket = connect(Number(port || 6379), hostname);
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

function clock(start = Date.UTC(2026, 4, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

const from = (ip: string, deviceToken: string | null = null) => ({ username: 'Operator', ip, deviceToken });

describe('sign-in throttling', () => {
  it('lets five wrong guesses through, then waits 2 s, 4 s, 8 s … after each further one, across addresses', async () => {
    const c = clock();
    const th = new LoginThrottle(memoryThrottleStore(c.now), 1000, c.now);
    for (let i = 0; i < 5; i++) {
      expect(await th.check(from(`10.0.0.${i}`))).toEqual({ ok: true });
      await th.failed(from(`10.0.0.${i}`));
    }
    expect(await th.check(from('10.0.1.1'))).toEqual({ ok: false, retryAfterSeconds: 2 });
    c.advance(2000);
    expect(await th.check(from('10.0.1.1'))).toEqual({ ok: true });
    await th.failed(from('10.0.1.1'));
    expect(await th.check(from('10.0.1.2'))).toEqual({ ok: false, retryAfterSeconds: 4 });
    c.advance(4000);
    await th.failed(from('10.0.1.2'));
    expect(await th.check(from('10.0.1.3'))).toEqual({ ok: false, retryAfterSeconds: 8 });
    // the name is the account whatever its case
    expect((await th.check({ username: 'operator', ip: '10.0.1.4', deviceToken: null })).ok).toBe(false);
  });

  it('does not hold back a browser that signed in to the account before, only its own guesses do', async () => {
    const c = clock();
    const th = new LoginThrottle(memoryThrottleStore(c.now), 1000, c.now);
    const { deviceToken } = await th.succeeded(from('192.168.1.5'));
    for (let i = 0; i < 30; i++) await th.failed(from('203.0.113.9'));
    expect((await th.check(from('203.0.113.10'))).ok).toBe(false);
    expect(await th.check(from('192.168.1.5', deviceToken))).toEqual({ ok: true });
    // a device of another account is a stranger here
    const other = await th.succeeded({ username: 'lead', ip: '192.168.1.6', deviceToken: null });
    expect((await th.check(from('192.168.1.6', other.deviceToken))).ok).toBe(false);
    for (let i = 0; i < 10; i++) await th.failed(from('192.168.1.5', deviceToken));
    expect((await th.check(from('192.168.1.5', deviceToken))).ok).toBe(false);
  });

  it('limits one address across accounts, and forgets after a quarter of an hour', async () => {
    const c = clock();
    const th = new LoginThrottle(memoryThrottleStore(c.now), 3, c.now);
    for (const u of ['a', 'b', 'c']) await th.failed({ username: u, ip: '198.51.100.1', deviceToken: null });
    expect((await th.check({ username: 'd', ip: '198.51.100.1', deviceToken: null })).ok).toBe(false);
    expect((await th.check({ username: 'd', ip: '198.51.100.2', deviceToken: null })).ok).toBe(true);
    c.advance(15 * 60_000);
    expect((await th.check({ username: 'd', ip: '198.51.100.1', deviceToken: null })).ok).toBe(true);
  });

  // CI starts Redis (and so must run this); elsewhere it runs when one answers on 127.0.0.1:6379
  it.skipIf(!process.env.CI && !redisUp)('shares the counts between instances through Redis', async () => {
    const c = clock();
    const prefix = `kefu-test-${randomBytes(4).toString('hex')}:`;
    const [s1, s2] = [redisThrottleStore(redisUrl, prefix, c.now), redisThrottleStore(redisUrl, prefix, c.now)];
    try {
      const one = new LoginThrottle(s1, 1000, c.now);
      const two = new LoginThrottle(s2, 1000, c.now);
      for (let i = 0; i < 5; i++) await (i % 2 ? one : two).failed(from(`10.1.0.${i}`));
      expect(await two.check(from('10.1.1.1'))).toEqual({ ok: false, retryAfterSeconds: 2 });
      const { deviceToken } = await one.succeeded(from('10.1.2.2'));
      expect(await two.check(from('10.1.2.2', deviceToken))).toEqual({ ok: true });
    } finally {
      await s1.close();
      await s2.close();
    }
  });
});
