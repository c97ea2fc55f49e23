import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { jobs } from '../../db/schema/jobs.ts';

export interface EnqueueOptions {
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job in the caller's transaction, so it exists exactly when the change
 * that asked for it commits. A dedupe key already pending keeps the first job.
 */
export async function enqueue(tx: Tx, kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
  await tx.insert(jobs).values({
    kind,
    payload: payload as object,
    runAt: opts.runAt ?? new Date(),
    dedupeKey: opts.dedupeKey ?? null,
    maxAttempts: opts.maxAttempts ?? 6,
  }).onConflictDoNothing({ target: jobs.dedupeKey });
}

/** Cancels pending jobs with this dedupe key (e.g. a timer that no longer applies). */
export async function cancelJob(tx: Tx, dedupeKey: string): Promise<void> {
  await tx.update(jobs).set({ status: 'cancelled', finishedAt: new Date(), dedupeKey: null })
    .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'pending')));
}

/** Retries a failed job by hand. */
export async function retryJob(tx: Tx, id: number): Promise<boolean> {
  const rows = await tx.update(jobs).set({ status: 'pending', runAt: new Date(), attempts: 0, lastError: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'failed'))).returning({ id: jobs.id });
  return rows.length > 0;
}

export const dueCondition = sql`status = 'pending' and run_at <= now()`;
