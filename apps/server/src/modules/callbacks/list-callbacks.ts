import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { isVisibleTo, notHiddenFrom, scopeCondition } from '../tickets/tickets.queries.ts';
import type { Db } from '../../db/client.ts';
import { callbackTasks, customers, teams, tickets, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { customerPhoneFor } from '../customers/customers.queries.ts';
import { quietHoursResolver, quietState } from '../customers/quiet-hours.queries.ts';
import { inCustomerGroup } from '../customers/customers.queries.ts';

export interface CallbackQuery {
  view: 'mine' | 'team' | 'all';
  status?: string[];
  assigneeId?: string;
  dueFrom?: string;
  dueTo?: string;
  ticketId?: string;
  customerId?: string;
  policyId?: string;
  campaignId?: string;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

/**
 * Callback tasks by deadline, earliest first: overdue ones come first on
 * their own. "mine" is the agent's list; the team's and everyone's need
 * callback:manage. Each item says whether it is the customer's quiet time now.
 */
/**
 * The callbacks a viewer may see, as a condition on callback_tasks joined with
 * tickets: never one about a work order hidden from them (AUD-13); otherwise
 * their own, their team's (a team lead manages the team's callbacks whatever
 * became of the work order), those about no work order (campaigns), and those
 * about work orders within their data scope.
 */
export function visibleCallback(viewer: Principal): SQL {
  const notHidden = or(isNull(tickets.id), notHiddenFrom(viewer))!;
  if (viewer.dataScope === 'all') return notHidden;
  const mayManage = can(viewer, 'callback:manage');
  return and(notHidden, or(
    eq(callbackTasks.assigneeId, viewer.userId),
    mayManage ? isNull(callbackTasks.ticketId) : undefined,
    mayManage && viewer.teamId && viewer.dataScope !== 'own' ? eq(callbackTasks.teamId, viewer.teamId) : undefined,
    and(isNotNull(tickets.id), scopeCondition(viewer)),
  ))!;
}

/** visibleCallback in memory, for one task and its work order (already read). */
export function mayViewCallback(viewer: Principal, task: { assigneeId: string | null; teamId: string | null; ticketId: string | null }, ticket: Parameters<typeof isVisibleTo>[1] | undefined): boolean {
  if (ticket && (ticket.hiddenFrom ?? []).includes(viewer.userId)) return false;
  if (viewer.dataScope === 'all' || task.assigneeId === viewer.userId) return true;
  const mayManage = can(viewer, 'callback:manage');
  if (mayManage && !task.ticketId) return true;
  if (mayManage && viewer.teamId && viewer.dataScope !== 'own' && task.teamId === viewer.teamId) return true;
  return !!ticket && isVisibleTo(viewer, ticket);
}

export async function listCallbacks(db: Db, viewer: Principal, q: CallbackQuery, timeZone: string, now = new Date()) {
  const conds: (SQL | undefined)[] = [visibleCallback(viewer)];
  const manager = can(viewer, 'callback:manage');
  if (q.view === 'mine') conds.push(eq(callbackTasks.assigneeId, viewer.userId));
  else if (!manager) throw new AppError('FORBIDDEN', { permission: 'callback:manage' });
  else if (q.view === 'team') conds.push(viewer.teamId ? eq(callbackTasks.teamId, viewer.teamId) : sql`false`);
  if (q.assigneeId) {
    if (q.assigneeId !== viewer.userId && !manager) throw new AppError('FORBIDDEN', { permission: 'callback:manage' });
    conds.push(eq(callbackTasks.assigneeId, q.assigneeId));
  }
  if (q.status?.length) conds.push(inArray(callbackTasks.status, q.status));
  if (q.dueFrom) conds.push(gte(callbackTasks.dueAt, new Date(q.dueFrom)));
  if (q.dueTo) conds.push(lt(callbackTasks.dueAt, new Date(q.dueTo)));
  if (q.ticketId) conds.push(eq(callbackTasks.ticketId, q.ticketId));
  if (q.customerId) conds.push(inCustomerGroup(callbackTasks.customerId, q.customerId));
  if (q.policyId) conds.push(eq(callbackTasks.policyId, q.policyId));
  if (q.campaignId) conds.push(eq(callbackTasks.campaignId, q.campaignId));
  if (q.overdue) conds.push(and(eq(callbackTasks.status, 'open'), lt(callbackTasks.dueAt, now)));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    // a row comparison, so the (due_at, id) index can start right at the cursor
    conds.push(sql`(${callbackTasks.dueAt}, ${callbackTasks.id}) > (${c.sortValue}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db.select({
    c: callbackTasks, customerName: customers.name, customerPhone: customers.phone, customerClass: customers.customerClass,
    ticketNumber: tickets.number, ticketSubject: tickets.subject, ticketStatus: tickets.status, assigneeName: users.displayName, teamName: teams.name,
  }).from(callbackTasks)
    .innerJoin(customers, eq(customers.id, callbackTasks.customerId))
    .leftJoin(tickets, eq(tickets.id, callbackTasks.ticketId))
    .leftJoin(users, eq(users.id, callbackTasks.assigneeId))
    .leftJoin(teams, eq(teams.id, callbackTasks.teamId))
    .where(and(...conds))
    .orderBy(asc(callbackTasks.dueAt), asc(callbackTasks.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const windowsFor = await quietHoursResolver(db);
  const quietByClass = new Map<string, ReturnType<typeof quietState>>();
  const items = [];
  for (const r of page) {
    const key = r.customerClass ?? '';
    if (!quietByClass.has(key)) quietByClass.set(key, quietState(windowsFor(r.customerClass), timeZone, now));
    const quiet = quietByClass.get(key)!;
    items.push({
      ...presentTask(r.c, now),
      customerName: r.customerName, customerPhone: customerPhoneFor(viewer, r.customerPhone), customerClass: r.customerClass,
      ticketNumber: r.ticketNumber, ticketSubject: r.ticketSubject, ticketStatus: r.ticketStatus,
      assigneeName: r.assigneeName, teamName: r.teamName,
      quietNow: quiet.quiet, quietUntil: quiet.nextAllowedAt?.toISOString() ?? null,
    });
  }
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.c.dueAt.toISOString(), last.c.id) : null };
}

export function presentTask(c: typeof callbackTasks.$inferSelect, now = new Date()) {
  return {
    id: c.id, policyId: c.policyId, campaignId: c.campaignId, policy: c.source, callbackType: c.callbackType, step: c.step,
    ticketId: c.ticketId, customerId: c.customerId, assigneeId: c.assigneeId, teamId: c.teamId, scriptId: c.scriptId, round: c.round,
    availableAt: c.availableAt.toISOString(), dueAt: c.dueAt.toISOString(), appointmentAt: c.appointmentAt?.toISOString() ?? null,
    status: c.status, outcome: c.outcome, reason: c.reason, attemptCount: c.attemptCount, coverageRequired: c.coverageRequired,
    targetMinutes: c.targetMinutes, overdue: c.status === 'open' && c.dueAt.getTime() < now.getTime(),
    doneAt: c.doneAt?.toISOString() ?? null, closedReason: c.closedReason, createdAt: c.createdAt.toISOString(),
  };
}
