/**
 * At most `max` takes per key within `windowMs` (a fixed window per key,
 * forgotten when it ends). In memory, per process: it stops a page or a
 * script flooding one instance, not a distributed attack.
 */
export class WindowLimit {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private max: number, private windowMs: number, private now: () => number = Date.now) {}

  take(key: string): boolean {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.sweep(t);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= this.max) return false;
    w.count++;
    return true;
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
  }
}
