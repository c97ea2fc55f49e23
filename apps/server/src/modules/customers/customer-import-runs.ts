import { and, eq, gt, lte, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { customerImportRows, customerImportRuns } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { readSheet } from './import-sheet.ts';
import { checkRows, findHeadings, type ImportRowData } from './import-rows.ts';
import { importChunk } from './import-chunk.ts';

// An import is checked as a whole when it is uploaded (every row's problems
// are known at once), then written in the background 1,000 rows per job: each
// chunk is one transaction that commits with its progress, so the console
// shows a bar and a restart carries on after the last chunk. A dry run goes
// the same way and only counts.

export const IMPORT_JOB = 'customers.import.chunk';
export const MAX_IMPORT_ROWS = 300_000;
const CHUNK = 1000;
/** rows staged per statement at upload */
const STAGE_BATCH = 5000;

export interface ImportFile { bytes: Buffer; name: string }

/** Reads and checks the file, stages its rows and queues the first chunk; answers the new run's id. */
export async function startCustomerImport(db: Db, runner: JobRunner, actorId: string, file: ImportFile, dryRun: boolean): Promise<string> {
  const rows = await readSheet(file.bytes, file.name, MAX_IMPORT_ROWS);
  const headings = findHeadings(rows);
  if (!headings) throw new AppError('IMPORT_HEADINGS_MISSING');
  const data = rows.slice(headings.index + 1);
  if (!data.length) throw new AppError('IMPORT_NO_ROWS');
  if (data.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS, rows: data.length });
  const checked = checkRows(data, headings.columns);
  const bad = checked.filter((r) => r.errors);
  const id = await db.transaction(async (tx) => {
    const [run] = await tx.insert(customerImportRuns).values({
      dryRun, fileName: file.name, total: checked.length, errorRows: bad.length, errorCount: bad.reduce((a, r) => a + r.errors!.length, 0),
      ignoredColumns: headings.ignored.slice(0, 50), startedById: actorId,
    }).returning({ id: customerImportRuns.id });
    for (let i = 0; i < checked.length; i += STAGE_BATCH) {
      await insertRows(tx, 'customer_import_rows', { run_id: 'uuid', row_no: 'int', data: 'jsonb', raw: 'jsonb', errors: 'jsonb' },
        checked.slice(i, i + STAGE_BATCH).map((r) => ({ run_id: run.id, row_no: r.rowNo, data: r.data, raw: r.raw, errors: r.errors })));
    }
    await enqueue(tx, IMPORT_JOB, { runId: run.id });
    return run.id;
  });
  runner.kick();
  return id;
}

/** The background side: one chunk per job, then the next is queued. */
export function registerImportJobs(runner: JobRunner): void {
  runner.register(IMPORT_JOB, async (tx, { runId }: { runId: string }, job) => {
    try {
      await tx.transaction((sp) => importNextChunk(sp, runner, runId));
    } catch (err) {
      if (job.attempts + 1 < job.max_attempts) throw err;
      // the last attempt: the run says it failed instead of running for ever (what is written stays written)
      await tx.update(customerImportRuns).set({ status: 'failed', finishedAt: new Date() }).where(eq(customerImportRuns.id, runId));
    }
  });
}

async function importNextChunk(tx: Tx, runner: JobRunner, runId: string): Promise<void> {
  const [run] = await tx.select().from(customerImportRuns).where(eq(customerImportRuns.id, runId)).for('update');
  if (!run || run.status !== 'running') return;
  // two imports at once would both create a customer for the same new phone
  if (!run.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('customers.import'))`);
  // the job's own transaction throughout: on embedded PGlite another query would wait for it to end
  const rows = await tx.select({ rowNo: customerImportRows.rowNo, data: customerImportRows.data }).from(customerImportRows)
    .where(and(eq(customerImportRows.runId, runId), gt(customerImportRows.rowNo, run.cursor)))
    .orderBy(customerImportRows.rowNo).limit(CHUNK);
  const valid = rows.filter((r) => r.data).map((r) => r.data as ImportRowData);
  const counts = await importChunk(tx, valid, run.dryRun, run.startedById);
  const last = rows.length ? rows[rows.length - 1].rowNo : run.cursor;
  // the valid rows are done with; rows with errors stay for the report
  await tx.delete(customerImportRows).where(and(eq(customerImportRows.runId, runId), gt(customerImportRows.rowNo, run.cursor),
    lte(customerImportRows.rowNo, last), isNull(customerImportRows.errors)));
  const finished = rows.length < CHUNK || run.processed + rows.length >= run.total;
  await tx.update(customerImportRuns).set({
    processed: run.processed + rows.length, cursor: last,
    created: run.created + counts.created, updated: run.updated + counts.updated, unchanged: run.unchanged + counts.unchanged,
    measures: run.measures + counts.measures,
    ...(finished ? { status: 'done', finishedAt: new Date() } : {}),
  }).where(eq(customerImportRuns.id, runId));
  if (!finished) {
    await enqueue(tx, IMPORT_JOB, { runId }, { dedupeKey: `${IMPORT_JOB}:${runId}:${last}` });
    runner.afterCommit(async () => runner.kick());
  }
}
