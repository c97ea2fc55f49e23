import type { Db } from '../../db/client.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { distributeQueue, REOFFER_JOB, reofferIfUnanswered } from './chat-distribution.commands.ts';
import type { ChatDelivery } from './chat-delivery.ts';

/** Gives the team's queue out and tells everyone concerned (after the caller's commit). */
export async function distributeAndAnnounce(db: Db, delivery: ChatDelivery, teamId: string | null): Promise<void> {
  for (const a of await distributeQueue(db, teamId)) delivery.assigned(a);
}

/** The re-offer timer: an unanswered chat goes back to the queue and on to someone else. */
export function registerChatJobs(runner: JobRunner, db: Db, delivery: ChatDelivery): void {
  runner.register(REOFFER_JOB, async (tx, payload: { conversationId: string; assigneeId: string; assignedAt: string }) => {
    const back = await reofferIfUnanswered(tx, payload);
    if (!back) return;
    runner.afterCommit(async () => {
      delivery.unassigned(payload.conversationId, payload.assigneeId);
      await distributeAndAnnounce(db, delivery, back.teamId);
    });
  });
}
