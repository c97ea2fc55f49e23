import { createHash, randomBytes } from 'node:crypto';
import type { ThrottleStore } from './throttle-store.ts';

// Failed sign-ins slow down guessing, per account across addresses and per
// address across accounts, without handing a stranger a way to lock someone
// out: an account that failed FREE_FAILURES times waits longer after each
// further failure (2 s, 4 s, … up to 15 min) — but a browser that signed in to
// that account before (its device cookie) is not held back by strangers'
// failures, only by its own. Behind a proxy that hides client addresses the
// per-address limit applies to the proxy; known devices still pass it.

export const DEVICE_COOKIE = 'kefu_device';
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;
const DEVICE_DAYS = 180;
const FREE_FAILURES = 5;
/** a device that knows the account may still not guess on and on */
const DEVICE_FAILURES = 10;

export interface LoginAttempt {
  username: string;
  ip: string;
  deviceToken: string | null;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export class LoginThrottle {
  constructor(private readonly store: ThrottleStore, private readonly perIpLimit: number, private readonly now: () => number = Date.now) {}

  private keys(a: LoginAttempt) {
    const account = a.username.trim().toLowerCase();
    return {
      account: `login:account:${hash(account)}`,
      ip: `login:ip:${a.ip}`,
      device: a.deviceToken ? `login:device:${hash(a.deviceToken)}` : null,
      deviceFails: a.deviceToken ? `login:device-fails:${hash(a.deviceToken)}` : null,
      accountName: account,
    };
  }

  /** Whether this browser signed in to this account before. */
  private async knownDevice(a: LoginAttempt): Promise<boolean> {
    const k = this.keys(a);
    return !!k.device && (await this.store.get(k.device)) === k.accountName;
  }

  /** May this attempt be checked at all, or must it wait? */
  async check(a: LoginAttempt): Promise<Verdict> {
    const k = this.keys(a);
    const t = this.now();
    if (await this.knownDevice(a)) {
      const own = await this.store.failures(k.deviceFails!);
      return own.count >= DEVICE_FAILURES ? { ok: false, retryAfterSeconds: Math.ceil((own.last + WINDOW_MS - t) / 1000) } : { ok: true };
    }
    const ip = await this.store.failures(k.ip);
    if (ip.count >= this.perIpLimit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((ip.last + WINDOW_MS - t) / 1000)) };
    const acct = await this.store.failures(k.account);
    if (acct.count >= FREE_FAILURES) {
      const until = acct.last + Math.min(1000 * 2 ** (acct.count - FREE_FAILURES + 1), MAX_DELAY_MS);
      if (t < until) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - t) / 1000)) };
    }
    return { ok: true };
  }

  async failed(a: LoginAttempt): Promise<void> {
    const k = this.keys(a);
    const known = await this.knownDevice(a);
    await this.store.fail(k.account, WINDOW_MS + MAX_DELAY_MS);
    if (known) await this.store.fail(k.deviceFails!, WINDOW_MS);
    else await this.store.fail(k.ip, WINDOW_MS);
  }

  /** A right password: the account's count starts over; returns the device token to (re)set as a cookie. */
  async succeeded(a: LoginAttempt): Promise<{ deviceToken: string; maxAgeSeconds: number }> {
    const k = this.keys(a);
    await this.store.clear(k.account);
    const deviceToken = a.deviceToken && (await this.knownDevice(a)) ? a.deviceToken : randomBytes(32).toString('base64url');
    await this.store.put(`login:device:${hash(deviceToken)}`, k.accountName, DEVICE_DAYS * 86_400_000);
    if (k.deviceFails) await this.store.clear(k.deviceFails);
    return { deviceToken, maxAgeSeconds: DEVICE_DAYS * 86_400 };
  }
}
