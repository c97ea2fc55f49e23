import { sql, type SQL } from 'drizzle-orm';
import type { CustomerService, ServiceStatus } from '@kefu/shared/renewals-api';
import { queryRows, type Tx } from '../../db/client.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';

// Services as the board, the customer's card and the detail show them: one
// query joins the customer, the kind, the owner, the notice already sent for
// this expiry and a pending transfer request.

interface Row {
  id: string; customer_id: string; customer_name: string; kind: string; kind_name: string; name: string;
  starts_at: string; expires_at: string; days_left: number; owner_id: string | null; owner_name: string | null; unowned: boolean;
  status: string; price: string | null; note: string | null; notice_sent_at: Date | string | null; pending_transfer_id: string | null;
  created_at: Date | string; updated_at: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

export function presentService(r: Row): CustomerService {
  return {
    id: r.id, customerId: r.customer_id, customerName: r.customer_name, kind: r.kind, kindName: r.kind_name, name: r.name,
    startsAt: r.starts_at, expiresAt: r.expires_at, daysLeft: Number(r.days_left), ownerId: r.owner_id, ownerName: r.owner_name, unowned: r.unowned,
    status: r.status as ServiceStatus, price: r.price === null ? null : Number(r.price), note: r.note,
    noticeSentAt: r.notice_sent_at ? iso(r.notice_sent_at) : null, pendingTransferId: r.pending_transfer_id,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** A service nobody answers for: no owner, or an owner who has left (their customers wait for a hand-over). */
export const UNOWNED = sql`(s.owner_id is null or not coalesce(o.active, false))`;

/** Who may see which services: managers all, everyone else the ones they own. */
export function visibleTo(viewer: Principal): SQL {
  return can(viewer, 'renewal:manage') ? sql`true` : sql`s.owner_id = ${viewer.userId}::uuid`;
}

export interface ServiceFilter {
  ids?: string[];
  month?: string;
  kind?: string;
  owner?: string;
  status?: ServiceStatus;
  unowned?: boolean;
  customerId?: string;
}

function conditions(f: ServiceFilter): SQL[] {
  const c: SQL[] = [];
  if (f.ids) c.push(sql`s.id = any(${sql.param(f.ids)}::uuid[])`);
  if (f.month) c.push(sql`s.expires_at >= ${`${f.month}-01`}::date and s.expires_at < (${`${f.month}-01`}::date + interval '1 month')`);
  if (f.kind) c.push(sql`s.kind = ${f.kind}`);
  if (f.owner) c.push(sql`s.owner_id = ${f.owner}::uuid`);
  if (f.status) c.push(sql`s.status = ${f.status}`);
  if (f.unowned !== undefined) c.push(f.unowned ? UNOWNED : sql`not ${UNOWNED}`);
  if (f.customerId) c.push(sql`s.customer_id = ${f.customerId}::uuid`);
  return c;
}

/**
 * Services matching a filter, soonest expiry first (keyset on expiry and id),
 * `today` being the centre's day for the countdown.
 */
export async function findServices(tx: Tx, viewer: Principal | null, f: ServiceFilter, today: string, page: { limit: number; cursor?: string } = { limit: 500 }) {
  const where = [...conditions(f), ...(viewer ? [visibleTo(viewer)] : [])];
  if (page.cursor) {
    const c = decodeCursor(page.cursor);
    where.push(sql`(s.expires_at, s.id) > (${c.sortValue}::date, ${c.id}::uuid)`);
  }
  const rows = await queryRows<Row>(tx, sql`
    select s.id, s.customer_id, c.name as customer_name, s.kind, coalesce(k.name, s.kind) as kind_name, s.name,
      s.starts_at::text as starts_at, s.expires_at::text as expires_at, (s.expires_at - ${today}::date)::int as days_left,
      s.owner_id, o.display_name as owner_name, ${UNOWNED} as unowned, s.status, s.price::text as price, s.note,
      n.sent_at as notice_sent_at,
      (select t.id from service_transfer_requests t where t.service_id = s.id and t.status = 'pending' order by t.created_at desc limit 1) as pending_transfer_id,
      s.created_at, s.updated_at
    from customer_services s
    join customers c on c.id = s.customer_id
    left join renewal_kinds k on k.key = s.kind
    left join users o on o.id = s.owner_id
    left join renewal_notices n on n.service_id = s.id and n.expires_at = s.expires_at
    where ${sql.join(where.length ? where : [sql`true`], sql` and `)}
    order by s.expires_at, s.id
    limit ${page.limit + 1}`);
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(presentService);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.expiresAt, last.id) : null };
}
