import { AsyncLocalStorage } from 'node:async_hooks';

/** Work that must happen after a transaction commits (pushes, sockets). */
export type AfterCommitFn = () => void | Promise<void>;
export type AfterCommit = (fn: AfterCommitFn) => void;

// the after-commit work of the unit (a job, a request's save) running in this
// async context: several run at once, each one's pushes wait for its own commit
const current = new AsyncLocalStorage<AfterCommitFn[]>();

/** Schedules work for after the current unit commits (outside one: at once, after this tick). */
export const afterCommit: AfterCommit = (fn) => {
  const queue = current.getStore();
  if (queue) queue.push(fn);
  else queueMicrotask(() => void fn());
};

/**
 * Runs `work` (which commits its transaction before it resolves) and collects
 * what it scheduled with afterCommit; nothing is kept if it throws.
 */
export async function collectAfterCommit<T>(work: () => Promise<T>): Promise<{ result: T; queue: AfterCommitFn[] }> {
  const queue: AfterCommitFn[] = [];
  const result = await current.run(queue, work);
  return { result, queue };
}

/** Runs hooks one after another; a failing hook is reported and the rest still run. */
export async function runHooks(queue: AfterCommitFn[], onError: (err: unknown) => void): Promise<void> {
  for (const fn of queue) {
    try {
      await fn();
    } catch (err) {
      onError(err);
    }
  }
}

/** collectAfterCommit, then runs the hooks: for a request that saves and pushes. */
export async function withAfterCommit<T>(work: () => Promise<T>, onError: (err: unknown) => void = () => {}): Promise<T> {
  const { result, queue } = await collectAfterCommit(work);
  await runHooks(queue, onError);
  return result;
}

/**
 * Inside a unit: runs `work` (a savepoint) and hands its hooks to the unit only
 * if it succeeds, so a rolled-back part pushes nothing.
 */
export async function nestedAfterCommit<T>(work: () => Promise<T>): Promise<T> {
  const { result, queue } = await collectAfterCommit(work);
  for (const fn of queue) afterCommit(fn);
  return result;
}
