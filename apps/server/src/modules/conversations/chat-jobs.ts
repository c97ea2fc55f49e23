import type { Db } from '../../db/client.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { distributeQueue, REOFFER_JOB, reofferIfUnanswered } from './chat-distribution.commands.ts';
import { purgeOldConversations } from './conversations.commands.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { ChatDelivery } from './chat-delivery.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { BREACH_JOB } from './chat-targets.ts';
import { reportTargetBreach } from './chat-breaches.ts';

/** Gives the team's queue out and tells everyone concerned (after the caller's commit). */
export async function distributeAndAnnounce(db: Db, delivery: ChatDelivery, teamId: string | null): Promise<void> {
  for (const a of await distributeQueue(db, teamId)) delivery.assigned(a);
}

export const RETENTION_JOB = 'conversations.retention';
const RETENTION_BATCH = 500;

/**
 * The re-offer timer (an unanswered chat goes back to the queue and on to
 * someone else), the target timers (the team lead hears of a missed first
 * response or resolution) and, with KEFU_CHAT_RETENTION_DAYS, the daily purge
 * of old chat logs and their files.
 */
export function registerChatJobs(runner: JobRunner, db: Db, delivery: ChatDelivery, retention: { days: number; files: FileStore }, clock: Clock): void {
  runner.registerUnit(BREACH_JOB, async (work, payload) => {
    await reportTargetBreach(work, payload, clock);
  });
  if (retention.days > 0) {
    runner.register(RETENTION_JOB, async (tx) => {
      const { purged, keys } = await purgeOldConversations(tx, retention.days, RETENTION_BATCH);
      // more to do: again soon; else tomorrow
      const next = purged === RETENTION_BATCH ? 60_000 : 24 * 3600_000;
      await enqueue(tx, RETENTION_JOB, {}, { runAt: new Date(Date.now() + next), dedupeKey: 'conversations.retention.next' });
      runner.afterCommit(async () => { for (const k of keys) await retention.files.remove(k); });
    });
    void enqueue(db, RETENTION_JOB, {}, { runAt: new Date(Date.now() + 3600_000), dedupeKey: 'conversations.retention.next' }).catch(() => {});
  }
  runner.register(REOFFER_JOB, async (tx, payload: { conversationId: string; assigneeId: string; assignedAt: string }) => {
    const back = await reofferIfUnanswered(tx, payload);
    if (!back) return;
    runner.afterCommit(async () => {
      delivery.unassigned(payload.conversationId, payload.assigneeId);
      await distributeAndAnnounce(db, delivery, back.teamId);
    });
  });
}
