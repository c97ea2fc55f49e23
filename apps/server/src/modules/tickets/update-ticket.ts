import { eq, sql } from 'drizzle-orm';
import type { TicketStatus } from '@kefu/shared/ticket-status';
import type { Db } from '../../db/client.ts';
import { tickets } from '../../db/schema/index.ts';
import { recordTicketChange, type Change } from './record-ticket-change.ts';
import { AppError, type Locale } from '../../platform/errors.ts';
import { requirePermission, type Principal } from '../../platform/auth/principal.ts';
import { toVectorLiteral } from '../../platform/search/tokenize.ts';
import { formVersion } from '../forms/forms.repository.ts';
import { departmentFor } from './create-ticket.ts';
import { lifecycleOf, visibleTicket } from './ticket-queries.ts';
import { deriveSubject, ticketSearchWords } from './ticket-subject.ts';
import { assertValidFields } from './ticket-validation.ts';

export interface UpdateTicketInput {
  status?: TicketStatus;
  assigneeId?: string | null;
  teamId?: string | null;
  priority?: string;
  subject?: string;
  fields?: Record<string, unknown>;
  resolution?: string;
}


const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Which timeline action a set of changes is, for the console to label. */
export function actionOf(changes: Change[]): string {
  const kinds = new Set(changes.map((c) => (c.field.startsWith('fields.') ? 'fields_changed'
    : c.field === 'status' ? 'status_changed'
      : c.field === 'assigneeId' || c.field === 'teamId' ? 'assigned'
        : c.field === 'priority' ? 'priority_changed' : 'updated')));
  return kinds.size === 1 ? [...kinds][0] : 'updated';
}

export async function updateTicket(db: Db, actor: Principal, ticketId: string, input: UpdateTicketInput, locale: Locale) {
  const wantsAssign = input.assigneeId !== undefined || input.teamId !== undefined;
  const wantsEdit = input.status !== undefined || input.priority !== undefined || input.subject !== undefined
    || input.fields !== undefined || input.resolution !== undefined;
  if (wantsAssign) requirePermission(actor, 'ticket:assign');
  if (wantsEdit) requirePermission(actor, 'ticket:update');

  return db.transaction(async (tx) => {
    const current = await visibleTicket(tx, actor, ticketId, { lock: true });
    const t = current.t;
    const def = await formVersion(db, t.type, t.formVersion, tx);
    const changes: Change[] = [];
    const patch: Partial<typeof tickets.$inferInsert> = {};

    if (input.status !== undefined && input.status !== t.status) {
      const allowed = lifecycleOf(def)[t.status as TicketStatus] ?? [];
      if (!allowed.includes(input.status)) {
        throw new AppError('INVALID_TRANSITION', { from: t.status, to: input.status, allowed: allowed.join(', ') || '-' }, { allowed });
      }
      patch.status = input.status;
      changes.push({ field: 'status', from: t.status, to: input.status });
    }
    if (input.resolution !== undefined && input.resolution !== (t.resolution ?? '')) {
      patch.resolution = input.resolution || null;
      changes.push({ field: 'resolution', from: t.resolution, to: patch.resolution });
    }
    if (input.priority !== undefined && input.priority !== t.priority) {
      patch.priority = input.priority;
      changes.push({ field: 'priority', from: t.priority, to: input.priority });
    }
    if (input.subject !== undefined && input.subject !== t.subject) {
      patch.subject = input.subject;
      changes.push({ field: 'subject', from: t.subject, to: input.subject });
    }
    if (input.assigneeId !== undefined && input.assigneeId !== t.assigneeId) {
      patch.assigneeId = input.assigneeId;
      changes.push({ field: 'assigneeId', from: t.assigneeId, to: input.assigneeId });
    }
    if (input.teamId !== undefined && input.teamId !== t.teamId) {
      patch.teamId = input.teamId;
      changes.push({ field: 'teamId', from: t.teamId, to: input.teamId });
    }
    if (patch.assigneeId !== undefined || patch.teamId !== undefined) {
      patch.departmentId = await departmentFor(tx, patch.assigneeId !== undefined ? patch.assigneeId : t.assigneeId,
        patch.teamId !== undefined ? patch.teamId : t.teamId);
    }
    let fields = t.fields as Record<string, unknown>;
    if (input.fields !== undefined && def) {
      const merged: Record<string, unknown> = { ...fields };
      for (const [k, v] of Object.entries(input.fields)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      const clean = assertValidFields(def, merged, locale);
      for (const k of new Set([...Object.keys(fields), ...Object.keys(clean)])) {
        if (!same(fields[k], clean[k])) changes.push({ field: `fields.${k}`, from: fields[k] ?? null, to: clean[k] ?? null });
      }
      if (changes.some((c) => c.field.startsWith('fields.'))) {
        // a title the system made follows the fields; one a person wrote stays
        if (input.subject === undefined && t.subject === deriveSubject(def, fields)) {
          const next = deriveSubject(def, clean);
          if (next !== t.subject) {
            patch.subject = next;
            changes.push({ field: 'subject', from: t.subject, to: next });
          }
        }
        patch.fields = clean;
        fields = clean;
      }
    }
    if (!changes.length) return t.id;

    if (def && (patch.fields || patch.subject)) {
      const words = ticketSearchWords(t.number, patch.subject ?? t.subject, current.customerName, def, fields);
      patch.searchVector = sql`${toVectorLiteral(words)}::tsvector` as unknown as string;
    }
    const now = new Date();
    await tx.update(tickets).set({ ...patch, updatedAt: now }).where(eq(tickets.id, t.id));
    await recordTicketChange(tx, t.id, { actorId: actor.userId, action: actionOf(changes), changes, at: now });
    return t.id;
  });
}
