import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ticketSlas } from '../../db/schema/index.ts';

/** The clocks of a work order, soonest deadline first (the work-order detail shows them). */
export async function clocksOfTicket(db: Db, ticketId: string) {
  return db.select().from(ticketSlas).where(eq(ticketSlas.ticketId, ticketId)).orderBy(asc(ticketSlas.dueAt));
}
