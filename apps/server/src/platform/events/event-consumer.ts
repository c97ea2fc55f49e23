import { errorText, loggableError } from '../log-safety.ts';
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { DomainEvent, EventType } from '@kefu/shared/events';
import type { Db } from '../../db/client.ts';
import { queryRows, pgArray } from '../../db/client.ts';
import { collectAfterCommit, runHooks } from '../jobs/after-commit.ts';
import { backoffMs } from '../jobs/job-runner.ts';
import { PollLoop } from '../poll-loop.ts';
import { UnitOfWork, type PendingEvent, type UnitOptions } from './unit-of-work.ts';

/**
 * A module's reaction to events: it gets every event of its types in a round,
 * in outbox order, and does its work in the batch's unit of work (reads in one
 * query per table, decides in memory, leaves the writes to the unit's flush).
 */
export interface EventHandler {
  readonly name: string;
  readonly types: readonly EventType[];
  handle(work: UnitOfWork, events: DomainEvent[]): Promise<void>;
}

export interface ConsumerLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ConsumerOptions {
  /** most events claimed per batch */
  batchSize: number;
  /**
   * how long a batch should take, ms: an event waits for the batch in hand and
   * then its own, so batches shrink when events are slow to handle (a busy
   * database) and grow back to batchSize when they are quick
   */
  targetBatchMs?: number;
  /** rounds of events that handlers raise while handling (rule chains stop at depth 5 anyway) */
  maxRounds?: number;
  /** an event failing on its own this many times is set aside (failed_at) */
  maxAttempts?: number;
  validateEvents?: boolean;
  /** what the batch's unit of work knows (realtime sink, time zone) */
  unit?: Omit<UnitOptions, 'db'>;
}

// one consumer at a time over the whole outbox, across processes: events of a
// work order are handled in the order they were written, and two batches never
// fight over the same rows (pg_try_advisory_xact_lock: the loser simply waits for its next turn)
const CONSUMER_LOCK = 7_440_021;

interface OutboxRow { id: string | number; type: string; aggregate_id: string; payload: unknown; attempts: number }

/**
 * Handles the outbox in batches: claims the oldest unhandled events, lets every
 * handler do its part round by round (events raised while handling form the
 * next round, in the same transaction), writes everything once, and marks the
 * batch handled — all in one transaction, so a crash leaves the batch to be
 * handled again from scratch and nothing is half-done or done twice.
 *
 * When a batch fails, its events are retried one by one, so one bad event
 * retries alone with backoff and the others go on.
 */
export class EventConsumer {
  private handlers: EventHandler[] = [];
  readonly events = new EventEmitter();

  private loop: PollLoop;
  /** the next batch's size: adapted to targetBatchMs */
  private size: number;

  constructor(private db: Db, private log: ConsumerLogger, private opts: ConsumerOptions) {
    this.size = opts.batchSize;
    this.loop = new PollLoop(() => this.runOnce(), (err) => this.log.error({ err: loggableError(err) }, 'event consumer failed'));
  }

