// Column widths of the work-order list. The subject has no fixed width: it
// takes what is left, and the table scrolls inside its card only when that
// would fall under SUBJECT_MIN_WIDTH. Below ROOMY_MIN_WIDTH the creation time
// leaves the table (it stays in the update time's tooltip), so a 1280 px
// screen still shows the subject and the last column whole.

export const ROOMY_MIN_WIDTH = 1400;
export const SUBJECT_MIN_WIDTH = 180;

export const TICKET_COLUMN_WIDTHS = {
  number: 150,
  customer: 160,
  status: 116,
  sla: 116,
  assignee: 130,
  createdAt: 108,
  updatedAt: 108,
} as const;

export type TicketColumn = keyof typeof TICKET_COLUMN_WIDTHS | 'subject';

export interface TicketColumnLayout {
  columns: TicketColumn[];
  /** the table's minimum width (antd scroll.x) */
  minWidth: number;
}

export function ticketColumnLayout(roomy: boolean): TicketColumnLayout {
  const columns: TicketColumn[] = ['number', 'subject', 'customer', 'status', 'sla', 'assignee', ...(roomy ? ['createdAt' as const] : []), 'updatedAt'];
  const fixed = columns.reduce((sum, c) => sum + (c === 'subject' ? 0 : TICKET_COLUMN_WIDTHS[c]), 0);
  return { columns, minWidth: fixed + SUBJECT_MIN_WIDTH };
}
