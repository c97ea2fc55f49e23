import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { FIRST_CONTACT_JOB } from './assign-customers.ts';

/**
 * At a newly assigned customer's first-contact deadline (CUS-04): if the
 * owner has not been in touch and the customer is still theirs with the same
 * deadline, it is marked overdue and `customer.first_contact_overdue` goes to
 * the outbox, where the routing rules escalate it (notify the owner, the team
 * lead, the supervisor position…). A reassignment or a contact made since
 * leaves the old timer with nothing to do.
 */
export function registerFirstContactTimer(runner: JobRunner): void {
  runner.registerUnit(FIRST_CONTACT_JOB, async (work, { customerId, dueAt }: { customerId: string; dueAt: string }) => {
    const [c] = await queryRows<{ id: string; owner_id: string; tier: string | null; customer_class: string | null; name: string }>(work.tx, sql`
      update customers set first_contact_overdue_at = ${work.now.toISOString()}::timestamptz
      where id = ${customerId}::uuid and first_contact_due_at = ${dueAt}::timestamptz and first_contact_overdue_at is null
        and owner_id is not null and merged_into_id is null
      returning id, owner_id, tier, customer_class, name`);
    if (!c) return;
    work.publish('customer.first_contact_overdue', customerId, {
      customerId, customerName: c.name, ownerId: c.owner_id, tier: c.tier, customerClass: c.customer_class, dueAt, at: work.now.toISOString(),
    });
  });
}
