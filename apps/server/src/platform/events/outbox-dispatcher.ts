import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { outboxEvents } from '../../db/schema/index.ts';
import { nestedAfterCommit } from '../jobs/after-commit.ts';
import { enqueue } from '../jobs/job-queue.ts';

export interface DomainEvent {
  id: number;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

export type InlineHandler = (tx: Tx, event: DomainEvent) => Promise<void>;

export interface InlineLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Fans committed domain events (the outbox) out to listener jobs: each
 * listener gets its own durable job, so a failing one retries alone and the
 * others are not held up.
 *
 * A listener may also run inline, inside the transaction that writes the
 * event (rules on a new work order: the people it concerns are told as the
 * save commits, not after a queue). If the inline run fails its writes are
 * rolled back to a savepoint and the event goes to the listener's job as usual.
 */
export class OutboxDispatcher {
  private listeners = new Map<string, string[]>();
  private inline = new Map<string, Map<string, InlineHandler>>();

  constructor(private log?: InlineLogger) {}

  /** `listener` is the job kind that receives events of this type. */
  subscribe(eventType: string, listener: string): void {
    this.listeners.set(eventType, [...(this.listeners.get(eventType) ?? []), listener]);
  }

  /** Lets `listener` handle events of this type inside the writing transaction (see publish). */
  subscribeInline(eventType: string, listener: string, handler: InlineHandler): void {
    const m = this.inline.get(eventType) ?? new Map<string, InlineHandler>();
    m.set(listener, handler);
    this.inline.set(eventType, m);
  }

  /**
   * Writes an event to the outbox in the caller's transaction and runs the
   * inline listeners of its type there; the others get jobs after commit.
   */
  async publish(tx: Tx, type: string, aggregateId: string, payload: Record<string, unknown>): Promise<void> {
    const handlers = [...(this.inline.get(type) ?? new Map<string, InlineHandler>()).entries()];
    const [row] = await tx.insert(outboxEvents).values({ type, aggregateId, payload, handledInline: handlers.map(([l]) => l) })
      .returning({ id: outboxEvents.id });
    const failed: string[] = [];
    for (const [listener, handler] of handlers) {
      try {
        await nestedAfterCommit(() => tx.transaction((sp) => handler(sp, { id: row.id, type, aggregateId, payload })));
      } catch (err) {
        this.log?.warn({ listener, event: row.id, err: err instanceof Error ? err.message : String(err) }, 'inline listener failed; its job will retry');
        failed.push(listener);
      }
    }
    if (failed.length) {
      await tx.update(outboxEvents).set({ handledInline: handlers.map(([l]) => l).filter((l) => !failed.includes(l)) })
        .where(eq(outboxEvents.id, row.id));
    }
  }

  async dispatch(db: Db): Promise<number> {
    return db.transaction(async (tx) => {
      const events = await queryRows<{ id: number; type: string; aggregate_id: string; payload: Record<string, unknown>; handled_inline: string[] }>(tx, sql`
        select id, type, aggregate_id, payload, handled_inline from outbox_events
        where processed_at is null order by id limit 200 for update skip locked`);
      if (!events.length) return 0;
      for (const e of events) {
        const event: DomainEvent = { id: Number(e.id), type: e.type, aggregateId: e.aggregate_id, payload: e.payload };
        for (const listener of this.listeners.get(e.type) ?? []) {
          if (e.handled_inline?.includes(listener)) continue;
          await enqueue(tx, listener, event, { dedupeKey: `event:${e.id}:${listener}` });
        }
      }
      await tx.execute(sql`update outbox_events set processed_at = now() where id in ${events.map((e) => e.id)}`);
      return events.length;
    });
  }
}
