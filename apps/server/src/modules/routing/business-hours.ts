import type { Tx } from '../../db/client.ts';
import { isWorkingTime } from '../../platform/time/business-time.ts';
import { calendarFor } from '../sla/calendars.repository.ts';

/** Whether a team is inside its working hours (its calendar, else the default one). */
export async function isTeamWorkingNow(tx: Tx, teamId: string | null, at: Date): Promise<boolean> {
  return isWorkingTime((await calendarFor(tx, null, teamId)).spec, at);
}
