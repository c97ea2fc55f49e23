import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers, interactions, tickets, users } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { scopeCondition } from '../tickets/tickets.queries.ts';
import { inCustomerGroup } from '../customers/customers.queries.ts';

/**
 * Every interaction and work order of a customer (and of duplicates merged into it), newest first (the most recent
 * 200 of each); work orders outside the viewer's data scope are left out.
 */
export async function customerHistory(db: Db, viewer: Principal, customerId: string) {
  const [c] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId));
  if (!c) throw notFound('customer');
  const [calls, orders] = await Promise.all([
    db.select({ id: interactions.id, at: interactions.startedAt, channel: interactions.channel, direction: interactions.direction,
      summary: interactions.summary, agentName: users.displayName })
      .from(interactions).leftJoin(users, eq(users.id, interactions.agentId))
      .where(inCustomerGroup(interactions.customerId, customerId)).orderBy(desc(interactions.startedAt)).limit(200),
    db.select({ id: tickets.id, at: tickets.createdAt, channel: tickets.channel, subject: tickets.subject, status: tickets.status,
      number: tickets.number, type: tickets.type, agentName: users.displayName })
      .from(tickets).leftJoin(users, eq(users.id, tickets.createdById))
      .where(and(inCustomerGroup(tickets.customerId, customerId), scopeCondition(viewer))).orderBy(desc(tickets.createdAt)).limit(200),
  ]);
  const items = [
    ...calls.map((i) => ({
      kind: 'interaction' as const, id: i.id, at: i.at.toISOString(), channel: i.channel,
      title: i.summary ?? i.direction, status: null, number: null, agentName: i.agentName,
    })),
    ...orders.map((t) => ({
      kind: 'ticket' as const, id: t.id, at: t.at.toISOString(), channel: t.channel,
      title: t.subject, status: t.status, number: t.number, agentName: t.agentName,
    })),
  ];
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return items;
}
