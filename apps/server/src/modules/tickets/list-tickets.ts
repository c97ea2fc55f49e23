import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { TICKET_STATUSES } from '@kefu/shared/ticket-status';
import type { Db } from '../../db/client.ts';
import { tickets } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { wordsQuery } from '../../platform/search/tokenize.ts';
import { presentTicketListItem, selectTicketList } from './ticket-queries.ts';
import { NONE, scopeCondition } from './tickets.queries.ts';
import { inCustomerGroup } from '../customers/customers.queries.ts';

export interface TicketQuery {
  view: 'mine' | 'team' | 'all';
  type?: string;
  status?: string;
  assigneeId?: string;
  teamId?: string;
  customerId?: string;
  from?: string;
  to?: string;
  q?: string;
  sort: 'created' | 'updated';
  order: 'desc' | 'asc';
  limit: number;
  cursor?: string;
}

const NUMBER = /^gd\d{8}-\d{1,9}$/i;

function parseDate(v: string, name: string): Date {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', { summary: `${name}: ${v}` });
  return d;
}

export async function listTickets(db: Db, viewer: Principal, q: TicketQuery) {
  const conds: (SQL | undefined)[] = [scopeCondition(viewer)];
  if (q.view === 'mine') conds.push(eq(tickets.assigneeId, viewer.userId));
  if (q.view === 'team') conds.push(viewer.teamId ? eq(tickets.teamId, viewer.teamId) : NONE);
  if (q.type) conds.push(eq(tickets.type, q.type));
  if (q.status) {
    const statuses = q.status.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = statuses.filter((s) => !(TICKET_STATUSES as readonly string[]).includes(s));
    if (bad.length) throw new AppError('VALIDATION_FAILED', { summary: `status: ${bad.join(', ')} (${TICKET_STATUSES.join(', ')})` });
    conds.push(statuses.length === 1 ? eq(tickets.status, statuses[0]) : inArray(tickets.status, statuses));
  }
  if (q.assigneeId) conds.push(eq(tickets.assigneeId, q.assigneeId));
  if (q.teamId) conds.push(eq(tickets.teamId, q.teamId));
  if (q.customerId) conds.push(inCustomerGroup(tickets.customerId, q.customerId));
  if (q.from) conds.push(gte(tickets.createdAt, parseDate(q.from, 'from')));
  if (q.to) conds.push(lt(tickets.createdAt, parseDate(q.to, 'to')));
  if (q.q) {
    if (NUMBER.test(q.q)) conds.push(eq(tickets.number, q.q.toUpperCase()));
    else {
      const tsq = wordsQuery(q.q);
      conds.push(tsq ? sql`${tickets.searchVector} @@ ${tsq}::tsquery` : NONE);
    }
  }
  const col = q.sort === 'updated' ? tickets.updatedAt : tickets.createdAt;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const at = parseDate(c.sortValue, 'cursor');
    // a row comparison lets the index scan start at the cursor instead of filtering from the top
    conds.push(q.order === 'desc'
      ? sql`(${col}, ${tickets.id}) < (${at.toISOString()}::timestamptz, ${c.id}::uuid)`
      : sql`(${col}, ${tickets.id}) > (${at.toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  const dir = q.order === 'desc' ? desc : asc;
  const rows = await selectTicketList(db).where(and(...conds)).orderBy(dir(col), dir(tickets.id)).limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const lastAt = last ? (q.sort === 'updated' ? last.t.updatedAt : last.t.createdAt) : null;
  return {
    items: items.map((r) => presentTicketListItem(r, viewer)),
    nextCursor: more && last && lastAt ? encodeCursor(lastAt.toISOString(), last.t.id) : null,
  };
}
