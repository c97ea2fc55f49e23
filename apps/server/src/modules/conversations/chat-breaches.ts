import { eq } from 'drizzle-orm';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import { conversations } from '../../db/schema/index.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { BREACH_JOB, type BreachPayload } from './chat-targets.ts';
import { channelNameOf, chatSupervisorsOf, userNameOf } from './conversations.queries.ts';

/**
 * A conversation's target passed (its timer ran): if it is still unmet —
 * not answered, or not resolved — the team lead is told, once. The mark on
 * the conversation is written in the same transaction as the notice, only
 * where no mark is yet, so a timer that runs twice, or two processes, tell
 * nobody twice. A deadline still ahead on the business clock waits again.
 */
export async function reportTargetBreach(work: UnitOfWork, p: BreachPayload, clock: Clock): Promise<'told' | 'met' | 'waiting'> {
  const { tx } = work;
  const [c] = await tx.select().from(conversations).where(eq(conversations.id, p.conversationId)).for('update');
  if (!c || c.status === 'resolved') return 'met';
  const first = p.kind === 'first_response';
  const due = first ? c.firstResponseDueAt : c.resolveDueAt;
  const marked = first ? c.firstResponseBreachedAt : c.resolveBreachedAt;
  if (!due || marked || (first && c.firstResponseAt)) return 'met';
  const now = clock.now();
  if (due.getTime() > now.getTime()) {
    await enqueue(tx, BREACH_JOB, p, { runAt: new Date(Date.now() + due.getTime() - now.getTime()), dedupeKey: `chat-breach:${c.id}:${p.kind}:${now.getTime()}` });
    return 'waiting';
  }
  await tx.update(conversations).set(first ? { firstResponseBreachedAt: now } : { resolveBreachedAt: now }).where(eq(conversations.id, c.id));
  const [leads, channel, agent] = await Promise.all([
    chatSupervisorsOf(tx, work.db, c.teamId), channelNameOf(tx, c.channelId), c.assigneeId ? userNameOf(tx, c.assigneeId) : null,
  ]);
  work.part(NOTICES).tell(leads, {
    kind: 'chat.sla_breached', ticketId: null, link: `/inbox?queue=all&c=${c.id}`,
    vars: { chat: { visitor: c.visitorName ?? c.visitorPhone ?? '—', channel, targetKind: p.kind, agent: agent ?? '—' }, dueAt: due.toISOString(), link: `/inbox?queue=all&c=${c.id}` },
  });
  return 'told';
}
