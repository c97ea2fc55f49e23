import { errorText, loggableError } from '../log-safety.ts';
import { EventEmitter } from 'node:events';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { jobs } from '../../db/schema/jobs.ts';
import { afterCommit, collectAfterCommit, runHooks, type AfterCommit, type AfterCommitFn } from './after-commit.ts';
import { PollLoop } from '../poll-loop.ts';
import { UnitOfWork, type UnitOptions } from '../events/unit-of-work.ts';

export type { AfterCommit } from './after-commit.ts';

export interface JobRow {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
}

/** A handler runs inside the job's transaction; what it writes commits with "done". */
export type JobHandler = (tx: Tx, payload: any, job: JobRow) => Promise<void>;
/** A handler that changes business data through a unit of work (flushed before the job is marked done). */
export type UnitJobHandler = (work: UnitOfWork, payload: any, job: JobRow) => Promise<void>;

export interface RunnerLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const BATCH = 20;

/** Retry delays grow 5 s, 20 s, 80 s … up to 30 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 4 ** Math.max(attempt - 1, 0), 30 * 60_000);
}

/**
 * Runs due jobs. Several runners (in several processes) share the table: each
 * claims rows with SKIP LOCKED and holds them only inside its transaction.
 */
export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private poller: PollLoop;
  /** set by stop(): loops finish the job in hand and take no more */
  private closing = false;
  readonly events = new EventEmitter();

  constructor(
    private db: Db,
    private log: RunnerLogger,
    private pollMs = 500,
    /** job loops running side by side (each takes its own connection) */
    private concurrency = 1,
    /** what units of work made for jobs know (realtime sink, time zone) */
    private unitOptions: Omit<UnitOptions, 'db'> = {},
  ) {
    this.poller = new PollLoop(() => this.runDue(), (err) => this.log.error({ err: loggableError(err) }, 'job runner failed'), pollMs);
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  registerUnit(kind: string, handler: UnitJobHandler): void {
    this.register(kind, async (tx, payload, job) => {
      const work = new UnitOfWork(tx, { ...this.unitOptions, db: this.db });
      await handler(work, payload, job);
      await work.flush();
    });
  }

  /** Schedules work for after the current job (or request save) commits. */
  readonly afterCommit: AfterCommit = afterCommit;

  start(): void {
    this.closing = false;
    this.poller.start(this.pollMs);
  }

  async stop(): Promise<void> {
    this.closing = true;
    await this.poller.stop();
  }

  /** Something was just enqueued here: look now instead of at the next poll. */
  kick(): void {
    this.poller.kick();
  }

  /**
   * Runs up to one batch of due jobs, each in its own transaction so its
   * effects (and pushes) land as soon as it is done; several loops share the
   * work. Returns how many ran.
   */
  async runDue(): Promise<number> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return 0;
    const counts = await Promise.all(Array.from({ length: this.concurrency }, () => this.loop(kinds)));
    const count = counts.reduce((a, b) => a + b, 0);
    if (count) this.events.emit('ran', count);
    return count;
  }

  private async loop(kinds: string[]): Promise<number> {
    let n = 0;
    while (n < BATCH && !this.closing && (await this.runOne(kinds))) n++;
    return n;
  }

  /** Claims one due job, runs it and marks it, in one transaction; false when none is due. */
  private async runOne(kinds: string[]): Promise<boolean> {
    const after: AfterCommitFn[] = [];
    const ran = await this.db.transaction(async (tx) => {
      const [job] = await queryRows<JobRow>(tx, sql`
        select id, kind, payload, attempts, max_attempts, dedupe_key from jobs
        where status = 'pending' and run_at <= now() and kind in ${kinds}
        order by run_at, id limit 1 for update skip locked`);
      if (!job) return false;
      const handler = this.handlers.get(job.kind)!;
      try {
        // a savepoint: a failing handler undoes its own writes, then the failure is recorded
        const { queue } = await collectAfterCommit(() => tx.transaction(async (sp) => handler(sp, job.payload, job)));
        await tx.update(jobs).set({ status: 'done', finishedAt: new Date(), attempts: job.attempts + 1, dedupeKey: null })
          .where(eq(jobs.id, job.id));
        after.push(...queue);
      } catch (err) {
        const attempts = job.attempts + 1;
        const failed = attempts >= job.max_attempts;
        const message = errorText(err);
        await tx.update(jobs).set({
          attempts,
          lastError: message,
          status: failed ? 'failed' : 'pending',
          runAt: new Date(Date.now() + backoffMs(attempts)),
          finishedAt: failed ? new Date() : null,
          dedupeKey: failed ? null : job.dedupe_key,
        }).where(eq(jobs.id, job.id));
        this.log.warn({ job: job.id, kind: job.kind, attempts, err: message }, failed ? 'job failed for good' : 'job failed; will retry');
      }
      return true;
    });
    await runHooks(after, (err) => this.log.error({ err: loggableError(err) }, 'after-commit hook failed'));
    return ran;
  }
}
