// The kinds of notification the server sends (its template keys). Users choose
// extra channels per kind; rules' notify actions pick one as their text.
export const NOTIFICATION_KINDS = [
  'ticket.assigned',
  'ticket.routed',
  'ticket.escalated',
  'sla.warning',
  'sla.breached',
  'task.created',
  'callback.due_soon',
  'callback.overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
