import { truncate } from '../../platform/text.ts';
import { eq } from 'drizzle-orm';
import { notificationDeliveries, notifications, users } from '../../db/schema/index.ts';
import { enqueue } from '../../platform/jobs/job-queue.ts';
import { backoffMs, type JobRunner } from '../../platform/jobs/job-runner.ts';
import type { Channels } from './channels/channel-settings.ts';
import { DELIVER_JOB } from './notifications.commands.ts';

const MAX_ATTEMPTS = 6;

/**
 * Sends one email or SMS delivery. A retryable failure (server down) is tried
 * again with growing delays, up to MAX_ATTEMPTS; each try is on the log.
 * Nothing here blocks the change that caused the notification.
 */
export function registerDelivery(runner: JobRunner, channels: Channels): void {
  runner.register(DELIVER_JOB, async (tx, payload: { deliveryId: string }) => {
    const [row] = await tx.select({ d: notificationDeliveries, n: notifications, locale: users.locale })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .innerJoin(users, eq(users.id, notificationDeliveries.userId))
      .where(eq(notificationDeliveries.id, payload.deliveryId));
    if (!row || !row.d.address || ['sent', 'failed'].includes(row.d.status)) return;
    const channel = row.d.channel === 'email' ? channels.email : row.d.channel === 'sms' ? channels.sms : null;
    if (!channel) return;
    const result = await channel.send({
      to: row.d.address, subject: row.n.title, text: row.d.channel === 'sms' ? `${row.n.title}\n${row.n.body}` : row.n.body,
      locale: row.locale === 'en-US' ? 'en-US' : 'zh-CN',
    });
    const attempts = row.d.attempts + 1;
    if (result.ok) {
      await tx.update(notificationDeliveries).set({ status: 'sent', attempts, error: null, deliveredAt: new Date() })
        .where(eq(notificationDeliveries.id, row.d.id));
      return;
    }
    const giveUp = !result.retryable || attempts >= MAX_ATTEMPTS;
    await tx.update(notificationDeliveries).set({ status: giveUp ? 'failed' : 'retrying', attempts, error: truncate(result.error, 1000) })
      .where(eq(notificationDeliveries.id, row.d.id));
    if (!giveUp) await enqueue(tx, DELIVER_JOB, payload, { runAt: new Date(Date.now() + backoffMs(attempts)) });
  });
}
