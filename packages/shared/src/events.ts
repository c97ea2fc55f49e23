import { z } from 'zod';

// The domain events of Kefu: every name a module may publish or subscribe to,
// with the shape of its payload. Publishing and subscribing are typed by this
// catalogue, so a listener reads fields the publisher really writes. Events
// are written to the outbox in the transaction of the change they describe and
// handled after it commits (ARCHITECTURE.md, "The write path").

const uuid = z.uuid();
const iso = z.string().describe('ISO 8601 timestamp');

/** One changed value on the timeline and in events: `field` names it (status, assigneeId, fields.category …). */
export const change = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type Change = z.infer<typeof change>;

/** Which rules led to a change, so a rule never re-triggers itself (loop guard). */
export const causedBy = z.object({ ruleIds: z.array(z.string()), depth: z.number().int().min(0) });
export type CausedBy = z.infer<typeof causedBy>;

/** What every work-order event carries: the change as the timeline records it. */
export const ticketChange = z.object({
  ticketId: uuid,
  /** null when a rule or a timer made the change */
  actorId: uuid.nullable(),
  /** the timeline action (created, assigned, status_changed, notified …) */
  action: z.string(),
  changes: z.array(change),
  causedBy: causedBy.nullable(),
  /** when the change happened: listeners that count time count from here, not from when they ran */
  at: iso,
});

const slaRef = z.object({ id: uuid, kind: z.string(), dueAt: iso });

export const EVENTS = {
  /** a work order was recorded (intake, conversion, a rule's sub-task, a rectification) */
  'ticket.created': ticketChange.extend({ type: z.string(), customerId: uuid, parentId: uuid.nullable() }),
  /** status, assignee, team, priority, fields, visibility or resolution changed */
  'ticket.updated': ticketChange,
  'ticket.note_added': ticketChange,
  /** a rule told people about the work order */
  'ticket.notified': ticketChange,
  'ticket.watchers_added': ticketChange,
  'ticket.subtask_created': ticketChange,
  'ticket.converted': ticketChange,
  /** a rule started or cancelled an SLA clock by itself */
  'ticket.sla_started': ticketChange,
  'ticket.sla_cancelled': ticketChange,
  /** an SLA clock reached its warning point (amber) */
  'sla.due': ticketChange.extend({ sla: slaRef }),
  'sla.breached': ticketChange.extend({ sla: slaRef }),
  'callback.scheduled': ticketChange,
  'callback.attempted': ticketChange,
  /** a callback (回访) passed its deadline undone: rules escalate it */
  'callback.overdue': ticketChange,
  /** a newly assigned customer was not contacted by the owner in time (CUS-04): rules escalate it */
  'customer.first_contact_overdue': z.object({
    customerId: uuid, customerName: z.string(), ownerId: uuid, tier: z.string().nullable(), customerClass: z.string().nullable(), dueAt: iso, at: iso,
  }),
} as const;

export type EventType = keyof typeof EVENTS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENTS)[T]>;
export const EVENT_TYPES = Object.keys(EVENTS) as EventType[];

/** A committed event as listeners receive it. */
export interface DomainEvent<T extends EventType = EventType> {
  id: number;
  type: T;
  aggregateId: string;
  payload: EventPayload<T>;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENTS, type);
}

/** Events of work orders all carry the change; this reads it whatever the type. */
export type TicketChangePayload = z.infer<typeof ticketChange>;
