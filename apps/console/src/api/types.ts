import type { z } from 'zod';
import type * as s from '@kefu/shared/api';
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

// ---- routing, positions, notifications: the server declares these response
// shapes in its routes only (not in @kefu/shared/api), so they are spelled out here.

export interface Rule {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  position: number;
  trigger: RuleTrigger;
  conditions: RuleCondition[];
  actions: RuleAction[];
  stopProcessing: boolean;
  /** the industry template the rule came from */
  template: string | null;
  version: number;
  updatedAt: string;
}

export interface RuleVersion {
  version: number;
  snapshot: Partial<Rule> & Record<string, unknown>;
  changedBy: string | null;
  at: string;
}

export interface RulePreview {
  context: Record<string, unknown>;
  rules: { ruleId: string; ruleName: string; outcome: string; actions: { action: RuleAction; people: string[] }[] }[];
}

export interface RuleRun {
  id: number;
  ruleId: string;
  ruleName: string;
  ticketId: string;
  outcome: string;
  detail: { actions?: { type: string; summary?: string; userIds?: string[] }[]; reason?: string } | null;
  at: string;
}

export interface RuleTemplate {
  key: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  rules: number;
}

export interface Position {
  id: string;
  key: string;
  name: string;
  nameEn: string | null;
  holderIds: string[];
}

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  ticketId: string | null;
  urgent: boolean;
  createdAt: string;
  readAt: string | null;
}

export type NotificationChannel = 'email' | 'sms';
export interface NotificationPreference {
  kind: string;
  channels: NotificationChannel[];
}

export interface DeliveryLogItem {
  id: string;
  notificationId: string;
  userId: string;
  userName: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  channel: string;
  status: string;
  attempts: number;
  error: string | null;
  title: string;
  createdAt: string;
  deliveredAt: string | null;
}

// ---- SLA: calendars, policies, supervisor queues and wallboard (response
// shapes declared in the server's routes, spelled out here).

export interface WorkingInterval {
  start: string;
  end: string;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
  /** a workday's own hours (a shortened day); without them a normal Monday's */
  hours?: WorkingInterval[];
  /** derived, not copied from the official notice: to be checked */
  provisional?: boolean;
}

/** apps/server/src/platform/time/calendar-spec.ts */
export interface CalendarSpec {
  timeZone: string;
  alwaysOpen: boolean;
  /** index = weekday, 0 = Sunday … 6 = Saturday */
  weekly: WorkingInterval[][];
  days: CalendarDay[];
}

export interface BusinessCalendar {
  id: string;
  name: string;
  spec: CalendarSpec;
  isDefault: boolean;
  updatedAt: string;
}

export interface SlaPolicy {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  conditions: RuleCondition[];
  targets: SlaTarget[];
  calendarId: string | null;
  updatedAt: string;
}

export interface SlaQueueItem {
  ticketId: string;
  number: string;
  subject: string;
  type: string;
  status: string;
  assigneeName: string | null;
  teamName: string | null;
  kind: string;
  dueAt: string;
  state: string;
}

export interface DepartmentEscalation {
  departmentId: string | null;
  departmentName: string | null;
  open: number;
  breached: number;
  urgent: number;
}

export interface Wallboard {
  open: { new: number; open: number; pending: number };
  createdToday: number;
  resolvedToday: number;
  atRisk: number;
  breached: number;
  openByType: { type: string; count: number }[];
}
