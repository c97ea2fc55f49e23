import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';

// CUS-09 (2), (3): the owner salesperson hears of an expiry its kind's lead
// time ahead (hosting and domains a week, promotion a month), so the renewal
// can be planned and the customer told.

interface DueRow {
  id: string; name: string; expires_at: string; owner_id: string; customer_id: string; customer_name: string; kind_name: string; days_left: number;
}

/**
 * Tells each owner of the live services whose notice day (expiry − lead time,
 * calendar days or months) has come, once per service and expiry: the
 * notice's row is inserted with "on conflict do nothing" and only the rows
 * inserted are told, in the same transaction. A re-run, a second process or a
 * late job tells nobody twice; a renewal (a new expiry) is told again in time.
 * Owners who have left are skipped (their services are on the unowned list).
 */
export async function sendLeadNotices(work: UnitOfWork, today: string, now: Date): Promise<number> {
  const rows = await queryRows<DueRow>(work.tx, sql`
    with due as (
      select s.id, s.expires_at, s.owner_id
      from customer_services s
      join renewal_kinds k on k.key = s.kind
      join users o on o.id = s.owner_id and o.active
      where s.status in ('active', 'renewed') and s.expires_at >= ${today}::date
        and ${today}::date >= (s.expires_at - case when k.lead_unit = 'months' then make_interval(months => k.lead_amount) else make_interval(days => k.lead_amount) end)::date
    ), sent as (
      insert into renewal_notices (service_id, expires_at, owner_id, sent_at)
      select id, expires_at, owner_id, ${now.toISOString()}::timestamptz from due
      on conflict do nothing
      returning service_id
    )
    select s.id, s.name, s.expires_at::text as expires_at, s.owner_id, c.id as customer_id, c.name as customer_name, coalesce(k.name, s.kind) as kind_name,
      (s.expires_at - ${today}::date)::int as days_left
    from sent join customer_services s on s.id = sent.service_id
    join customers c on c.id = s.customer_id
    left join renewal_kinds k on k.key = s.kind`);
  const notices = work.part(NOTICES);
  for (const r of rows) {
    // the customer's page lists the service with its renew / not-renew actions
    const link = `/customers/${r.customer_id}`;
    notices.tell([r.owner_id], {
      kind: 'renewal.due', ticketId: null, link,
      vars: { customer: { name: r.customer_name }, service: { name: r.name, kind: r.kind_name, expiresAt: r.expires_at, daysLeft: Number(r.days_left) }, link },
    });
  }
  return rows.length;
}
