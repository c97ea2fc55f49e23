import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { tickets } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';

/**
 * The work orders a user may see: by the widest data scope among their roles,
 * never one hidden from them (a complaint about them, AUD-13).
 */
export function scopeCondition(p: Principal): SQL | undefined {
  const notHidden = sql`not (${tickets.hiddenFrom} @> array[${p.userId}]::uuid[])`;
  const mine = or(eq(tickets.assigneeId, p.userId), eq(tickets.createdById, p.userId))!;
  switch (p.dataScope) {
    case 'all':
      return notHidden;
    case 'department':
      return and(p.departmentId ? or(eq(tickets.departmentId, p.departmentId), mine) : mine, notHidden);
    case 'team':
      return and(p.teamId ? or(eq(tickets.teamId, p.teamId), mine) : mine, notHidden);
    case 'own':
    default:
      return and(mine, notHidden);
  }
}

export const NONE = sql`false`;
