// Work-order lifecycle. The default transitions below are what a form
// definition starts with; each type's definition can carry its own lifecycle.

export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type Lifecycle = Record<TicketStatus, TicketStatus[]>;

export const DEFAULT_LIFECYCLE: Lifecycle = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function allowedTransitions(lifecycle: Lifecycle, from: TicketStatus): TicketStatus[] {
  return lifecycle[from] ?? [];
}

export function canTransition(lifecycle: Lifecycle, from: TicketStatus, to: TicketStatus): boolean {
  return allowedTransitions(lifecycle, from).includes(to);
}

export const TICKET_TYPES = ['order', 'complaint', 'inquiry', 'repair'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const CHANNELS = ['phone', 'walk_in', 'email', 'web', 'chat', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
