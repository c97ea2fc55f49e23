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
  // one multi-row insert for the notifications and one for their deliveries, however many people
  const now = new Date();
  const rendered = people.map((p) => {
    const locale = p.locale === 'en-US' ? 'en-US' : 'zh-CN';
    return { p, text: renderNotification(input.kind, { ...input.vars, recipient: { name: p.name } }, locale) };
  });
  if (!rendered.length) return [];
  const rows = await tx.insert(notifications).values(rendered.map(({ p, text }) => ({
    userId: p.id, ticketId: input.ticketId, kind: input.kind, title: text.title, body: text.body,
    data: { urgent: !!input.urgent }, createdAt: now,
  }))).returning();
  const byUser = new Map(rows.map((n) => [n.userId, n]));
  const deliveries: (typeof notificationDeliveries.$inferInsert)[] = [];
  const external: { channel: string; address: string | null; n: typeof rows[number] }[] = [];
  for (const { p } of rendered) {
    const n = byUser.get(p.id)!;
    deliveries.push({ notificationId: n.id, userId: p.id, ticketId: input.ticketId, channel: 'in_app', status: 'delivered', attempts: 1, deliveredAt: now });
    const chosen = prefs.find((x) => x.userId === p.id)?.channels ?? [];
    const channels = new Set(chosen.filter((c) => c === 'email' || c === 'sms'));
    if (input.urgent && p.mobile) channels.add('sms');
    for (const channel of channels) external.push({ channel, address: channel === 'email' ? p.email : p.mobile, n });
  }
  await tx.insert(notificationDeliveries).values(deliveries);
  // email / SMS: each delivery is its own job, so one failing address retries alone
  for (const { channel, address, n } of external) {
    const [d] = await tx.insert(notificationDeliveries).values({
      notificationId: n.id, userId: n.userId, ticketId: input.ticketId, channel, address,
      status: address ? 'pending' : 'failed', error: address ? null : `no ${channel} address`,
    }).returning({ id: notificationDeliveries.id });
    if (address) await enqueue(tx, DELIVER_JOB, { deliveryId: d.id });
  }
  const out: string[] = [];
  for (const n of rows) {
    out.push(n.id);
    const pushed = {
      id: n.id, kind: n.kind, title: n.title, body: n.body, ticketId: n.ticketId, urgent: !!input.urgent,
      createdAt: n.createdAt.toISOString(), readAt: null,
    };
    deps.afterCommit(() => { deps.hub.publish(n.userId, { type: 'notification', notification: pushed }); });
  }
  return out;
}
