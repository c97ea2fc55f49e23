import { sql } from 'drizzle-orm';
import type { MonthEndList, MonthEndSummary } from '@kefu/shared/renewals-api';
import { queryRows, type Tx } from '../../db/client.ts';
import { renewalMonthEndLists } from '../../db/schema/index.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { NOTICES } from '../notifications/notifications.commands.ts';
import { orgDirectory } from '../org/org.queries.ts';

// RPT-19 / CUS-09 (1): at each month-end, next month's expiring services that
// nobody answers for go to the market director. The list is stored as sent,
// so the director (and whoever asks later) sees what was sent, even after
// services were renewed or handed over since.

export const DIRECTOR_POSITION = 'market_director';

type Item = MonthEndList['items'][number];
interface ItemRow { service_id: string; customer_id: string; customer_name: string; kind: string; kind_name: string; name: string; expires_at: string; price: string | null }

/** Next month's live services without an (active) owner, as they stand now. */
export async function unownedExpiring(tx: Tx, month: string): Promise<Item[]> {
  const rows = await queryRows<ItemRow>(tx, sql`
    select s.id as service_id, c.id as customer_id, c.name as customer_name, s.kind, coalesce(k.name, s.kind) as kind_name, s.name,
      s.expires_at::text as expires_at, s.price::text as price
    from customer_services s
    join customers c on c.id = s.customer_id
    left join renewal_kinds k on k.key = s.kind
    left join users o on o.id = s.owner_id
    where s.status in ('active', 'renewed') and (s.owner_id is null or not coalesce(o.active, false))
      and s.expires_at >= ${`${month}-01`}::date and s.expires_at < (${`${month}-01`}::date + interval '1 month')
    order by s.expires_at, c.name, s.id`);
  return rows.map((r) => ({
    serviceId: r.service_id, customerId: r.customer_id, customerName: r.customer_name, kind: r.kind, kindName: r.kind_name, name: r.name,
    expiresAt: r.expires_at, price: r.price === null ? null : Number(r.price),
  }));
}

/**
 * Who receives the list: the holders of the market director's position; where
 * nobody holds it, the people whose role manages renewals, so the list is
 * never sent to no one.
 */
async function directorsOf(work: UnitOfWork): Promise<string[]> {
  const holders = (await orgDirectory(work.tx, work.db)).holdersOf(DIRECTOR_POSITION);
  if (holders.length) return holders;
  const rows = await queryRows<{ id: string }>(work.tx, sql`
    select distinct u.id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where u.active and 'renewal:manage' = any(r.permissions) order by u.id`);
  return rows.map((r) => r.id);
}

/**
 * Builds, stores and sends the list of `month`. The month-end job sends a
 * month once (`once`: a stored list is left as it was, nobody told again); a
 * manager sending by hand replaces the stored list with today's and tells the
 * director again. Null when `once` found it already sent.
 */
export async function sendMonthEndList(work: UnitOfWork, month: string, opts: { actorId: string | null; once: boolean; now: Date }): Promise<string | null> {
  const { tx } = work;
  const items = await unownedExpiring(tx, month);
  const recipients = await directorsOf(work);
  const values = { month, items, count: items.length, recipientIds: recipients, sentAt: opts.now, sentById: opts.actorId };
  const stored = opts.once
    ? await tx.insert(renewalMonthEndLists).values(values).onConflictDoNothing().returning({ month: renewalMonthEndLists.month })
    : await tx.insert(renewalMonthEndLists).values(values)
      .onConflictDoUpdate({ target: renewalMonthEndLists.month, set: { items, count: items.length, recipientIds: recipients, sentAt: opts.now, sentById: opts.actorId } })
      .returning({ month: renewalMonthEndLists.month });
  if (!stored.length) return null;
  const link = `/renewals?tab=month-end&month=${month}`;
  const names = [...new Set(items.map((i) => i.customerName))];
  work.part(NOTICES).tell(recipients, {
    kind: 'renewal.month_end_list', ticketId: null, link,
    vars: { list: { month, count: items.length, names: names.length ? names.slice(0, 10).join('、') + (names.length > 10 ? ' …' : '') : '—' }, link },
  });
  return month;
}

interface ListRow { month: string; items: Item[]; count: number; recipient_names: string[] | null; sent_at: Date | string; sent_by_name: string | null }

async function storedLists(tx: Tx, month: string | null, limit: number): Promise<ListRow[]> {
  return queryRows<ListRow>(tx, sql`
    select l.month, l.items, l.count, l.sent_at, u.display_name as sent_by_name,
      (select array_agg(r.display_name order by r.display_name) from users r where r.id = any(l.recipient_ids)) as recipient_names
    from renewal_month_end_lists l left join users u on u.id = l.sent_by_id
    ${month ? sql`where l.month = ${month}` : sql``}
    order by l.month desc limit ${limit}`);
}

const summary = (r: ListRow): MonthEndSummary => ({
  month: r.month, count: r.count, sentAt: new Date(r.sent_at).toISOString(), sentByName: r.sent_by_name, recipientNames: r.recipient_names ?? [],
});

export async function listMonthEndLists(tx: Tx, limit: number): Promise<MonthEndSummary[]> {
  return (await storedLists(tx, null, limit)).map(summary);
}

/** The list of a month as it was sent; a month not sent yet is worked out now (stored: false). */
export async function monthEndListOf(tx: Tx, month: string): Promise<MonthEndList> {
  const [row] = await storedLists(tx, month, 1);
  if (row) return { ...summary(row), stored: true, items: row.items };
  const items = await unownedExpiring(tx, month);
  return { month, stored: false, count: items.length, sentAt: null, sentByName: null, recipientNames: [], items };
}
