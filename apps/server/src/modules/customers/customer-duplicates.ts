import { sql } from 'drizzle-orm';
import type { DuplicateGroup } from '@kefu/shared/customer-archive-api';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';

interface GroupRow { key: string; same_name: boolean; customers: { id: string; name: string; tier: string | null; ownerName: string | null; createdAt: string }[] }

/**
 * Customers sharing a phone or an e-mail (merged ones left out), a page of
 * groups in key order. A shared phone with different names may be a
 * household (a second person on a known phone is added on purpose), so each
 * group says whether the names agree; the supervisor decides. The groups are
 * keyed by the phone or e-mail itself: only for roles that see them unmasked.
 */
export async function duplicateGroups(db: Db, by: 'phone' | 'email', limit: number, after: string | undefined) {
  const key = by === 'phone' ? sql.raw('c.phone') : sql.raw('lower(c.email)');
  const rows = await queryRows<GroupRow>(db, sql`
    with g as (
      select ${key} as key from customers c
      where c.merged_into_id is null and ${key} is not null and (${after ?? null}::text is null or ${key} > ${after ?? null}::text)
      group by 1 having count(*) > 1 order by 1 limit ${limit + 1})
    select g.key, count(distinct c.name) = 1 as same_name,
      jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name, 'tier', c.tier, 'ownerName', u.display_name,
        'createdAt', to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by c.created_at, c.id) as customers
    from g join customers c on ${key} = g.key and c.merged_into_id is null
    left join users u on u.id = c.owner_id
    group by g.key order by g.key`);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const items: DuplicateGroup[] = page.map((r) => ({
    key: r.key, by, sameName: r.same_name, customers: r.customers,
  }));
  return { items, nextCursor: more ? page[page.length - 1].key : null };
}
