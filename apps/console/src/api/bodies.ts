import type { z } from 'zod';
import type * as s from '@kefu/shared/api';
import type { DataScope, Permission } from '@kefu/shared/permissions';
import type * as r from '@kefu/shared/rules';
import type * as sla from '@kefu/shared/sla';
import type * as conv from '@kefu/shared/conversations-api';
import type { Priority } from '@kefu/shared/ticket-status';
import type { CalendarSpec, NotificationChannel, NotificationPreference, WorkingInterval } from './types.ts';

// Request bodies, built field by field from form values: the server rejects
// keys its schema does not list, and form values carry extra ones (ids,
// timestamps of the row being edited, UI-only fields). Each builder returns
// exactly the documented fields of @kefu/shared/api (checked in bodies.test.ts).

export type LoginBody = z.input<typeof s.loginBody>;
export type DepartmentBody = z.input<typeof s.departmentBody>;
export type TeamBody = z.input<typeof s.teamBody>;
export type RoleBody = z.input<typeof s.roleBody>;
export type UserCreateBody = z.input<typeof s.userCreateBody>;
export type UserUpdateBody = z.input<typeof s.userUpdateBody>;
export type CustomerUpdateBody = z.input<typeof s.customerUpdateBody>;
export type InteractionCreateBody = z.input<typeof s.interactionCreateBody>;
export type InteractionUpdateBody = z.input<typeof s.interactionUpdateBody>;

const trimmedOrNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function loginBody(v: { username: string; password: string }): LoginBody {
  return { username: v.username.trim(), password: v.password };
}

export function departmentBody(v: { name: string; parentId?: string | null }): DepartmentBody {
  return { name: v.name.trim(), parentId: v.parentId ?? null };
}

export function teamBody(v: { name: string; departmentId?: string | null; leadId?: string | null }): TeamBody {
  return { name: v.name.trim(), departmentId: v.departmentId ?? null, leadId: v.leadId ?? null };
}

export function roleBody(v: { name: string; description?: string | null; permissions?: string[]; dataScope: string }): RoleBody {
  return {
    name: v.name.trim(),
    description: trimmedOrNull(v.description),
    permissions: (v.permissions ?? []) as Permission[],
    dataScope: v.dataScope as DataScope,
  };
}

interface UserValues {
  username?: string;
  displayName: string;
  password?: string;
  jobNumber?: string | null;
  email?: string | null;
  mobile?: string | null;
  departmentId?: string | null;
  teamId?: string | null;
  roleIds?: string[];
  active?: boolean;
}

export function userCreateBody(v: UserValues): UserCreateBody {
  return {
    username: (v.username ?? '').trim(),
    displayName: v.displayName.trim(),
    password: v.password ?? '',
    jobNumber: trimmedOrNull(v.jobNumber),
    email: trimmedOrNull(v.email),
    mobile: trimmedOrNull(v.mobile),
    departmentId: v.departmentId ?? null,
    teamId: v.teamId ?? null,
    roleIds: v.roleIds ?? [],
  };
}

/** The username never changes; the password only when a new one was typed. */
export function userUpdateBody(v: UserValues): UserUpdateBody {
  return {
    displayName: v.displayName.trim(),
    jobNumber: trimmedOrNull(v.jobNumber),
    email: trimmedOrNull(v.email),
    mobile: trimmedOrNull(v.mobile),
    departmentId: v.departmentId ?? null,
    teamId: v.teamId ?? null,
    roleIds: v.roleIds ?? [],
    ...(v.active !== undefined ? { active: v.active } : {}),
    ...(v.password ? { password: v.password } : {}),
  };
}

interface CustomerValues {
  email?: string;
  name: string;
  phone?: string;
  address?: string | null;
  customerClass?: string | null;
  note?: string | null;
}

/**
 * Create or edit a customer. `masked`: the user sees masked phone and address,
 * which cannot be sent back; they are left out unless typed anew.
 */
export function customerBody(v: CustomerValues, masked = false): CustomerUpdateBody {
  const phone = v.phone?.trim() ?? '';
  return {
    name: v.name.trim(),
    customerClass: trimmedOrNull(v.customerClass),
    note: trimmedOrNull(v.note),
    ...(!masked || phone ? { phone } : {}),
    ...(!masked || v.address?.trim() ? { address: trimmedOrNull(v.address) } : {}),
    ...(!masked || v.email?.trim() ? { email: trimmedOrNull(v.email) } : {}),
  };
}

export function interactionCreateBody(v: { callerNumber: string; startedAt: string | null }): InteractionCreateBody {
  return {
    channel: 'phone',
    direction: 'inbound',
    callerNumber: v.callerNumber.trim() || null,
    ...(v.startedAt ? { startedAt: v.startedAt } : {}),
  };
}

export function interactionEndBody(v: { customerId: string | null; summary: string; endedAt: string }): InteractionUpdateBody {
  return { endedAt: v.endedAt, customerId: v.customerId, summary: v.summary.trim() || null };
}

// ---------- routing ----------

export type RuleBody = z.input<typeof r.ruleBody>;

interface RuleValues {
  name: string;
  description?: string | null;
  enabled?: boolean;
  position?: number;
  trigger: r.RuleTrigger;
  conditions?: r.RuleCondition[];
  actions: r.RuleAction[];
  stopProcessing?: boolean;
}

/**
 * A rule, complete. Also used for PATCH: the server fills omitted keys of a
 * partial body with their defaults (conditions [], enabled true,
 * stopProcessing false), so every change sends the whole rule.
 */
