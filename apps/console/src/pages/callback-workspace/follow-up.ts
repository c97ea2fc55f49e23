// What recording a callback does to its work order (the server decides; this
// only predicts it for the script and names it afterwards).

export type Effect = 'close' | 'reopen' | 'rectify';

/**
 * What picking this ending will do, as the server will do it: a good callback
 * closes only a resolved work order; a bad one reopens a finished one.
 */
export function branchEffect(followUp: string, ticketStatus: string | null): Effect | null {
  if (!ticketStatus) return null;
  if (followUp === 'close') return ticketStatus === 'resolved' ? 'close' : null;
  if (followUp === 'reopen') return ticketStatus === 'resolved' || ticketStatus === 'closed' ? 'reopen' : null;
  if (followUp === 'rectify') return 'rectify';
  return null;
}

/** The response's followUp as something that happened; null: nothing worth saying. */
export function followUpDone(followUp: string | null): Effect | null {
  return followUp === 'close' || followUp === 'reopen' || followUp === 'rectify' ? followUp : null;
}
