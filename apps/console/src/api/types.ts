import type { z } from 'zod';
import type * as s from '@kefu/shared/api';
import type * as conv from '@kefu/shared/conversations-api';
import type { FormDefinition } from '@kefu/shared/forms';
import type { RuleAction, RuleCondition, RuleTrigger } from '@kefu/shared/rules';
import type { SlaTarget } from '@kefu/shared/sla';

// Types of the API payloads, inferred from the shared zod schemas.
export type Me = z.infer<typeof s.me>;
export type LoginResponse = z.infer<typeof s.loginResponse>;
export type Department = z.infer<typeof s.department>;
export type Team = z.infer<typeof s.team>;
export type Role = z.infer<typeof s.role>;
export type User = z.infer<typeof s.user>;
export type Directory = z.infer<typeof s.directory>;
export type Customer = z.infer<typeof s.customer>;
export type CustomerCreateBody = z.infer<typeof s.customerCreateBody>;
export type CustomerHistoryItem = z.infer<typeof s.customerHistoryItem>;
export type Interaction = z.infer<typeof s.interaction>;
/** GET /tickets/:id and every change answer the detail: the ticket with its SLA clocks, watchers and sub-tasks. */
export type Ticket = z.infer<typeof s.ticketDetail>;
export type TicketListItem = z.infer<typeof s.ticketListItem>;
export type TicketCreateBody = z.input<typeof s.ticketCreateBody>;
export type TicketUpdateBody = z.infer<typeof s.ticketUpdateBody>;
export type TimelineEntry = z.infer<typeof s.timelineEntry>;
export type Note = z.infer<typeof s.note>;
export type Page<T> = { items: T[]; nextCursor: string | null };

export type FormRecord = Omit<z.infer<typeof s.formResponse>, 'definition'> & { definition: FormDefinition };

// ---- routing, positions, notifications, SLA: answer shapes live in
// packages/shared next to the schemas the server serializes with.
export type { Rule, RuleVersion, RulePreview, RuleRun, RuleTemplate, Position } from '@kefu/shared/routing-api';
export { NOTIFICATION_KINDS } from '@kefu/shared/notifications-api';
export type { NotificationKind, AppNotification, NotificationChannel, NotificationPreference, DeliveryLogItem } from '@kefu/shared/notifications-api';
export type { SlaPolicy, BusinessCalendar, SlaQueueItem, DepartmentEscalation, Wallboard } from '@kefu/shared/sla-api';
export type { WorkingInterval, CalendarDay, CalendarSpec } from '@kefu/shared/calendar-spec';

// ---- the inbox (conversations): shapes from @kefu/shared/conversations-api
export type { ConversationListItem, ConversationDetail, ConversationMessage, ConversationStatus, ChatPush, ChatAgentState, ChatAgentStatus } from '@kefu/shared/conversations-api';
export type ConversationCounts = z.infer<typeof conv.conversationCounts>;
export type { ChatMonitor, ChatSummary, LiveChat, ChatQueue, QueuedChat } from '@kefu/shared/chat-monitor-api';
