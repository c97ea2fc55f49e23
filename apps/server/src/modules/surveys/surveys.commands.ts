import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { ensureDefaultSurvey, inviteAfterResolution } from './send-survey.ts';

export { ensureDefaultSurvey };

/** The post-resolution surveys of these resolved work orders (each customer once per work order; sent outside their rest time). */
export async function inviteAfterResolutions(work: UnitOfWork, ticketIds: string[]): Promise<void> {
  const tickets = work.part(TICKETS);
  await tickets.load(ticketIds);
  for (const id of ticketIds) {
    const t = tickets.get(id);
    if (t) await inviteAfterResolution(work.tx, work.db, id, work.timeZone, { customerId: t.customerId, assigneeId: t.assigneeId });
  }
}
