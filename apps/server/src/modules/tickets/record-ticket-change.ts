import type { Tx } from '../../db/client.ts';
import { outboxEvents, ticketEvents } from '../../db/schema/index.ts';

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** Which rules led to a change, so a rule never re-triggers itself (loop guard). */
export interface CausedBy {
  ruleIds: string[];
  depth: number;
}

/**
 * The timeline entry and the domain event of a change, written in the
 * transaction that made it. Every writer of work orders goes through here.
 */
export async function recordTicketChange(
  tx: Tx,
  ticketId: string,
  entry: {
    actorId: string | null; action: string; changes: Change[]; at?: Date; ruleName?: string; causedBy?: CausedBy; eventType?: string;
    /** more facts for listeners, e.g. which SLA clock */
    extra?: Record<string, unknown>;
  },
): Promise<void> {
  const at = entry.at ?? new Date();
  await tx.insert(ticketEvents).values({
    ticketId, actorId: entry.actorId, action: entry.action, changes: entry.changes, at, ruleName: entry.ruleName ?? null,
  });
  await tx.insert(outboxEvents).values({
    type: entry.eventType ?? 'ticket.updated',
    aggregateId: ticketId,
    // `at`: listeners that count time (callback deadlines) count from the change, not from when the queue got to it
    payload: { ticketId, actorId: entry.actorId, action: entry.action, changes: entry.changes, causedBy: entry.causedBy ?? null, at: at.toISOString(), ...entry.extra },
  });
}
