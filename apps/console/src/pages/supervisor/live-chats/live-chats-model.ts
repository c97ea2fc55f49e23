import type { ChatAgentState, LiveChat } from '../../../api/types.ts';
import type { SlaTone } from '../../../components/sla/sla-model.ts';

// The live-chat view's arithmetic: how long someone waits and how bad that
// is, how a first reply went, how full a seat is, and the order agents are
// listed in. Waits count on from the server's answer with the browser's
// clock, corrected by how far the two clocks differ.

/** A visitor waiting for an answer: amber after a minute, red after three (the channels' targets are minutes). */
export const REPLY_WAIT = { warnMs: 60_000, lateMs: 3 * 60_000 };
/** Waiting in a queue for anyone: amber after a minute, red after five. */
export const QUEUE_WAIT = { warnMs: 60_000, lateMs: 5 * 60_000 };

/** How far the server's clock is ahead of this browser's (its `at` against when the answer came). */
export function clockSkew(serverAt: string, receivedAt: number): number {
  return Date.parse(serverAt) - receivedAt;
}

/** Milliseconds since `since` on the server's clock; null when nobody waits. */
export function waited(since: string | null, now: number, skew = 0): number | null {
  return since ? Math.max(0, now + skew - Date.parse(since)) : null;
}

export function waitTone(ms: number | null, limits: { warnMs: number; lateMs: number }): SlaTone | null {
  if (ms === null) return null;
  return ms >= limits.lateMs ? 'late' : ms >= limits.warnMs ? 'warn' : 'ok';
}

export type FirstReply =
  | { kind: 'answered'; ms: number; late: boolean }
  | { kind: 'waiting'; dueAt: string | null };

/** How the first reply went: how long it took and whether after the target, or still awaited. */
export function firstReply(c: Pick<LiveChat, 'createdAt' | 'firstResponseAt' | 'firstResponseDueAt'>): FirstReply {
  if (!c.firstResponseAt) return { kind: 'waiting', dueAt: c.firstResponseDueAt };
  const ms = Math.max(0, Date.parse(c.firstResponseAt) - Date.parse(c.createdAt));
  const late = !!c.firstResponseDueAt && Date.parse(c.firstResponseAt) > Date.parse(c.firstResponseDueAt);
  return { kind: 'answered', ms, late };
}

/** A seat's fill, 0–100, and whether it is full (the distributor gives it nothing more). */
export function seatLoad(a: Pick<ChatAgentState, 'load' | 'maxConcurrent'>): { percent: number; full: boolean } {
  const cap = Math.max(1, a.maxConcurrent);
  return { percent: Math.min(100, Math.round((a.load / cap) * 100)), full: a.load >= cap };
}

const STATUS_ORDER = { online: 0, busy: 1, away: 2, offline: 3 } as const;

/** Online first, then busy, away, offline; within each, the most loaded first, then by name. */
export function sortAgents(agents: readonly ChatAgentState[]): ChatAgentState[] {
  return [...agents].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.load - a.load || a.displayName.localeCompare(b.displayName, 'zh-CN'),
  );
}
