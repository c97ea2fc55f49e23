import { Redis } from 'ioredis';

/**
 * Counters of failed sign-ins and the devices that signed in before. In
 * memory by default; in Redis (REDIS_URL) when several instances must share
 * them. Entries expire by themselves; the clock is injected for tests.
 */
export interface ThrottleStore {
  /** counts one more failure under `key`; the count lives `ttlMs` from now */
  fail(key: string, ttlMs: number): Promise<{ count: number; last: number }>;
  failures(key: string): Promise<{ count: number; last: number }>;
  clear(key: string): Promise<void>;
  put(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | null>;
  close(): Promise<void>;
}

const NONE = { count: 0, last: 0 };

export function memoryThrottleStore(now: () => number = Date.now): ThrottleStore {
  const counts = new Map<string, { count: number; last: number; until: number }>();
  const values = new Map<string, { value: string; until: number }>();
  let writes = 0;
  const sweep = () => {
    if (++writes % 1000) return;
    const t = now();
    for (const [k, v] of counts) if (v.until <= t) counts.delete(k);
    for (const [k, v] of values) if (v.until <= t) values.delete(k);
  };
  return {
    async fail(key, ttlMs) {
      sweep();
      const t = now();
      const cur = counts.get(key);
      const next = { count: (cur && cur.until > t ? cur.count : 0) + 1, last: t, until: t + ttlMs };
      counts.set(key, next);
      return { count: next.count, last: next.last };
    },
    async failures(key) {
      const cur = counts.get(key);
      return cur && cur.until > now() ? { count: cur.count, last: cur.last } : NONE;
    },
    async clear(key) { counts.delete(key); },
    async put(key, value, ttlMs) {
      sweep();
      values.set(key, { value, until: now() + ttlMs });
    },
    async get(key) {
      const cur = values.get(key);
      return cur && cur.until > now() ? cur.value : null;
    },
    async close() {},
  };
}

export function redisThrottleStore(url: string, prefix = 'kefu:', now: () => number = Date.now): ThrottleStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    async fail(key, ttlMs) {
      const k = prefix + key;
      const t = now();
      const res = await redis.multi().hincrby(k, 'count', 1).hset(k, 'last', t).pexpire(k, ttlMs).exec();
      return { count: Number(res?.[0]?.[1] ?? 1), last: t };
    },
    async failures(key) {
      const h = await redis.hgetall(prefix + key);
      return h.count ? { count: Number(h.count), last: Number(h.last) } : NONE;
    },
    async clear(key) { await redis.del(prefix + key); },
    async put(key, value, ttlMs) { await redis.set(prefix + key, value, 'PX', ttlMs); },
    async get(key) { return redis.get(prefix + key); },
    async close() { await redis.quit(); },
  };
}
