import { z } from 'zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { customerHistoryItem, errorBody, id, interaction, interactionCreateBody, interactionUpdateBody } from '@kefu/shared/api';
import { customerHistory } from './interactions.queries.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import type { Db } from '../../db/client.ts';
import { customers, interactions, tickets, users } from '../../db/schema/index.ts';
import { parsePhone } from '@kefu/shared/phone';
import { AppError, notFound, renderError, type Locale } from '../../platform/errors.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { customerPhoneFor } from '../customers/customers.queries.ts';
import { scopeCondition } from '../tickets/tickets.queries.ts';
import { inCustomerGroup } from '../customers/customers.queries.ts';
import { noteCustomerContact } from '../customers/customers.commands.ts';

const idParams = z.object({ id });

async function present(db: Db, viewer: Principal, rows: (typeof interactions.$inferSelect)[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const agentIds = [...new Set(rows.map((r) => r.agentId).filter((x): x is string => !!x))];
  const [links, agents] = await Promise.all([
    db.select({ id: tickets.id, interactionId: tickets.interactionId }).from(tickets)
      .where(and(inArray(tickets.interactionId, ids), scopeCondition(viewer))),
    agentIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, agentIds)) : [],
  ]);
  return rows.map((r) => ({
    id: r.id, channel: r.channel as 'phone', direction: r.direction as 'inbound', callerNumber: customerPhoneFor(viewer, r.callerNumber),
    customerId: r.customerId, agentId: r.agentId, agentName: agents.find((a) => a.id === r.agentId)?.name ?? null,
    summary: r.summary, startedAt: r.startedAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null,
    ticketIds: links.filter((l) => l.interactionId === r.id).map((l) => l.id),
  }));
}

async function checkCustomer(db: Db, customerId: string | null | undefined) {
  if (!customerId) return;
  const [c] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId));
  if (!c) throw notFound('customer');
}

function parseTime(v: string | null | undefined, name: string): Date | null | undefined {
  if (v === undefined || v === null) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', { summary: `${name}: ${v}` });
  return d;
}

/** The caller's number as stored (normalized), none when withheld; a 422 naming the field when it is no phone number. */
function callerNumberOf(v: string | null | undefined, locale: Locale): string | null {
  if (!v) return null;
  const p = parsePhone(v);
  if (!p) throw new AppError('INVALID_PHONE', { phone: v }, { details: [{ path: 'callerNumber', message: renderError('INVALID_PHONE', { phone: v }, locale) }] });
  return p.normalized;
}

/** Calls, visits, mails and letters: logged even when no work order comes of them (CHN-28). */
export function interactionRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/customers/:id/history', {
    config: { permission: 'customer:view' },
    schema: {
      tags: ['customers'],
      summary: "The customer's interactions and work orders, newest first",
      params: idParams,
      response: { 200: z.object({ items: z.array(customerHistoryItem) }), 404: errorBody },
    },
  }, async (req) => ({ items: await customerHistory(db, principalOf(req), req.params.id) }));

  app.post('/api/v1/interactions', {
    config: { permission: 'interaction:create' },
    schema: { tags: ['interactions'], summary: 'Open a contact (e.g. an incoming call) for the signed-in agent; a caller number must be a phone number (422 INVALID_PHONE), stored normalized', body: interactionCreateBody, response: { 201: interaction, 404: errorBody, 422: errorBody } },
  }, async (req, reply) => {
    const viewer = principalOf(req);
    const callerNumber = callerNumberOf(req.body.callerNumber, requestLocale(req));
    await checkCustomer(db, req.body.customerId);
    const startedAt = parseTime(req.body.startedAt, 'startedAt') ?? new Date();
    const endedAt = parseTime(req.body.endedAt, 'endedAt') ?? null;
    if (endedAt && endedAt < startedAt) throw new AppError('INVALID_TIME_RANGE');
    const [row] = await db.transaction(async (tx) => {
      const rows = await tx.insert(interactions).values({
        channel: req.body.channel, direction: req.body.direction, callerNumber,
        customerId: req.body.customerId ?? null, agentId: viewer.userId, summary: req.body.summary ?? null, startedAt, endedAt,
      }).returning();
      // the owner's contact starts or keeps the customer's contact plan (CUS-04 first contact)
      if (req.body.customerId) await noteCustomerContact(tx, req.body.customerId, viewer.userId, startedAt);
      return rows;
    });
    return reply.status(201).send((await present(db, viewer, [row]))[0]);
  });

  app.patch('/api/v1/interactions/:id', {
    config: { permission: 'interaction:create' },
    schema: { tags: ['interactions'], summary: 'Link the customer, add a summary, or end the contact', params: idParams, body: interactionUpdateBody, response: { 200: interaction, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    const viewer = principalOf(req);
    const [cur] = await db.select().from(interactions).where(eq(interactions.id, req.params.id));
    if (!cur) throw notFound('interaction');
    if (cur.agentId !== viewer.userId && !can(viewer, 'ticket:assign')) throw new AppError('FORBIDDEN', { permission: 'ticket:assign' });
    await checkCustomer(db, req.body.customerId);
    const patch: Partial<typeof interactions.$inferInsert> = {};
    if (req.body.customerId !== undefined) patch.customerId = req.body.customerId;
    if (req.body.summary !== undefined) patch.summary = req.body.summary;
    if (req.body.endedAt !== undefined) patch.endedAt = parseTime(req.body.endedAt, 'endedAt');
    if (patch.endedAt && patch.endedAt < cur.startedAt) throw new AppError('INVALID_TIME_RANGE');
    const [row] = Object.keys(patch).length
      ? await db.transaction(async (tx) => {
        const rows = await tx.update(interactions).set(patch).where(eq(interactions.id, cur.id)).returning();
        if (patch.customerId && cur.agentId) await noteCustomerContact(tx, patch.customerId, cur.agentId, cur.startedAt);
        return rows;
      })
      : [cur];
    return (await present(db, viewer, [row]))[0];
  });

  app.get('/api/v1/interactions', {
    config: { permission: 'customer:view' },
    schema: {
      tags: ['interactions'],
      summary: "A customer's contacts, or the signed-in agent's own, newest first",
      querystring: z.object({ customerId: id.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(interaction) }) },
    },
  }, async (req) => {
    const viewer = principalOf(req);
    const where = req.query.customerId ? inCustomerGroup(interactions.customerId, req.query.customerId) : and(eq(interactions.agentId, viewer.userId));
    const rows = await db.select().from(interactions).where(where).orderBy(desc(interactions.startedAt)).limit(req.query.limit);
    return { items: await present(db, viewer, rows) };
  });
}
