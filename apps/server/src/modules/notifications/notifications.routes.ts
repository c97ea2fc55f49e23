import { z } from 'zod';
import { deliveryOut, notificationOut, notificationPreference } from '@kefu/shared/notifications-api';
import { and, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.ts';
import { errorBody, id, instantInput, isoDate } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { notificationDeliveries, notificationPreferences, notifications, tickets, users } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { notFound } from '../../platform/errors.ts';

const notification = notificationOut;
const delivery = deliveryOut;
const CHANNELS = ['in_app', 'email', 'sms'] as const;
const preference = notificationPreference;

function present(n: typeof notifications.$inferSelect) {
  return {
    id: n.id, kind: n.kind, title: n.title, body: n.body, ticketId: n.ticketId, urgent: !!(n.data as { urgent?: boolean }).urgent,
    link: (n.data as { link?: string }).link ?? null,
    createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
  };
}

/**
 * Which work orders a viewer may see, as a condition on `tickets` (the tickets
 * module's scopeCondition, handed in by app.ts: notifications may not import
 * tickets, which depends on them).
 */
export type TicketScope = (viewer: Principal) => SQL | undefined;
/** The work orders not hidden from a viewer (AUD-13), as a condition on `tickets`. */
export type NotHidden = (viewer: Principal) => SQL;

export function notificationRoutes(app: App, { db }: Deps, ticketScope: TicketScope, notHidden: NotHidden): void {
  app.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'],
      summary: "The signed-in user's notifications, newest first",
      querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().optional() }),
      response: { 200: z.object({ items: z.array(notification), nextCursor: z.string().nullable(), unread: z.number().int() }) },
    },
  }, async (req) => {
    const me = principalOf(req);
    // a notice about a work order later hidden from its recipient (a complaint about them) goes with it
    const visible = or(isNull(notifications.ticketId), notHidden(me))!;
    const conds: SQL[] = [eq(notifications.userId, me.userId), visible];
    if (req.query.unread === 'true') conds.push(isNull(notifications.readAt));
    if (req.query.cursor) {
      const c = decodeCursor(req.query.cursor);
      const at = new Date(c.sortValue);
      conds.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, c.id)))!);
    }
    const rows = (await db.select({ n: notifications }).from(notifications).leftJoin(tickets, eq(tickets.id, notifications.ticketId))
      .where(and(...conds)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(req.query.limit + 1)).map((r) => r.n);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).leftJoin(tickets, eq(tickets.id, notifications.ticketId))
      .where(and(eq(notifications.userId, me.userId), isNull(notifications.readAt), visible));
    const items = rows.slice(0, req.query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(present),
      nextCursor: rows.length > req.query.limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
      unread: n,
    };
  });

  app.post('/api/v1/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Mark one notification read', params: z.object({ id }), response: { 200: notification, 404: errorBody } },
  }, async (req) => {
    const me = principalOf(req);
    const [row] = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, req.params.id), eq(notifications.userId, me.userId))).returning();
    if (!row) throw notFound('notification');
    return present(row);
  });

  app.post('/api/v1/notifications/read-all', {
    schema: { tags: ['notifications'], summary: 'Mark all notifications read', response: { 200: z.object({ marked: z.number().int() }) } },
  }, async (req) => {
    const me = principalOf(req);
    const rows = await db.update(notifications).set({ readAt: new Date() })
      .where(and(eq(notifications.userId, me.userId), isNull(notifications.readAt))).returning({ id: notifications.id });
    return { marked: rows.length };
  });

  app.get('/api/v1/me/notification-preferences', {
    schema: { tags: ['notifications'], summary: 'Extra channels (email, SMS) per kind of notification; in-app is always on', response: { 200: z.object({ items: z.array(preference) }) } },
  }, async (req) => {
    const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, principalOf(req).userId));
    return { items: rows.map((r) => ({ kind: r.kind, channels: r.channels as ('email' | 'sms')[] })) };
  });

  app.put('/api/v1/me/notification-preferences', {
    schema: { tags: ['notifications'], summary: 'Choose extra channels (email, SMS) per kind of notification', body: z.object({ items: z.array(preference).max(50) }).strict(), response: { 200: z.object({ items: z.array(preference) }) } },
  }, async (req) => {
    const me = principalOf(req);
    await db.transaction(async (tx) => {
      await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, me.userId));
      const items = req.body.items.filter((i) => i.channels.length);
      if (items.length) await tx.insert(notificationPreferences).values(items.map((i) => ({ userId: me.userId, kind: i.kind, channels: [...new Set(i.channels)] })));
    });
    return { items: req.body.items.filter((i) => i.channels.length) };
  });

  app.get('/api/v1/notification-log', {
    config: { permission: 'supervisor:view' },
    schema: {
      tags: ['notifications'],
      summary: 'Who was told what, when, by which channel, and whether it was delivered',
      querystring: z.object({
        channel: z.enum(CHANNELS).optional(), status: z.enum(['pending', 'delivered', 'sent', 'failed', 'retrying']).optional(),
        userId: id.optional(), ticketId: id.optional(), from: instantInput.optional(), to: instantInput.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().optional(),
      }),
      response: { 200: z.object({ items: z.array(delivery), nextCursor: z.string().nullable() }) },
    },
  }, async (req) => {
    const q = req.query;
    // deliveries about a work order only when the viewer may see it (data scope, hidden-from)
    const scope = ticketScope(principalOf(req));
    const conds: SQL[] = scope ? [or(isNull(notificationDeliveries.ticketId), and(isNotNull(tickets.id), scope))!] : [];
    if (q.channel) conds.push(eq(notificationDeliveries.channel, q.channel));
    if (q.status) conds.push(eq(notificationDeliveries.status, q.status));
    if (q.userId) conds.push(eq(notificationDeliveries.userId, q.userId));
    if (q.ticketId) conds.push(eq(notificationDeliveries.ticketId, q.ticketId));
    if (q.from) conds.push(gte(notificationDeliveries.createdAt, new Date(q.from)));
    if (q.to) conds.push(lte(notificationDeliveries.createdAt, new Date(q.to)));
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const at = new Date(c.sortValue);
      conds.push(or(lt(notificationDeliveries.createdAt, at), and(eq(notificationDeliveries.createdAt, at), lt(notificationDeliveries.id, c.id)))!);
    }
    const rows = await db.select({ d: notificationDeliveries, userName: users.displayName, ticketNumber: tickets.number, title: notifications.title })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .leftJoin(users, eq(users.id, notificationDeliveries.userId))
      .leftJoin(tickets, eq(tickets.id, notificationDeliveries.ticketId))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id)).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        id: r.d.id, notificationId: r.d.notificationId, userId: r.d.userId, userName: r.userName, ticketId: r.d.ticketId,
        ticketNumber: r.ticketNumber, channel: r.d.channel, status: r.d.status, attempts: r.d.attempts, error: r.d.error,
        title: r.title, createdAt: r.d.createdAt.toISOString(), deliveredAt: r.d.deliveredAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.d.createdAt.toISOString(), last.d.id) : null,
    };
  });
}
