import { sql } from 'drizzle-orm';
import { EVENTS, type EventPayload, type EventType } from '@kefu/shared/events';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { afterCommit, withAfterCommit, type AfterCommitFn } from '../jobs/after-commit.ts';

/** A module's part of a unit of work: it keeps what it will write, and writes it at flush. */
export interface WorkPart {
  flush(): Promise<void>;
}

/**
 * Names a module's part and makes it. The part is made on first use; parts are
 * flushed in the order they were made, so a part that needs another's rows
 * written first (sub-tasks before their SLA clocks) asks for it when it is made.
 */
export interface PartKey<T extends WorkPart> {
  readonly name: string;
  create(work: UnitOfWork): T;
}

/** Pushes to a user's open connections (the realtime hub, relayed across instances). */
export interface RealtimeSink {
  publish(userId: string, message: { type: string; [k: string]: unknown }): unknown;
}

/** An event published in this unit, written to the outbox at flush. */
export interface PendingEvent<T extends EventType = EventType> {
  id: number | null;
  type: T;
  aggregateId: string;
  payload: EventPayload<T>;
  /** handled inside this unit (a consumer batch): written as processed */
  handled: boolean;
}

export interface UnitOptions {
  /** the database itself: the key of process-wide caches (inside a transaction `tx` differs) */
  db: Db;
  now?: Date;
  /** the centre's time zone (daily work-order numbers, deadlines in local days) */
  timeZone?: string;
  /** where pushes to signed-in users go after commit (the realtime hub) */
  realtime?: RealtimeSink;
  /** check each payload against the catalogue (tests; cheap but not free on the hot path) */
  validateEvents?: boolean;
}

/**
 * One transaction's worth of business changes. Modules keep their writes in
 * their part (work orders, clocks, notifications …) and read their own
 * unwritten changes from it; flush writes each table once, then the events.
 * A consumer batch of hundreds of events is one unit, and so is one request.
 */
export class UnitOfWork {
  readonly now: Date;
  readonly db: Db;
  readonly timeZone: string;
  private parts = new Map<PartKey<WorkPart>, WorkPart>();
  private order: WorkPart[] = [];
  private events: PendingEvent[] = [];
  private flushed = false;

  constructor(readonly tx: Tx, private opts: UnitOptions) {
    this.now = opts.now ?? new Date();
    this.db = opts.db;
    this.timeZone = opts.timeZone ?? 'Asia/Shanghai';
  }

  part<T extends WorkPart>(key: PartKey<T>): T {
    let p = this.parts.get(key as PartKey<WorkPart>) as T | undefined;
    if (!p) {
      p = key.create(this);
      this.parts.set(key as PartKey<WorkPart>, p);
      this.order.push(p);
    }
    return p;
  }

  publish<T extends EventType>(type: T, aggregateId: string, payload: EventPayload<T>): PendingEvent<T> {
    if (this.flushed) throw new Error(`event ${type} published after the unit was flushed`);
    if (this.opts.validateEvents) EVENTS[type].parse(payload);
    const e: PendingEvent<T> = { id: null, type, aggregateId, payload, handled: false };
    this.events.push(e as PendingEvent);
    return e;
  }

  /** Events published since `from` (an index into this unit's events): a consumer's next round. */
  publishedSince(from: number): PendingEvent[] {
    return this.events.slice(from);
  }

  get publishedCount(): number {
    return this.events.length;
  }

  /** Gives these events their outbox ids now (one query), so what handles them can name them. */
  async assignIds(events: PendingEvent[]): Promise<void> {
    const missing = events.filter((e) => e.id === null);
    if (!missing.length) return;
    const rows = await queryRows<{ id: string | number }>(this.tx, sql`
      select nextval('outbox_events_id_seq') as id from generate_series(1, ${missing.length})`);
    missing.forEach((e, i) => { e.id = Number(rows[i].id); });
  }

  /** Work for after the commit (pushes over the socket). */
  afterCommit(fn: AfterCommitFn): void {
    afterCommit(fn);
  }

  /** A message to a user's open connections, sent once the unit has committed. */
  push(userId: string, message: { type: string; [k: string]: unknown }): void {
    const sink = this.opts.realtime;
    if (sink) afterCommit(() => { sink.publish(userId, message); });
  }

  /** Writes every part, then the events, in the unit's transaction. */
  async flush(): Promise<void> {
    if (this.flushed) return;
    // a part may make another while flushing (it needs it): run until none is left
    for (let i = 0; i < this.order.length; i++) await this.order[i].flush();
    this.flushed = true;
    if (!this.events.length) return;
    const at = this.now.toISOString();
    const withId = this.events.filter((e) => e.id !== null);
    const withoutId = this.events.filter((e) => e.id === null);
    const row = (e: PendingEvent) => ({
      id: e.id, type: e.type, aggregate_id: e.aggregateId, payload: e.payload, created_at: at, processed_at: e.handled ? at : null,
    });
    const columns = { type: 'text', aggregate_id: 'uuid', payload: 'jsonb', created_at: 'timestamptz', processed_at: 'timestamptz' };
    if (withId.length) await insertRows(this.tx, 'outbox_events', { id: 'bigint', ...columns }, withId.map(row));
    if (withoutId.length) await insertRows(this.tx, 'outbox_events', columns, withoutId.map(row));
  }
}

/** Runs business work in a unit of its own: one transaction, flushed before commit, pushes after. */
export type RunUnit = <T>(work: (uow: UnitOfWork) => Promise<T>) => Promise<T>;

/**
 * A request's unit: one transaction, flushed before commit; its pushes go out
 * once it has committed.
 */
export function unitRunner(db: Db, opts: Omit<UnitOptions, 'db'> = {}): RunUnit {
  return (work) => withAfterCommit(() => db.transaction(async (tx) => {
    const uow = new UnitOfWork(tx, { ...opts, db });
    const result = await work(uow);
    await uow.flush();
    return result;
  }));
}
