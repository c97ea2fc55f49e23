import type { Db } from '../../db/client.ts';
import type { RunUnit } from '../../platform/events/unit-of-work.ts';
import { AppError, notFound, type Locale } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { TICKETS } from '../tickets/tickets.commands.ts';
import { isVisibleTo } from '../tickets/tickets.queries.ts';
import { createTicket, type CreatedTicket } from './create-ticket.ts';

/** Which fields of the source carry over, under which key (INQ-02: a potential order becomes an order). */
const CARRY_OVER: Record<string, Record<string, string>> = {
  'inquiry->order': { product: 'interestedProduct', deliveryChannel: 'preferredChannel' },
};

/**
 * Turns a work order into a new one of another type for the same customer,
 * carrying over what the source knows; the new one is linked as its child and
 * both timelines say so.
 */
export async function convertTicket(db: Db, unit: RunUnit, actor: Principal, sourceId: string, type: string, fields: Record<string, unknown>,
  locale: Locale, timeZone: string): Promise<CreatedTicket> {
  const source = await unit(async (work) => {
    const tickets = work.part(TICKETS);
    await tickets.load([sourceId], { lock: false });
    const t = tickets.get(sourceId);
    if (!t || !isVisibleTo(actor, t)) throw notFound('ticket');
    return t;
  });
  if (source.type === type) throw new AppError('VALIDATION_FAILED', { summary: `type ${type}` });
  const carried: Record<string, unknown> = {};
  for (const [to, from] of Object.entries(CARRY_OVER[`${source.type}->${type}`] ?? {})) {
    const v = (source.fields as Record<string, unknown>)[from];
    if (v !== undefined && v !== null && v !== '') carried[to] = v;
  }
  const created = await createTicket(db, actor, {
    type, channel: source.channel, customer: { id: source.customerId }, fields: { ...carried, ...fields },
    priority: source.priority, parentId: source.id,
  }, locale, timeZone);
  await unit(async (work) => {
    const tickets = work.part(TICKETS);
    await tickets.load([source.id]);
    tickets.record(source.id, 'converted', [{ field: 'convertedTo', from: null, to: created.number }], { actorId: actor.userId }, 'ticket.converted');
  });
  return created;
}
