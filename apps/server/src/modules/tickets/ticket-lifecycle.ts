import { DEFAULT_LIFECYCLE, type Lifecycle, type TicketStatus } from '@kefu/shared/ticket-status';
import type { FormDefinition } from '@kefu/shared/forms';
import { can, type Principal } from '../../platform/auth/principal.ts';

/** A type's lifecycle: its form's transitions over the default ones. */
export function lifecycleOf(def: FormDefinition | null): Lifecycle {
  return { ...DEFAULT_LIFECYCLE, ...(def?.lifecycle ?? {}) } as Lifecycle;
}

/**
 * Who moves a work order along its lifecycle: whoever it is assigned to, or
 * someone who may reassign work (team lead, manager). The operator who took
 * the call keeps it until it is routed on; then it is the new assignee's
 * (work left in a team's queue, unassigned, is the team's).
 * One rule for the API and the console (which shows only the moves allowed).
 */
export function mayChangeStatus(viewer: Principal, t: { assigneeId: string | null; teamId: string | null }): boolean {
  if (!can(viewer, 'ticket:update')) return false;
  if (t.assigneeId === viewer.userId || can(viewer, 'ticket:assign')) return true;
  // work waiting in a team's queue with nobody on it: anyone of the team may take it on
  return t.assigneeId === null && !!t.teamId && t.teamId === viewer.teamId;
}

/** The moves this viewer may make from the current status. */
export function transitionsFor(viewer: Principal, def: FormDefinition | null, t: { status: string; assigneeId: string | null; teamId: string | null }): TicketStatus[] {
  if (!mayChangeStatus(viewer, t)) return [];
  return lifecycleOf(def)[t.status as TicketStatus] ?? [];
}
