import type { ConversationCounts, ConversationListItem, ConversationMessage, ConversationStatus } from '../../api/types.ts';
import type { Query } from '../../api/client.ts';
import { inZone } from '../../utils/time.ts';

// The inbox's logic as plain functions: which query each queue asks, how
// messages from pages and pushes come together, how they are grouped on
// screen, and what the viewer may do with a conversation.

export const QUEUES = ['mine', 'queue', 'unanswered', 'all', 'resolved'] as const;
export type Queue = (typeof QUEUES)[number];


/** Not resolved: what the counters count as "mine" and "the queue". */
const ACTIVE = 'open,pending';

/** The list query of a queue (the search words go along). */
export function queueQuery(queue: Queue, q: string | undefined): Query {
  const words = q?.trim() || undefined;
  switch (queue) {
    case 'mine':
      return { assignee: 'me', status: ACTIVE, q: words };
    case 'queue':
      return { assignee: 'none', status: ACTIVE, q: words };
    case 'unanswered':
      // the morning check (CHN-11): nobody has answered yet, who waited longest first
      return { unanswered: 'true', status: ACTIVE, sort: 'waiting', q: words };
    case 'all':
      return { status: ACTIVE, q: words };
    case 'resolved':
      return { status: 'resolved', q: words };
  }
}

/** The number shown on a queue's tab (resolved ones are not counted). */
export function queueCount(queue: Queue, counts: ConversationCounts | undefined): number | null {
  if (!counts) return null;
  switch (queue) {
    case 'mine':
      return counts.mine;
    case 'queue':
      return counts.queue;
    case 'unanswered':
      return counts.unanswered;
    case 'all':
      return counts.open + counts.pending;
    case 'resolved':
      return null;
  }
}

/** Message ids are ordered (time first): the server lists by them. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Union by id (the later copy wins), oldest first: pages, pushes and our own sends meet here. */
export function mergeMessages(existing: readonly ConversationMessage[], incoming: readonly ConversationMessage[]): ConversationMessage[] {
  if (!incoming.length) return existing as ConversationMessage[];
  const map = new Map(existing.map((m) => [m.id, m]));
  for (const m of incoming) map.set(m.id, m);
  return [...map.values()].sort(byId);
}

/** A list page appended to what is shown ("load more"): a conversation that moved up meanwhile is not listed twice. */
export function appendPage(existing: readonly ConversationListItem[], page: readonly ConversationListItem[]): ConversationListItem[] {
  const seen = new Set(existing.map((c) => c.id));
  return [...existing, ...page.filter((c) => !seen.has(c.id))];
}

export type MessageRow =
  | { kind: 'day'; key: string; day: string }
  | { kind: 'message'; key: string; message: ConversationMessage; /** show who and when above it */ head: boolean };

/** Within this gap the same author's messages run on without a new name and time. */
const RUN_GAP_MS = 5 * 60_000;

const side = (m: ConversationMessage) => (m.author === 'agent' ? `agent:${m.authorId ?? ''}:${m.internal}` : m.author);

/**
 * The rows of the message pane: a date line where the day changes (in the
 * centre's zone), and the author's name and time above the first of a run of
 * messages from the same side. System messages always stand alone.
 */
export function messageRows(messages: readonly ConversationMessage[]): MessageRow[] {
  const rows: MessageRow[] = [];
  let day = '';
  let prev: ConversationMessage | null = null;
  for (const m of messages) {
    const d = inZone(m.createdAt).format('YYYY-MM-DD');
    if (d !== day) {
      rows.push({ kind: 'day', key: `day-${d}`, day: d });
      day = d;
      prev = null;
    }
    const head =
      !prev ||
      m.author === 'system' ||
      prev.author === 'system' ||
      side(prev) !== side(m) ||
      Date.parse(m.createdAt) - Date.parse(prev.createdAt) > RUN_GAP_MS;
    rows.push({ kind: 'message', key: m.id, message: m, head });
    prev = m;
  }
  return rows;
}

export type RelativeTime =
  | { kind: 'now' }
  | { kind: 'minutes'; n: number }
  | { kind: 'today'; time: string }
  | { kind: 'yesterday'; time: string }
  | { kind: 'date'; date: string };

/** A list item's time: 刚刚, n 分钟前 within the hour, the time today, 昨天, else the date. */
export function relativeTime(iso: string, now: number): RelativeTime {
  const at = Date.parse(iso);
  const ago = now - at;
  if (ago < 60_000) return { kind: 'now' };
  if (ago < 60 * 60_000) return { kind: 'minutes', n: Math.floor(ago / 60_000) };
  const when = inZone(iso);
  const today = inZone(new Date(now));
  if (when.isSame(today, 'day')) return { kind: 'today', time: when.format('HH:mm') };
  if (when.isSame(today.subtract(1, 'day'), 'day')) return { kind: 'yesterday', time: when.format('HH:mm') };
  return { kind: 'date', date: when.year() === today.year() ? when.format('MM-DD') : when.format('YYYY-MM-DD') };
}

/** The date line's words: today, yesterday, or the date. */
export function dayLabel(day: string, now: number): 'today' | 'yesterday' | string {
  const today = inZone(new Date(now));
  if (day === today.format('YYYY-MM-DD')) return 'today';
  if (day === today.subtract(1, 'day').format('YYYY-MM-DD')) return 'yesterday';
  return day;
}

interface Assignment {
  assigneeId: string | null;
}

/** Only the assignee replies to the visitor; everyone who sees it may add a note. */
export function canReply(c: Assignment, meId: string): boolean {
  return c.assigneeId === meId;
}

/** Taking one from the queue is anyone's; taking one over from a colleague needs conversation:manage. */
export function canTake(c: Assignment, meId: string, manage: boolean): boolean {
  return c.assigneeId === null || (manage && c.assigneeId !== meId);
}

/** Giving it to someone else (or another team) is the assignee's, or a manager's. */
export function canTransfer(c: Assignment, meId: string, manage: boolean): boolean {
  return manage || c.assigneeId === meId;
}

/** What the status can become from here: an open one waits or is done, a waiting one is done, a done one opens again. */
export function statusActions(status: ConversationStatus): ConversationStatus[] {
  return status === 'open' ? ['pending', 'resolved'] : status === 'pending' ? ['resolved'] : ['open'];
}

/** "I am typing" goes out at most once per `gap` ms while the agent types. */
export const TYPING_GAP_MS = 3000;
export function typingDue(lastSentAt: number | null, now: number, gap = TYPING_GAP_MS): boolean {
  return lastSentAt === null || now - lastSentAt >= gap;
}

/** The visitor's typing shows this long after their last sign of it. */
export const TYPING_SHOWN_MS = 4000;

/** Enter sends; Shift+Enter is a new line; Enter that confirms an IME's Chinese input sends nothing. */
export function enterSends(e: { key: string; shiftKey: boolean; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; isComposing?: boolean; keyCode?: number }): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.altKey) return false;
  // 229: the key went to the input method (older browsers say so this way)
  return !e.isComposing && e.keyCode !== 229;
}

/** The text around a work-order number the message names (made a link there), or null when it does not name it. */
export function aroundNumber(body: string, number: string | null): [string, string] | null {
  const at = number ? body.indexOf(number) : -1;
  return number && at >= 0 ? [body.slice(0, at), body.slice(at + number.length)] : null;
}

/** Who the conversation is with: the name the visitor gave, else the customer record it was matched to. */
export function visitorName(c: Pick<ConversationListItem, 'customer' | 'visitorName'>): string | null {
  return c.visitorName ?? c.customer?.name ?? null;
}
