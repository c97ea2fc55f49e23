import type { Db } from '../../db/client.ts';
import { AppError, type Locale } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { createTicket, type EventPublisher } from './create-ticket.ts';
import { recordTicketChange } from './record-ticket-change.ts';
import { visibleTicket } from './ticket-queries.ts';

/** Which fields of the source carry over, under which key (INQ-02: a potential order becomes an order). */
const CARRY_OVER: Record<string, Record<string, string>> = {
  'inquiry->order': { product: 'interestedProduct', deliveryChannel: 'preferredChannel' },
};

/**
 * Turns a work order into a new one of another type for the same customer,
 * carrying over what the source knows; the new one is linked as its child and
 * both timelines say so.
 */
export async function convertTicket(db: Db, actor: Principal, sourceId: string, type: string, fields: Record<string, unknown>,
  locale: Locale, timeZone: string, events?: EventPublisher) {
  const source = (await visibleTicket(db, actor, sourceId)).t;
  if (source.type === type) throw new AppError('VALIDATION_FAILED', { summary: `type ${type}` });
  const carried: Record<string, unknown> = {};
  for (const [to, from] of Object.entries(CARRY_OVER[`${source.type}->${type}`] ?? {})) {
    const v = (source.fields as Record<string, unknown>)[from];
    if (v !== undefined && v !== null && v !== '') carried[to] = v;
  }
  const created = await createTicket(db, actor, {
    type, channel: source.channel, customer: { id: source.customerId }, fields: { ...carried, ...fields },
    priority: source.priority, parentId: source.id,
  }, locale, timeZone, events);
  await db.transaction((tx) => recordTicketChange(tx, source.id, {
    actorId: actor.userId, action: 'converted', changes: [{ field: 'convertedTo', from: null, to: created.number }], eventType: 'ticket.converted',
  }));
  return created;
}
