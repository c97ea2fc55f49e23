import { sql, type SQL } from 'drizzle-orm';
import type { AssignmentPreview } from '@kefu/shared/customer-archive-api';
import type { z } from 'zod';
import type { assignmentPreviewBody } from '@kefu/shared/customer-archive-api';
import type { Db } from '../../db/client.ts';
import { pgArray, queryRows } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueMany } from '../../platform/jobs/job-queue.ts';
import { calendarBook } from '../../platform/time/calendars.ts';
import { addBusinessDays } from '../../platform/time/business-time.ts';
import { dayNumberOf, instantOf } from '../../platform/time/wall-clock.ts';
import { currentClassRules } from './class-rules.ts';
import { currentArchiveSettings } from './archive-settings.ts';
import { listSpecialists } from './specialists.ts';
import { planAssignments, type Candidate } from './assignment-plan.ts';

export const FIRST_CONTACT_JOB = 'customers.first_contact.due';
type PreviewInput = z.infer<typeof assignmentPreviewBody>;

/** The customers the supervisor is about to assign, and who would take each: nothing is written. */
export async function previewAssignment(db: Db, input: PreviewInput, timeZone: string): Promise<AssignmentPreview> {
  const conds: SQL[] = [sql`merged_into_id is null`];
  if (!input.includeAssigned) conds.push(sql`owner_id is null`);
  if (input.tier) conds.push(sql`tier = ${input.tier}`);
  if (input.since) conds.push(sql`created_at >= ${new Date(instantOf(timeZone, dayNumberOf(input.since), 0)).toISOString()}::timestamptz`);
  if (input.customerIds) conds.push(sql`id = any(${pgArray(input.customerIds)}::uuid[])`);
  const [rows, specialists, rules] = await Promise.all([
    queryRows<{ id: string; name: string; tier: string | null; owner_id: string | null }>(db, sql`
      select id, name, tier, owner_id from customers where ${sql.join(conds, sql` and `)}
      order by created_at, id limit ${input.limit + 1}`),
    listSpecialists(db, true),
    currentClassRules(db),
  ]);
  const candidates: Candidate[] = rows.slice(0, input.limit).map((r) => ({ id: r.id, name: r.name, tier: r.tier, ownerId: r.owner_id }));
  const plan = planAssignments(candidates, specialists, [...rules.classes.map((c) => c.key), rules.fallback.key]);
  return {
    assignments: plan.planned,
    unassignable: plan.unassignable.map((c) => ({ customerId: c.id, customerName: c.name, tier: c.tier })),
    loads: specialists.map((s) => ({ userId: s.userId, name: s.name, skill: s.skill, capacity: s.capacity, before: s.load, after: plan.loads.get(s.userId) ?? s.load })),
    more: rows.length > input.limit,
  };
}

/**
 * Gives the customers their owners (the preview, possibly edited by the
 * supervisor) and starts each one's first-contact timer (CUS-04): due after
 * the configured working days on the archive's calendar, with one timer job
 * per customer. One statement for the customers, one for the jobs.
 */
export async function applyAssignment(db: Db, assignments: { customerId: string; ownerId: string }[], now: Date): Promise<{ assigned: number; firstContactDueAt: string }> {
  const settings = await currentArchiveSettings(db);
  const specialists = await listSpecialists(db, true);
  const active = new Set(specialists.map((s) => s.userId));
  const notSpecialist = assignments.find((a) => !active.has(a.ownerId));
  if (notSpecialist) throw new AppError('OWNER_NOT_SPECIALIST');
  const calendar = (await calendarBook(db, db)).pick(settings.calendarId);
  const due = addBusinessDays(calendar.spec, now, settings.firstContactDays);
  const last = new Map(assignments.map((a) => [a.customerId, a.ownerId]));
  const rows = [...last].map(([customer_id, owner_id]) => ({ customer_id, owner_id }));
  return db.transaction(async (tx) => {
    const changed = await queryRows<{ id: string }>(tx, sql`
      update customers c set owner_id = i.owner_id, owner_assigned_at = ${now.toISOString()}::timestamptz,
        first_contact_due_at = ${due.toISOString()}::timestamptz, first_contact_overdue_at = null, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as i(customer_id uuid, owner_id uuid)
      where c.id = i.customer_id and c.merged_into_id is null and c.owner_id is distinct from i.owner_id
      returning c.id`);
    await enqueueMany(tx, changed.map((c) => ({
      kind: FIRST_CONTACT_JOB, payload: { customerId: c.id, dueAt: due.toISOString() }, runAt: due,
      dedupeKey: `${FIRST_CONTACT_JOB}:${c.id}:${due.toISOString()}`,
    })));
    return { assigned: changed.length, firstContactDueAt: due.toISOString() };
  });
}
