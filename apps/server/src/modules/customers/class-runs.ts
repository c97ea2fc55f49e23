import { desc, eq, isNull, sql } from 'drizzle-orm';
import { DEFAULT_CLASS_RULES, type ClassRules, type ClassRulesBody, type RecomputeRun } from '@kefu/shared/customer-classes-api';
import type { Db, Tx } from '../../db/client.ts';
import { customerClassRules, customerClassRuns, customers, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { currentClassRules } from './class-rules.ts';
import { applyRecomputeChunk, lastCompleteQuarter, localToday } from './class-recompute.ts';
import { dayNumberOf, instantOf } from '../../platform/time/wall-clock.ts';

// Applying a recompute to a large archive (300,000 customers) runs in the
// background, 5,000 customers per job: each chunk commits with its progress,
// so the console shows a bar, and a restart carries on from the last chunk.

export const RECOMPUTE_JOB = 'customers.classes.recompute';
export const QUARTERLY_JOB = 'customers.classes.quarterly';
const CHUNK = 5000;

const runColumns = {
  id: customerClassRuns.id, status: customerClassRuns.status, quarter: customerClassRuns.quarter, rulesVersion: customerClassRuns.rulesVersion,
  total: customerClassRuns.total, done: customerClassRuns.done, moved: customerClassRuns.moved, startedByName: users.displayName,
  startedAt: customerClassRuns.startedAt, finishedAt: customerClassRuns.finishedAt,
};
type RunRow = { id: string; status: string; quarter: string; rulesVersion: number; total: number; done: number; moved: number; startedByName: string | null; startedAt: Date; finishedAt: Date | null };
const present = (r: RunRow): RecomputeRun => ({
  ...r, status: r.status as RecomputeRun['status'], startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
});

export async function listRecomputeRuns(db: Db, limit: number): Promise<RecomputeRun[]> {
  const rows = await db.select(runColumns).from(customerClassRuns).leftJoin(users, eq(users.id, customerClassRuns.startedById))
    .orderBy(desc(customerClassRuns.startedAt)).limit(limit);
  return rows.map(present);
}

export async function recomputeRun(db: Db, id: string): Promise<RecomputeRun> {
  const [row] = await db.select(runColumns).from(customerClassRuns).leftJoin(users, eq(users.id, customerClassRuns.startedById)).where(eq(customerClassRuns.id, id));
  if (!row) throw notFound('recomputeRun');
  return present(row);
}

/** Starts applying the rules in force to every customer; one run at a time. */
export async function startRecompute(db: Db, runner: JobRunner, actorId: string | null, timeZone: string, now = new Date()): Promise<RecomputeRun> {
  const id = await db.transaction(async (tx) => {
    // one at a time: two runs would write the same customers' history twice
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('customers.classes.recompute'))`);
    const [running] = await tx.select({ id: customerClassRuns.id }).from(customerClassRuns).where(eq(customerClassRuns.status, 'running')).limit(1);
    if (running) throw new AppError('RECOMPUTE_RUNNING', {}, { details: [{ path: 'runId', message: running.id }] });
    const rules = await currentClassRules(tx);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers).where(isNull(customers.mergedIntoId));
    const [run] = await tx.insert(customerClassRuns).values({
      quarter: lastCompleteQuarter(localToday(timeZone, now)), rulesVersion: rules.version, total: n, startedById: actorId,
    }).returning({ id: customerClassRuns.id });
    await enqueue(tx, RECOMPUTE_JOB, { runId: run.id });
    return run.id;
  });
  runner.kick();
  return recomputeRun(db, id);
}

async function rulesOfVersion(db: Tx, version: number): Promise<ClassRules> {
  if (version === 0) return { ...DEFAULT_CLASS_RULES, version: 0, updatedAt: null, updatedByName: null };
  const [row] = await db.select().from(customerClassRules).where(eq(customerClassRules.version, version));
  return row ? { ...(row.rules as ClassRulesBody), version, updatedAt: row.createdAt.toISOString(), updatedByName: null } : currentClassRules(db);
}

/** Quarter-start date (local) of the quarter after `today`'s: 2026-12-07 → 2027-01-01. */
export function nextQuarterStart(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  return q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
}

/**
 * The background side: each chunk job applies the rules of the run's version
 * to the next 5,000 customers and queues the next chunk; the quarterly job
 * starts a run on the first day of each quarter (CUS-08).
 */
export function registerClassJobs(runner: JobRunner, db: Db, timeZone: string): void {
  runner.register(RECOMPUTE_JOB, async (tx, { runId }: { runId: string }) => {
    const [run] = await tx.select().from(customerClassRuns).where(eq(customerClassRuns.id, runId)).for('update');
    if (!run || run.status !== 'running') return;
    // the job's own transaction: on embedded PGlite another query would wait for it to end
    const rules = await rulesOfVersion(tx, run.rulesVersion);
    const r = await applyRecomputeChunk(tx, rules, localToday(timeZone), timeZone, { id: run.id, cursor: run.cursor, actorId: run.startedById }, CHUNK);
    const finished = r.looked < CHUNK;
    await tx.update(customerClassRuns).set({
      done: sql`${customerClassRuns.done} + ${r.looked}`,
      // customers added while the run goes are looked at too
      total: sql`greatest(${customerClassRuns.total}, ${customerClassRuns.done} + ${r.looked})`,
      moved: sql`${customerClassRuns.moved} + ${r.moved}`, cursor: r.last ?? run.cursor,
      ...(finished ? { status: 'done', finishedAt: new Date() } : {}),
    }).where(eq(customerClassRuns.id, run.id));
    if (!finished) {
      await enqueue(tx, RECOMPUTE_JOB, { runId }, { dedupeKey: `${RECOMPUTE_JOB}:${runId}:${r.last}` });
      runner.afterCommit(async () => runner.kick());
    }
  });
  runner.register(QUARTERLY_JOB, async (tx) => {
    const today = localToday(timeZone);
    await enqueue(tx, QUARTERLY_JOB, {}, { runAt: quarterStartInstant(timeZone, nextQuarterStart(today)), dedupeKey: `${QUARTERLY_JOB}:${nextQuarterStart(today)}` });
    runner.afterCommit(async () => { await startRecompute(db, runner, null, timeZone).catch(() => { /* a run is already going: it covers this quarter */ }); });
  });
  const today = localToday(timeZone);
  void enqueue(db, QUARTERLY_JOB, {}, { runAt: quarterStartInstant(timeZone, nextQuarterStart(today)), dedupeKey: `${QUARTERLY_JOB}:${nextQuarterStart(today)}` }).catch(() => {});
}

/** 02:00 local on that day: after midnight's other jobs, before anyone is at work. */
function quarterStartInstant(timeZone: string, day: string): Date {
  return new Date(instantOf(timeZone, dayNumberOf(day), 120));
}
