import { z } from 'zod';
import { id, isoDate } from './api.ts';
import { chatAgentState, CONVERSATION_KINDS, CONVERSATION_STATUSES } from './conversations-api.ts';

// The supervisor's live-chat view (在线会话监控, CHN-18, INQ-09): the chats
// being served, the queues waiting per team (技能组), the agents with their
// load, and the few numbers the wallboard shows. Times are instants; the
// console counts the waits on from `at`, the server's clock when it answered.

export const liveChat = z.object({
  id, kind: z.enum(CONVERSATION_KINDS), status: z.enum(CONVERSATION_STATUSES), channelName: z.string(),
  visitorName: z.string().nullable(), customer: z.object({ id, name: z.string() }).nullable(),
  assigneeId: id, assigneeName: z.string().nullable(), teamId: id.nullable(), teamName: z.string().nullable(),
  createdAt: isoDate,
  /** the visitor's last message, when nobody has replied since (null: the agent has the last word) */
  waitingSince: isoDate.nullable(),
  firstResponseAt: isoDate.nullable(),
  firstResponseDueAt: isoDate.nullable(),
  resolveDueAt: isoDate.nullable(),
  lastMessagePreview: z.string(),
});
export type LiveChat = z.infer<typeof liveChat>;

export const queuedChat = z.object({
  id, kind: z.enum(CONVERSATION_KINDS), channelName: z.string(), visitorName: z.string().nullable(),
  /** 1 = next to be served in its team's queue */
  position: z.number().int(),
  createdAt: isoDate,
  firstResponseDueAt: isoDate.nullable(),
  lastMessagePreview: z.string(),
});
export type QueuedChat = z.infer<typeof queuedChat>;

export const chatQueue = z.object({ teamId: id.nullable(), teamName: z.string().nullable(), items: z.array(queuedChat) });
export type ChatQueue = z.infer<typeof chatQueue>;

export const chatSummary = z.object({
  /** being served now (assigned, not resolved) */
  active: z.number().int(),
  /** in a queue, nobody has it yet */
  waiting: z.number().int(),
  /** since when the longest-waiting of them waits (null: nobody waits) */
  oldestWaitingSince: isoDate.nullable(),
  /** first-response targets that fell due today and were missed (answered late, or not yet) */
  firstResponseBreachesToday: z.number().int(),
  at: isoDate,
});
export type ChatSummary = z.infer<typeof chatSummary>;

export const chatMonitor = z.object({
  summary: chatSummary,
  chats: z.array(liveChat),
  queues: z.array(chatQueue),
  agents: z.array(chatAgentState),
});
export type ChatMonitor = z.infer<typeof chatMonitor>;
