import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, pgArray } from '../../db/client.ts';
import { insertRows } from '../../db/bulk.ts';
import { enqueueMany } from '../../platform/jobs/job-queue.ts';
import type { PartKey, UnitOfWork, WorkPart } from '../../platform/events/unit-of-work.ts';
import { orgDirectory } from '../org/org.queries.ts';
import { renderNotification } from './notification-text.ts';

/** The e-mail and SMS channels (made once per process; surveys send through them too). */
export type { Channels } from './channels/channel-settings.ts';

export interface NotifyInput {
  kind: string;
  ticketId: string | null;
  vars: Record<string, unknown>;
  urgent?: boolean;
  /** a console path to open when the notice is not about a work order */
  link?: string;
}

export const DELIVER_JOB = 'notifications.deliver';

/**
 * Telling people, for a whole unit of work at once: an in-app notification
 * per person (pushed over the socket after commit) plus email / SMS where
 * their preferences ask for it; urgent notices also by SMS to people with a
 * mobile number. However many notices and people, flush writes one insert of
 * notifications, one of deliveries and one of delivery jobs.
 */
export class Notices implements WorkPart {
  private pending: { userIds: string[]; input: NotifyInput }[] = [];

  constructor(private work: UnitOfWork) {}

  tell(userIds: string[], input: NotifyInput): void {
    const ids = [...new Set(userIds)];
    if (ids.length) this.pending.push({ userIds: ids, input });
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const { tx, db, now } = this.work;
    const dir = await orgDirectory(tx, db);
    const everyone = [...new Set(this.pending.flatMap((p) => p.userIds))];
    const kinds = [...new Set(this.pending.map((p) => p.input.kind))];
    const prefs = await queryRows<{ user_id: string; kind: string; channels: string[] }>(tx, sql`
      select user_id, kind, channels from notification_preferences where user_id = any(${pgArray(everyone)}::uuid[]) and kind = any(${pgArray(kinds)}::text[])`);
    const chosen = new Map(prefs.map((p) => [`${p.user_id}:${p.kind}`, p.channels]));
    const at = now.toISOString();
    const notices: Record<string, unknown>[] = [];
    const deliveries: Record<string, unknown>[] = [];
    const jobs: { kind: string; payload: unknown }[] = [];
    for (const { userIds, input } of this.pending) {
      for (const userId of userIds) {
        const p = dir.users.get(userId);
        if (!p?.active) continue;
        const text = renderNotification(input.kind, { ...input.vars, recipient: { name: p.displayName } }, p.locale === 'en-US' ? 'en-US' : 'zh-CN');
        const id = randomUUID();
        notices.push({ id, user_id: userId, ticket_id: input.ticketId, kind: input.kind, title: text.title, body: text.body, data: { urgent: !!input.urgent, ...(input.link ? { link: input.link } : {}) }, created_at: at });
        deliveries.push({ id: randomUUID(), notification_id: id, user_id: userId, ticket_id: input.ticketId, channel: 'in_app', address: null, status: 'delivered', attempts: 1, error: null, delivered_at: at, created_at: at });
        const channels = new Set((chosen.get(`${userId}:${input.kind}`) ?? []).filter((c) => c === 'email' || c === 'sms'));
        if (input.urgent && p.mobile) channels.add('sms');
        for (const channel of channels) {
          const address = channel === 'email' ? p.email : p.mobile;
          const deliveryId = randomUUID();
          deliveries.push({ id: deliveryId, notification_id: id, user_id: userId, ticket_id: input.ticketId, channel, address,
            status: address ? 'pending' : 'failed', attempts: 0, error: address ? null : `no ${channel} address`, delivered_at: null, created_at: at });
          // email / SMS: each delivery is its own job, so one failing address retries alone
          if (address) jobs.push({ kind: DELIVER_JOB, payload: { deliveryId } });
        }
        this.work.push(userId, { type: 'notification', notification: {
          id, kind: input.kind, title: text.title, body: text.body, ticketId: input.ticketId, urgent: !!input.urgent, link: input.link ?? null, createdAt: at, readAt: null,
        } });
      }
    }
    this.pending = [];
    await insertRows(tx, 'notifications', {
      id: 'uuid', user_id: 'uuid', ticket_id: 'uuid', kind: 'text', title: 'text', body: 'text', data: 'jsonb', created_at: 'timestamptz',
    }, notices);
    await insertRows(tx, 'notification_deliveries', {
      id: 'uuid', notification_id: 'uuid', user_id: 'uuid', ticket_id: 'uuid', channel: 'text', address: 'text', status: 'text',
      attempts: 'int', error: 'text', delivered_at: 'timestamptz', created_at: 'timestamptz',
    }, deliveries);
    await enqueueMany(tx, jobs);
  }
}

/** The notifications part of a unit of work. */
export const NOTICES: PartKey<Notices> = { name: 'notices', create: (work) => new Notices(work) };
