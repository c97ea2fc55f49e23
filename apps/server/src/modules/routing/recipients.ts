import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Recipient } from '@kefu/shared/rules';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { teams, ticketWatchers, users } from '../../db/schema/index.ts';
import { holdersOf } from './positions.repository.ts';

export interface TicketFacts {
  id: string;
  assigneeId: string | null;
  fields: Record<string, unknown>;
}

/** The active people a recipient means for this work order. */
export async function resolveRecipient(tx: Tx, r: Recipient, t: TicketFacts): Promise<string[]> {
  switch (r.kind) {
    case 'position':
      return holdersOf(tx, r.position);
    case 'user': {
      const [u] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, r.userId), eq(users.active, true)));
      return u ? [u.id] : [];
    }
    case 'team':
      return (await tx.select({ id: users.id }).from(users).where(and(eq(users.teamId, r.teamId), eq(users.active, true)))
        .orderBy(users.username)).map((u) => u.id);
    case 'assignee':
      return t.assigneeId ? [t.assigneeId] : [];
    case 'watchers':
      return (await tx.select({ id: ticketWatchers.userId }).from(ticketWatchers).where(eq(ticketWatchers.ticketId, t.id))).map((w) => w.id);
    case 'job_number_in_field': {
      const jobNumber = t.fields[r.field];
      if (typeof jobNumber !== 'string' || !jobNumber) return [];
      return (await tx.select({ id: users.id }).from(users).where(eq(users.jobNumber, jobNumber))).map((u) => u.id);
    }
    case 'superior_of_job_number_in_field': {
      const jobNumber = t.fields[r.field];
      if (typeof jobNumber !== 'string' || !jobNumber) return [];
      const [staff] = await tx.select({ id: users.id, leadId: teams.leadId }).from(users)
        .leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.jobNumber, jobNumber));
      if (!staff) return [];
      if (staff.leadId && staff.leadId !== staff.id) return [staff.leadId];
      return holdersOf(tx, r.topPosition);
    }
  }
}

export async function resolveAll(tx: Tx, rs: Recipient[], t: TicketFacts): Promise<string[]> {
  const out: string[] = [];
  for (const r of rs) for (const id of await resolveRecipient(tx, r, t)) if (!out.includes(id)) out.push(id);
  return out;
}

/**
 * Picks one person: least loaded = fewest open work orders; round robin = the
 * one whose latest assignment is oldest (derived from the data, so several
 * server processes agree without a shared counter).
 */
export async function pickOne(tx: Tx, candidates: string[], strategy: 'direct' | 'round_robin' | 'least_loaded'): Promise<string | null> {
  if (!candidates.length) return null;
  if (strategy === 'direct' || candidates.length === 1) return candidates[0];
  if (strategy === 'least_loaded') {
    const rows = await queryRows<{ assignee_id: string; n: number }>(tx, sql`
      select assignee_id, count(*)::int as n from tickets
      where assignee_id in ${candidates} and status in ('new', 'open', 'pending') group by assignee_id`);
    const load = (id: string) => rows.find((r) => r.assignee_id === id)?.n ?? 0;
    return [...candidates].sort((a, b) => load(a) - load(b) || candidates.indexOf(a) - candidates.indexOf(b))[0];
  }
  const rows = await queryRows<{ assignee_id: string; last: string }>(tx, sql`
    select assignee_id, max(updated_at) as last from tickets where assignee_id in ${candidates} group by assignee_id`);
  const last = (id: string) => {
    const r = rows.find((x) => x.assignee_id === id);
    return r ? new Date(r.last).getTime() : 0;
  };
  return [...candidates].sort((a, b) => last(a) - last(b) || candidates.indexOf(a) - candidates.indexOf(b))[0];
}

export async function activeUsers(tx: Tx, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
}
