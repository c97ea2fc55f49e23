import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { notificationDeliveries, notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import type { AfterCommit } from '../../platform/jobs/job-runner.ts';
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import { renderNotification } from './notification-text.ts';

export interface NotifyInput {
  kind: string;
  ticketId: string | null;
  vars: Record<string, unknown>;
  urgent?: boolean;
}

export interface NotifyDeps {
  afterCommit: AfterCommit;
  hub: RealtimeHub;
}

export const DELIVER_JOB = 'notifications.deliver';

/**
 * Tells these people, in their own language: an in-app notification (pushed
 * over WebSocket after commit) plus email / SMS where their preferences ask
 * for it. Urgent notices also go by SMS to people with a mobile number.
 * Returns the notification ids.
 */
export async function notifyUsers(tx: Tx, userIds: string[], input: NotifyInput, deps: NotifyDeps): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const people = await tx.select({ id: users.id, locale: users.locale, name: users.displayName, email: users.email, mobile: users.mobile })
    .from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
  const prefs = await tx.select().from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.kind, input.kind)));
  const out: string[] = [];
  for (const p of people) {
    const locale = p.locale === 'en-US' ? 'en-US' : 'zh-CN';
    const text = renderNotification(input.kind, { ...input.vars, recipient: { name: p.name } }, locale);
    const now = new Date();
    const [n] = await tx.insert(notifications).values({
      userId: p.id, ticketId: input.ticketId, kind: input.kind, title: text.title, body: text.body,
      data: { urgent: !!input.urgent }, createdAt: now,
    }).returning();
    out.push(n.id);
    await tx.insert(notificationDeliveries).values({
      notificationId: n.id, userId: p.id, ticketId: input.ticketId, channel: 'in_app', status: 'delivered', attempts: 1, deliveredAt: now,
    });
    const chosen = prefs.find((x) => x.userId === p.id)?.channels ?? [];
    const channels = new Set(chosen.filter((c) => c === 'email' || c === 'sms'));
    if (input.urgent && p.mobile) channels.add('sms');
    for (const channel of channels) {
      const address = channel === 'email' ? p.email : p.mobile;
      const [d] = await tx.insert(notificationDeliveries).values({
        notificationId: n.id, userId: p.id, ticketId: input.ticketId, channel, address,
        status: address ? 'pending' : 'failed', error: address ? null : `no ${channel} address`,
      }).returning({ id: notificationDeliveries.id });
      if (address) await enqueue(tx, DELIVER_JOB, { deliveryId: d.id });
    }
    const pushed = {
      id: n.id, kind: n.kind, title: n.title, body: n.body, ticketId: n.ticketId, urgent: !!input.urgent,
      createdAt: n.createdAt.toISOString(), readAt: null,
    };
    deps.afterCommit(() => { deps.hub.publish(p.id, { type: 'notification', notification: pushed }); });
  }
  return out;
}
