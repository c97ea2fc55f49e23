import type { CannedReply, CannedVariables } from '@kefu/shared/knowledge-api';
import type { ChatChannel, ConversationListItem } from '@kefu/shared/conversations-api';

// The composer's `/` picker of canned replies (话术): where a `/word` is being
// typed, which replies it matches, what inserting one does to the text, and
// the values its variables take in this conversation.

export interface SlashAt {
  /** where the `/` is */
  start: number;
  /** what follows it, up to the caret */
  query: string;
}

/**
 * The `/word` the caret is in: a `/` at the start or after a space or line
 * break, followed by no space. "http://x" or "1/2" open nothing.
 */
export function slashAt(text: string, caret: number): SlashAt | null {
  const before = text.slice(0, caret);
  const m = /(?:^|\s)\/(\S{0,24})$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[1].length - 1, query: m[1] };
}

/**
 * The replies a query matches, best first: shortcut starting with it, then
 * containing it, then title, category, text; within each, the given order
 * (the server's: most used first). An empty query: all of them.
 */
export function matchCanned(items: CannedReply[], query: string, max = 8): CannedReply[] {
  const q = query.toLowerCase();
  if (!q) return items.slice(0, max);
  const rank = (c: CannedReply) => {
    const s = c.shortcut.toLowerCase();
    if (s.startsWith(q)) return 0;
    if (s.includes(q)) return 1;
    if (c.title.toLowerCase().includes(q)) return 2;
    if ((c.category ?? '').toLowerCase().includes(q)) return 3;
    if (c.body.toLowerCase().includes(q)) return 4;
    return -1;
  };
  return items
    .map((c, i) => ({ c, i, r: rank(c) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, max)
    .map((x) => x.c);
}

/** The text with the `/word` at the caret replaced by the reply's filled text, and where the caret goes. */
export function insertAtSlash(text: string, slash: SlashAt, filled: string): { text: string; caret: number } {
  const end = slash.start + 1 + slash.query.length;
  return { text: text.slice(0, slash.start) + filled + text.slice(end), caret: slash.start + filled.length };
}

/**
 * Text put where the caret is (an article from the knowledge base): replacing
 * a selection, on a line of its own when the reply already has words.
 */
export function insertAtCaret(text: string, start: number, end: number, inserted: string): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  const sep = a > 0 && !/\s$/.test(text.slice(0, a)) ? '\n' : '';
  return { text: text.slice(0, a) + sep + inserted + text.slice(b), caret: a + sep.length + inserted.length };
}

interface Agent {
  displayName: string;
  jobNumber: string | null;
}

/**
 * What the variables say in this conversation: the linked customer's name,
 * else the name the visitor gave; the agent; the shop facts of the chat's channel.
 */
export function cannedValues(conv: Pick<ConversationListItem, 'customer' | 'visitorName' | 'channelName' | 'channelId'>, me: Agent, channels: ChatChannel[] | undefined): CannedVariables {
  const channel = channels?.find((c) => c.id === conv.channelId);
  const shop = channel?.settings.shop;
  return {
    customerName: conv.customer?.name ?? conv.visitorName ?? '',
    agentName: me.displayName,
    jobNumber: me.jobNumber ?? '',
    shopName: shop?.name || channel?.name || conv.channelName,
    shopCourier: shop?.courier ?? '',
    shopReturnPolicy: shop?.returnPolicy ?? '',
    shopPhone: shop?.phone ?? '',
    shopHours: shop?.hours ?? '',
  };
}
