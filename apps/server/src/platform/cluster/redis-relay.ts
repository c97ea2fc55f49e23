import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deliverBroadcast, type Relay, type Topic } from './bus.ts';

const CHANNEL = 'kefu:cluster';

export interface RelayLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Carries broadcasts between processes over Redis pub/sub: one connection
 * publishes, one subscribes. Messages are fire-and-forget — everything they
 * say can also be learnt later from the database (pushes are conveniences:
 * the console refetches on reconnect; kicks fall back to polling; caches
 * expire), so a Redis outage slows Kefu down but loses nothing.
 */
export async function redisRelay(url: string, log: RelayLogger): Promise<Relay> {
  const origin = randomUUID();
  const options = { maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: false };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  let warned = 0;
  const onError = (err: Error) => {
    // ioredis reconnects by itself; say so once a minute, not per retry
    if (Date.now() - warned > 60_000) {
      warned = Date.now();
      log.warn({ err: err.message }, 'redis relay unavailable; other instances learn of changes by polling until it is back');
    }
  };
  pub.on('error', onError);
  sub.on('error', onError);
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CHANNEL);
  sub.on('message', (_channel: string, raw: string) => {
    let m: { o: string; t: string; p: unknown };
    try {
      m = JSON.parse(raw);
    } catch {
      return;
    }
    if (m.o !== origin) deliverBroadcast(m.t, m.p);
  });
  return {
    send(topic: Topic, payload: unknown) {
      if (pub.status !== 'ready') return;
      pub.publish(CHANNEL, JSON.stringify({ o: origin, t: topic, p: payload })).catch(onError);
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
