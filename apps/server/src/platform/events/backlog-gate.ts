import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/**
 * Back-pressure for intake. A save is one statement; what follows from it
 * (routing, SLA clocks, notifications) costs the database about as much again,
 * in the consumer. On a small machine intake can therefore outrun the
 * consumer, and then "the QC manager is told within a second" quietly becomes
 * minutes. The gate makes new saves wait (without holding a connection) while
 * the oldest unhandled event is older than `maxLagMs`, so a flood slows the
 * callers a little instead of delaying everybody's notifications without
 * bound. It never refuses: after `maxWaitMs` the save goes ahead.
 */
export interface GateOptions {
  /** how far behind the consumer may be before saves wait; 0: no gate */
  maxLagMs: number;
  /** the longest a save waits */
  maxWaitMs?: number;
  /** how often the lag is read (one query per interval, shared by all waiting saves) */
  pollMs?: number;
  /** the lag now, ms (tests inject it; default: the outbox's oldest unhandled event) */
  readLag?: () => Promise<number>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class BacklogGate {
  private lag = 0;
  private readAt = -Infinity;
  private reading: Promise<number> | null = null;
  private readonly readLag: () => Promise<number>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** saves that waited, and for how long in all (ms): for the bench and the logs */
  readonly stats = { waited: 0, waitedMs: 0 };

  constructor(db: Db, private opts: GateOptions) {
    this.readLag = opts.readLag ?? (async () => {
      // the partial index on unhandled ids finds the oldest at once, however long the backlog;
      // an event waiting out a retry's backoff is not the consumer falling behind
      const [r] = await queryRows<{ ms: number | string | null }>(db, sql`
        select extract(epoch from (now() - greatest(created_at, available_at))) * 1000 as ms from outbox_events
        where processed_at is null and available_at <= now() order by id limit 1`);
      return r ? Number(r.ms) : 0;
    });
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? (() => Date.now());
  }

  private async currentLag(): Promise<number> {
    const pollMs = this.opts.pollMs ?? 100;
    if (this.now() - this.readAt < pollMs) return this.lag;
    this.reading ??= this.readLag().then((ms) => {
      this.lag = ms;
      this.readAt = this.now();
      return ms;
    }).finally(() => { this.reading = null; });
    return this.reading;
  }

  /** Changes how far behind the background may be (0: no gate), e.g. to measure intake alone. */
  setMaxLag(ms: number): void {
    this.opts = { ...this.opts, maxLagMs: ms };
  }

  /** Resolves when a new save may go ahead. */
  async pass(): Promise<void> {
    if (!this.opts.maxLagMs) return;
    if ((await this.currentLag()) <= this.opts.maxLagMs) return;
    const started = this.now();
    const maxWait = this.opts.maxWaitMs ?? 5_000;
    while (this.now() - started < maxWait) {
      await this.sleep(this.opts.pollMs ?? 100);
      if ((await this.currentLag()) <= this.opts.maxLagMs) break;
    }
    this.stats.waited++;
    this.stats.waitedMs += this.now() - started;
  }
}
