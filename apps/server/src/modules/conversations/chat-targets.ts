import type { CalendarSpec } from '@kefu/shared/calendar-spec';
import type { ChatChannelSettings } from '@kefu/shared/conversations-api';
import type { JobSpec } from '../../platform/jobs/job-queue.ts';
import { addBusinessMinutes } from '../../platform/time/business-time.ts';

// A conversation's service targets (首次响应 / 解决时限): counted in working
// time on the channel's business calendar (else its team's, else the
// default one) from the visitor's first message. The minutes are the
// channel's settings; the defaults (5 business minutes, 24 business hours)
// are in the channel schema, and the demo's web forms and lead form get two
// business hours for the first answer.

export interface ConversationTargets {
  firstResponseDueAt: Date | null;
  resolveDueAt: Date | null;
}

export function conversationTargets(calendar: CalendarSpec, settings: Pick<ChatChannelSettings, 'firstResponseMinutes' | 'resolveHours'>, start: Date): ConversationTargets {
  return {
    firstResponseDueAt: settings.firstResponseMinutes ? addBusinessMinutes(calendar, start, settings.firstResponseMinutes) : null,
    resolveDueAt: settings.resolveHours ? addBusinessMinutes(calendar, start, settings.resolveHours * 60) : null,
  };
}

export const BREACH_JOB = 'conversations.target-breach';
export type BreachKind = 'first_response' | 'resolution';
export interface BreachPayload { conversationId: string; kind: BreachKind }

/**
 * The timers that tell the team lead when a target passes unmet. A timer
 * waits as long as the business clock has left to the deadline (so a test's
 * clock and the job queue's agree); its handler checks the deadline again.
 */
export function breachTimers(conversationId: string, targets: ConversationTargets, now: Date): JobSpec[] {
  const timers: JobSpec[] = [];
  const add = (kind: BreachKind, due: Date | null) => {
    if (!due) return;
    timers.push({
      kind: BREACH_JOB, payload: { conversationId, kind } satisfies BreachPayload,
      runAt: new Date(Date.now() + Math.max(0, due.getTime() - now.getTime())), dedupeKey: `chat-breach:${conversationId}:${kind}`,
    });
  };
  add('first_response', targets.firstResponseDueAt);
  add('resolution', targets.resolveDueAt);
  return timers;
}
