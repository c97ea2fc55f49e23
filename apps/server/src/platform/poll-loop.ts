/**
 * The "work while there is work, then wait" loop shared by the job runner and
 * the event consumer: one pass at a time, another pass at once when kicked
 * during a pass (something was just written), otherwise every `pollMs` (work
 * written by other processes).
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private stopped = true;

  /** `pass` does one batch and says how many items it handled. */
  constructor(
    private pass: () => Promise<number>,
    private onError: (err: unknown) => void,
    private pollMs = 500,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(pollMs = this.pollMs): void {
    this.pollMs = pollMs;
    this.stopped = false;
    this.schedule(0);
  }

  /** Waits for the pass in hand to finish; no more are started. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }

  /** Something was just written: look now instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      let n: number;
      do {
        this.again = false;
        n = await this.pass();
        // n < 0: the pass could not run (another process holds the work); wait for the poll
      } while ((n > 0 || (this.again && n === 0)) && !this.stopped);
    } catch (err) {
      this.onError(err);
    } finally {
      this.running = false;
      if (!this.stopped) this.schedule(this.pollMs);
    }
  }
}