  /** Keeps handling while events wait; looks again every `pollMs` (events written by other processes) or when kicked. */
  start(pollMs: number): void {
    this.loop.start(pollMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Something was just written here: handle it now instead of at the next poll. */
  kick(): void {
    this.loop.kick();
  }

  /** Handles every waiting event now, batch after batch (tests, CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      if (n <= 0) return total;
      total += n;
    }
  }

  /** Handlers run in the order they were added (routing before SLA: clocks start on what the rules chose). */
  on(handler: EventHandler): void {
    this.handlers.push(handler);
  }

  get handlerNames(): string[] {
    return this.handlers.map((h) => h.name);
  }

  /**
   * One batch. Returns how many outbox events it handled (0: none waiting or
   * another process is consuming; -1: another process holds the outbox).
   */
  async runOnce(): Promise<number> {
    try {
      const t = performance.now();
      const n = await this.batch(this.size);
      if (n > 0) this.adapt(n, performance.now() - t);
      return n;
    } catch (err) {
      this.log.warn({ err: errorText(err) }, 'event batch failed; handling its events one by one');
      return this.oneByOne();
    }
  }

  private adapt(events: number, ms: number): void {
    const target = this.opts.targetBatchMs ?? 250;
    const fit = Math.max(10, Math.round((target * events) / Math.max(ms, 1)));
    // shrink at once when a batch ran long (the database slowed down); grow
    // gently while batches come back full and quick (a backlog to work off)
    if (ms > target) this.size = Math.min(this.size, fit);
    else if (events >= this.size) this.size = Math.min(this.opts.batchSize, fit, this.size * 2);
  }

  private async oneByOne(): Promise<number> {
    let n = 0;
    for (let i = 0; i < this.opts.batchSize; i++) {
      try {
        const got = await this.batch(1);
        if (got <= 0) break;
        n += got;
      } catch (err) {
        await this.recordFailure(err);
        n++;
      }
    }
    return n;
  }

  /** The oldest waiting event failed alone: count the attempt and try again later (or set it aside). */
  private async recordFailure(err: unknown): Promise<void> {
    const message = errorText(err);
    const max = this.opts.maxAttempts ?? 6;
    await this.db.transaction(async (tx) => {
      const [row] = await queryRows<OutboxRow>(tx, sql`
        select id, type, attempts from outbox_events where processed_at is null and available_at <= now()
        order by id limit 1 for update skip locked`);
      if (!row) return;
      const attempts = row.attempts + 1;
      const failed = attempts >= max;
      await tx.execute(sql`update outbox_events set attempts = ${attempts}, last_error = ${message},
        available_at = ${new Date(Date.now() + backoffMs(attempts)).toISOString()}::timestamptz,
        failed_at = ${failed ? sql`now()` : sql`null`}, processed_at = ${failed ? sql`now()` : sql`null`}
        where id = ${row.id}`);
      this.log.error({ event: Number(row.id), type: row.type, attempts, err: message }, failed ? 'event set aside after repeated failures' : 'event failed; will retry');
    });
  }

  private async batch(size: number): Promise<number> {
    const { result, queue } = await collectAfterCommit(() => this.db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${CONSUMER_LOCK}) as ok`);
      if (!lock.ok) return -1;
      const rows = await queryRows<OutboxRow>(tx, sql`
        select id, type, aggregate_id, payload, attempts from outbox_events
        where processed_at is null and available_at <= now()
        order by id limit ${size} for update skip locked`);
      if (!rows.length) return 0;
      const work = new UnitOfWork(tx, { ...this.opts.unit, db: this.db, validateEvents: this.opts.validateEvents });
      const claimed: DomainEvent[] = rows.map((r) => ({ id: Number(r.id), type: r.type as EventType, aggregateId: r.aggregate_id, payload: r.payload as never }));
      await this.handleRounds(work, claimed);
      await work.flush();
      await tx.execute(sql`update outbox_events set processed_at = now() where id = any(${pgArray(rows.map((r) => Number(r.id)))}::bigint[])`);
      return rows.length;
    }));
    await runHooks(queue, (err) => this.log.error({ err: loggableError(err) }, 'after-commit hook failed'));
    if (result > 0) this.events.emit('handled', result);
    return result;
  }

  /** Round 0 is the claimed events; each later round is what the previous one raised. */
  private async handleRounds(work: UnitOfWork, claimed: DomainEvent[]): Promise<void> {
    const maxRounds = this.opts.maxRounds ?? 8;
    let round = claimed;
    for (let depth = 0; round.length && depth < maxRounds; depth++) {
      const mark = work.publishedCount;
      for (const h of this.handlers) {
        const mine = round.filter((e) => h.types.includes(e.type));
        if (mine.length) await h.handle(work, mine);
      }
      const raised = work.publishedSince(mark);
      if (!raised.length) break;
      if (depth + 1 >= maxRounds) break; // left for the next batch: written as unhandled
      await work.assignIds(raised);
      for (const e of raised) e.handled = true;
      round = raised.map(toDomainEvent);
    }
  }

  /** The outbox events waiting now, and the age of the oldest (what "keeping up" means). */
  async backlog(): Promise<{ waiting: number; oldestSeconds: number }> {
    const [r] = await queryRows<{ n: string | number; oldest: string | number | null }>(this.db, sql`
      select count(*) as n, extract(epoch from now() - min(created_at)) as oldest
      from outbox_events where processed_at is null`);
    return { waiting: Number(r.n), oldestSeconds: r.oldest === null ? 0 : Number(r.oldest) };
  }
}

function toDomainEvent(e: PendingEvent): DomainEvent {
  return { id: e.id!, type: e.type, aggregateId: e.aggregateId, payload: e.payload } as DomainEvent;
}
