import { eq, or, sql, type SQL } from 'drizzle-orm';
import { tickets } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';

/** The work orders a user may see, by the widest data scope among their roles. */
export function scopeCondition(p: Principal): SQL | undefined {
  const mine = or(eq(tickets.assigneeId, p.userId), eq(tickets.createdById, p.userId))!;
  switch (p.dataScope) {
    case 'all':
      return undefined;
    case 'department':
      return p.departmentId ? or(eq(tickets.departmentId, p.departmentId), mine) : mine;
    case 'team':
      return p.teamId ? or(eq(tickets.teamId, p.teamId), mine) : mine;
    case 'own':
    default:
      return mine;
  }
}

export const NONE = sql`false`;
