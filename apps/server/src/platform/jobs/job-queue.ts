import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { jobs } from '../../db/schema/jobs.ts';
import { pgArray } from '../../db/client.ts';

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

export interface JobSpec extends EnqueueOptions {
  kind: string;
  payload: unknown;
}

/** Many jobs in one statement (a batch's timers and deliveries); a pending dedupe key keeps its first job. */
export async function enqueueMany(tx: Tx, specs: JobSpec[]): Promise<void> {
  if (!specs.length) return;
  // one statement cannot insert the same key twice under "on conflict do nothing": keep the first
  const seen = new Set<string>();
  const rows = [];
  for (const s of specs) {
    if (s.dedupeKey) {
      if (seen.has(s.dedupeKey)) continue;
      seen.add(s.dedupeKey);
    }
    rows.push({
      kind: s.kind, payload: s.payload ?? {}, run_at: (s.runAt ?? new Date()).toISOString(),
      dedupe_key: s.dedupeKey ?? null, max_attempts: s.maxAttempts ?? 6,
    });
  }
  await insertRows(tx, 'jobs', { kind: 'text', payload: 'jsonb', run_at: 'timestamptz', dedupe_key: 'text', max_attempts: 'int' }, rows,
    { onConflict: 'on conflict (dedupe_key) do nothing' });
}

/** Cancels the pending jobs of all these dedupe keys at once. */
export async function cancelJobs(tx: Tx, dedupeKeys: string[]): Promise<void> {
  if (!dedupeKeys.length) return;
  await tx.execute(sql`update jobs set status = 'cancelled', finished_at = now(), dedupe_key = null
    where dedupe_key = any(${pgArray([...new Set(dedupeKeys)])}::text[]) and status = 'pending'`);
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
