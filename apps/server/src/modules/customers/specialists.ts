import { sql } from 'drizzle-orm';
import type { Specialist } from '@kefu/shared/customer-archive-api';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { customerSpecialists } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

interface Row { user_id: string; name: string; job_number: string | null; skill: number; classes: string[]; capacity: number | null; active: boolean; load: number; overdue: number }

/**
 * The specialists with how many customers each owns now and how many of
 * those wait overdue for a first contact: one statement (the owner index
 * counts). `activeOnly` for the assignment.
 */
export async function listSpecialists(tx: Tx, activeOnly = false): Promise<Specialist[]> {
  const rows = await queryRows<Row>(tx, sql`
    with loads as (
      select owner_id, count(*)::int as load, count(*) filter (where first_contact_overdue_at is not null)::int as overdue
      from customers where owner_id is not null and merged_into_id is null group by owner_id)
    select s.user_id, u.display_name as name, u.job_number, s.skill, s.classes, s.capacity, s.active and u.active as active,
      coalesce(l.load, 0) as load, coalesce(l.overdue, 0) as overdue
    from customer_specialists s join users u on u.id = s.user_id left join loads l on l.owner_id = s.user_id
    ${activeOnly ? sql`where s.active and u.active` : sql``}
    order by u.display_name, s.user_id`);
  return rows.map((r) => ({
    userId: r.user_id, name: r.name, jobNumber: r.job_number, skill: r.skill, classes: r.classes, capacity: r.capacity,
    active: r.active, load: r.load, overdue: r.overdue,
  }));
}

export async function saveSpecialist(tx: Tx, userId: string, input: { skill: number; classes: string[]; capacity: number | null; active: boolean }): Promise<void> {
  const [u] = await queryRows<{ id: string }>(tx, sql`select id from users where id = ${userId}::uuid`);
  if (!u) throw new AppError('REFERENCE_NOT_FOUND', { what: 'user', id: userId });
  const values = { skill: input.skill, classes: [...new Set(input.classes)], capacity: input.capacity, active: input.active, updatedAt: new Date() };
  await tx.insert(customerSpecialists).values({ userId, ...values })
    .onConflictDoUpdate({ target: customerSpecialists.userId, set: values });
}
