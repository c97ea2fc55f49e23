import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { enqueue } from '../jobs/job-queue.ts';

export interface DomainEvent {
  id: number;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * Fans committed domain events (the outbox) out to listener jobs: each
 * listener gets its own durable job, so a failing one retries alone and the
 * others are not held up.
 */
export class OutboxDispatcher {
  private listeners = new Map<string, string[]>();

  /** `listener` is the job kind that receives events of this type. */
  subscribe(eventType: string, listener: string): void {
    this.listeners.set(eventType, [...(this.listeners.get(eventType) ?? []), listener]);
  }

  async dispatch(db: Db): Promise<number> {
    return db.transaction(async (tx) => {
      const events = await queryRows<{ id: number; type: string; aggregate_id: string; payload: Record<string, unknown> }>(tx, sql`
        select id, type, aggregate_id, payload from outbox_events
        where processed_at is null order by id limit 200 for update skip locked`);
      if (!events.length) return 0;
      for (const e of events) {
        const event: DomainEvent = { id: Number(e.id), type: e.type, aggregateId: e.aggregate_id, payload: e.payload };
        for (const listener of this.listeners.get(e.type) ?? []) {
          await enqueue(tx, listener, event, { dedupeKey: `event:${e.id}:${listener}` });
        }
      }
      await tx.execute(sql`update outbox_events set processed_at = now() where id in ${events.map((e) => e.id)}`);
      return events.length;
    });
  }
}
