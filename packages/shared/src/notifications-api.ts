import { z } from 'zod';
import { id, isoDate } from './api.ts';

/**
 * The kinds of notification the server sends (its template keys). Users choose
 * extra channels per kind; rules' notify actions pick one as their text.
 */
export const NOTIFICATION_KINDS = [
  'ticket.assigned',
  'ticket.routed',
  'ticket.escalated',
  'sla.warning',
  'sla.breached',
  'task.created',
  'dispatch.digest',
  'callback.due_soon',
  'callback.overdue',
  'chat.sla_breached',
  'customer.first_contact_overdue',
  'renewal.due',
  'renewal.month_end_list',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

export const notificationOut = z.object({
  id, kind: z.string(), title: z.string(), body: z.string(), ticketId: id.nullable(), urgent: z.boolean(),
  /** where the console opens it when it is not about a work order (a conversation: /inbox?c=…) */
  link: z.string().nullable(),
  createdAt: isoDate, readAt: isoDate.nullable(),
});
export type AppNotification = z.infer<typeof notificationOut>;

export const deliveryOut = z.object({
  id, notificationId: id, userId: id, userName: z.string().nullable(), ticketId: id.nullable(), ticketNumber: z.string().nullable(),
  channel: z.string(), status: z.string(), attempts: z.number().int(), error: z.string().nullable(),
  title: z.string(), createdAt: isoDate, deliveredAt: isoDate.nullable(),
});
export type DeliveryLogItem = z.infer<typeof deliveryOut>;

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const notificationPreference = z.object({ kind: z.string().max(64), channels: z.array(z.enum(NOTIFICATION_CHANNELS)).max(2) }).strict();
export type NotificationPreference = z.infer<typeof notificationPreference>;