export function ruleBody(v: RuleValues): RuleBody {
  return {
    name: v.name.trim(),
    description: trimmedOrNull(v.description),
    enabled: v.enabled ?? true,
    ...(v.position !== undefined ? { position: v.position } : {}),
    trigger: v.trigger,
    conditions: v.conditions ?? [],
    actions: v.actions,
    stopProcessing: v.stopProcessing ?? false,
  };
}

export interface PositionBody {
  name: string;
  nameEn: string | null;
  holderIds: string[];
}

export function positionBody(v: { name: string; nameEn?: string | null; holderIds?: string[] }): PositionBody {
  return { name: v.name.trim(), nameEn: trimmedOrNull(v.nameEn), holderIds: [...new Set(v.holderIds ?? [])] };
}

export interface RulePreviewBody {
  ticketId: string;
  trigger: r.RuleTrigger;
  changed: string[];
}

export function rulePreviewBody(v: { ticketId: string; trigger: r.RuleTrigger; changed?: string[] }): RulePreviewBody {
  return { ticketId: v.ticketId, trigger: v.trigger, changed: v.changed ?? [] };
}

export type ForwardBody = { position: string } | { userId: string };

export function forwardBody(v: { kind: 'position' | 'user'; target: string }): ForwardBody {
  return v.kind === 'position' ? { position: v.target } : { userId: v.target };
}

export function convertBody(v: { type: string; fields: Record<string, unknown> }): { type: string; fields: Record<string, unknown> } {
  return { type: v.type, fields: v.fields };
}

/** Every kind with its channels; kinds without any are dropped (in-app is always on). */
export function notificationPreferencesBody(v: Record<string, NotificationChannel[] | undefined>): { items: NotificationPreference[] } {
  return {
    items: Object.entries(v)
      .map(([kind, channels]) => ({ kind, channels: [...new Set(channels ?? [])] }))
      .filter((i) => i.channels.length > 0),
  };
}

// ---------- SLA ----------

/** POST /calendars, PUT /calendars/:id (the server declares this body in its route, not in @kefu/shared). */
export interface CalendarBody {
  name: string;
  spec: CalendarSpec;
  isDefault: boolean;
}

const interval = (h: WorkingInterval): WorkingInterval => ({ start: h.start.trim(), end: h.end.trim() });

/** The calendar with exactly the spec's fields (rows being edited carry keys and typed text). */
export function calendarBody(v: { name: string; isDefault?: boolean; spec: CalendarSpec }): CalendarBody {
  return {
    name: v.name.trim(),
    isDefault: v.isDefault ?? false,
    spec: {
      timeZone: v.spec.timeZone,
      alwaysOpen: v.spec.alwaysOpen,
      weekly: v.spec.weekly.map((list) => list.map(interval)),
      days: v.spec.days.map((d) => ({
        date: d.date,
        kind: d.kind,
        ...(d.name?.trim() ? { name: d.name.trim() } : {}),
        ...(d.hours ? { hours: d.hours.map(interval) } : {}),
        ...(d.provisional ? { provisional: true } : {}),
      })),
    },
  };
}

export type SlaPolicyBody = z.input<typeof sla.slaPolicyBody>;
export type SlaPolicyUpdateBody = z.input<typeof sla.slaPolicyUpdateBody>;

interface SlaPolicyValues {
  name: string;
  enabled?: boolean;
  position?: number;
  conditions?: r.RuleCondition[];
  targets: sla.SlaTarget[];
  calendarId?: string | null;
}

/** A policy, complete (create, or edit in the drawer); a target names minutes or working days, never both. */
export function slaPolicyBody(v: SlaPolicyValues): SlaPolicyBody {
  return {
    name: v.name.trim(),
    enabled: v.enabled ?? true,
    ...(v.position !== undefined ? { position: v.position } : {}),
    conditions: v.conditions ?? [],
    targets: v.targets.map((x) => ({
      kind: x.kind,
      ...(x.businessDays !== undefined ? { businessDays: x.businessDays } : { minutes: x.minutes }),
      warnAtPercent: x.warnAtPercent,
    })),
    calendarId: v.calendarId ?? null,
  };
}

/** PATCH /sla-policies/:id changes only what it names (no defaults): the switch and ↑↓ send one key. */
export function slaPolicyPatch(v: { enabled: boolean } | { position: number }): SlaPolicyUpdateBody {
  return 'enabled' in v ? { enabled: v.enabled } : { position: v.position };
}

// ---------- conversations (the inbox) ----------

export type AgentMessageBody = z.input<typeof conv.agentMessageBody>;
export type ConversationPatchBody = z.input<typeof conv.conversationPatch>;
export type ConversationTicketBody = z.input<typeof conv.conversationTicketBody>;

/** A reply to the visitor, or an internal note. */
export function agentMessageBody(v: { body: string; internal: boolean }): AgentMessageBody {
  return { body: v.body.trim(), internal: v.internal };
}

/** Take it: the agent becomes its assignee. */
export function takeConversationBody(meId: string): ConversationPatchBody {
  return { assigneeId: meId };
}

/**
 * Transfer (转接) to a colleague, or to a team's queue (nobody has it there
 * until someone of that team takes it); the note is left for them as an internal note.
 */
export function transferBody(v: { kind: 'user' | 'team'; target: string; note?: string }): ConversationPatchBody {
  const note = v.note?.trim() ? { note: v.note.trim() } : {};
  return v.kind === 'user' ? { assigneeId: v.target, ...note } : { teamId: v.target, assigneeId: null, ...note };
}

export function conversationStatusBody(status: 'open' | 'pending' | 'resolved'): ConversationPatchBody {
  return { status };
}

/** A work order made from the conversation (the customer comes from the conversation). */
export function conversationTicketBody(v: { type: string; fields: Record<string, unknown>; priority: Priority }): ConversationTicketBody {
  return { type: v.type, fields: v.fields, priority: v.priority };
}
