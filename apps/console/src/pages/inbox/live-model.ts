import type { ConversationListItem } from '../../api/types.ts';
import { slaTone, type SlaTone } from '../../components/sla/sla-model.ts';
import type { Queue } from './inbox-model.ts';

// The inbox's live parts as plain functions: who else has the conversation
// open (the collision notice), which target a list row counts down to, and
// when the morning check (CHN-11) is offered.

/** The console says "still here" this often while a conversation is open. */
export const VIEWING_EVERY_MS = 15_000;
/** A colleague not heard of for this long has closed it (the server forgets them then too). */
export const VIEWER_TTL_MS = 30_000;

export interface SeenViewer {
  id: string;
  name: string;
  /** when we last heard they have it open */
  at: number;
}

/** A colleague looks (again), or, `left`, closed it. */
export function withViewer(list: readonly SeenViewer[], viewer: { id: string; name: string }, at: number, left = false): SeenViewer[] {
  const others = list.filter((v) => v.id !== viewer.id);
  return left ? others : [...others, { id: viewer.id, name: viewer.name, at }];
}

/** The colleagues who have it open now (not me), by name. */
export function currentViewers(list: readonly SeenViewer[], now: number, meId: string): { id: string; name: string }[] {
  return list
    .filter((v) => v.id !== meId && now - v.at < VIEWER_TTL_MS)
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export type TargetKind = 'first_response' | 'resolution';
export interface ListTarget {
  kind: TargetKind;
  dueAt: string;
  tone: SlaTone;
}

/** Amber once this share of the time to the target is used. */
const WARN_SHARE = 0.8;

function toneOf(createdAt: string, dueAt: string, now: number): SlaTone {
  const start = Date.parse(createdAt);
  const due = Date.parse(dueAt);
  const warnAt = new Date(start + (due - start) * WARN_SHARE).toISOString();
  return slaTone({ state: 'running', dueAt, warnAt }, now);
}

/**
 * What a list row counts down to: the first answer while there is none;
 * after it, the resolution target once it turns amber or is missed (a
 * resolution a day away is not news). Nothing for resolved conversations.
 */
export function listTarget(c: Pick<ConversationListItem, 'status' | 'createdAt' | 'firstResponseAt' | 'firstResponseDueAt' | 'resolveDueAt'>, now: number): ListTarget | null {
  if (c.status === 'resolved') return null;
  if (!c.firstResponseAt && c.firstResponseDueAt) {
    return { kind: 'first_response', dueAt: c.firstResponseDueAt, tone: toneOf(c.createdAt, c.firstResponseDueAt, now) };
  }
  if (!c.resolveDueAt) return null;
  const tone = toneOf(c.createdAt, c.resolveDueAt, now);
  return tone === 'warn' || tone === 'late' ? { kind: 'resolution', dueAt: c.resolveDueAt, tone } : null;
}

/**
 * The morning check (晨检, CHN-11): offered while something is unanswered,
 * outside the unanswered list itself, until put off for the day.
 */
export function morningCheckShown(p: { unanswered: number | undefined; queue: Queue; dismissedOn: string | null; today: string }): boolean {
  return !!p.unanswered && p.queue !== 'unanswered' && p.dismissedOn !== p.today;
}
