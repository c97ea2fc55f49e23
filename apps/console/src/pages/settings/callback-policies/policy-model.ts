import {
  CALLBACK_CHANNELS,
  POLICY_KINDS,
  type CallbackPolicyBody,
  type CallbackStep,
  type CallbackType,
  type Span,
} from '@kefu/shared/callbacks';
import { allFields } from '@kefu/shared/forms';
import type { RuleCondition } from '@kefu/shared/rules';
import type { FormRecord } from '../../../api/types.ts';
import { findField, fromCondition, toCondition, type ConditionField, type ConditionValues, type Lookups } from '../rules/rule-model.ts';

// The callback policy editor's values and their conversion to and from the
// API: a span (days / hours / working days) as an amount and a unit, the
// assignee as a mode and a team, and a PATCH that names only what changed
// (the update schema has no defaults, so an untouched field must stay out).

export type PolicyKind = (typeof POLICY_KINDS)[number];
export type Channel = (typeof CALLBACK_CHANNELS)[number];
export type TriggerStatus = CallbackPolicyBody['triggerStatus'];
export type Assignee = CallbackPolicyBody['assignee'];
export type AssigneeMode = Assignee['mode'];

/** A policy as GET /callback-policies answers it (conditions and steps were validated when saved). */
export interface CallbackPolicy {
  id: string;
  name: string;
  enabled: boolean;
  kind: PolicyKind;
  callbackType: CallbackType;
  triggerStatus: TriggerStatus;
  conditions: RuleCondition[];
  anchorField: string | null;
  steps: CallbackStep[];
  calendarId: string | null;
  scriptId: string | null;
  assignee: Assignee;
  channels: Channel[];
  coverageRequired: boolean;
  sendSurvey: boolean;
  targetMinutes: number;
  /** 'default' for the policies a new installation starts with */
  template: string | null;
  updatedAt: string;
}

export type PolicyPatch = Partial<CallbackPolicyBody>;

export const SPAN_UNITS = ['days', 'hours', 'businessDays'] as const;
export type SpanUnit = (typeof SPAN_UNITS)[number];

export interface StepValues {
  label?: string;
  /** empty: the callback may be made at once */
  startAmount?: number | null;
  startUnit: SpanUnit;
  dueAmount?: number | null;
  dueUnit: SpanUnit;
}

export interface PolicyValues {
  name: string;
  enabled: boolean;
  kind: PolicyKind;
  callbackType: CallbackType;
  triggerStatus: TriggerStatus;
  conditions: ConditionValues[];
  anchorField?: string | null;
  steps: StepValues[];
  calendarId?: string | null;
  scriptId?: string | null;
  assigneeMode: AssigneeMode;
  assigneeTeamId?: string | null;
  channels: Channel[];
  coverageRequired: boolean;
  sendSurvey: boolean;
  targetMinutes?: number | null;
}

export function fromSpan(s: Span): { amount: number; unit: SpanUnit } {
  if (s.businessDays !== undefined) return { amount: s.businessDays, unit: 'businessDays' };
  if (s.hours !== undefined) return { amount: s.hours, unit: 'hours' };
  return { amount: s.days ?? 0, unit: 'days' };
}

/** Exactly one of days / hours / businessDays, as the schema wants; working days are at least one. */
export function toSpan(amount: number | null | undefined, unit: SpanUnit): Span {
  const n = Math.max(unit === 'businessDays' ? 1 : 0, Math.round(Number(amount ?? 0)) || 0);
  return { [unit]: n } as Span;
}

export function fromStep(s: CallbackStep): StepValues {
  const due = fromSpan(s.dueWithin);
  const start = s.startAfter ? fromSpan(s.startAfter) : null;
  return { label: s.label, startAmount: start?.amount ?? null, startUnit: start?.unit ?? 'days', dueAmount: due.amount, dueUnit: due.unit };
}

export function toStep(v: StepValues): CallbackStep {
  const step: CallbackStep = { label: (v.label ?? '').trim(), dueWithin: toSpan(v.dueAmount, v.dueUnit) };
  // no start, or a start of nothing, means "at once": leave startAfter out
  if (v.startAmount !== null && v.startAmount !== undefined && Number(v.startAmount) > 0) step.startAfter = toSpan(v.startAmount, v.startUnit);
  return step;
}

export function newStep(label: string): StepValues {
  return { label, startAmount: null, startUnit: 'days', dueAmount: 3, dueUnit: 'businessDays' };
}

export function emptyPolicy(stepLabel: string): PolicyValues {
  return {
    name: '',
    enabled: true,
    kind: 'event',
    callbackType: 'complaint',
    triggerStatus: 'resolved',
    conditions: [],
    anchorField: null,
    steps: [newStep(stepLabel)],
    calendarId: null,
    scriptId: null,
    assigneeMode: 'resolver',
    assigneeTeamId: null,
    channels: ['phone'],
    coverageRequired: false,
    sendSurvey: false,
    targetMinutes: 5,
  };
}

export function fromPolicy(p: Omit<CallbackPolicy, 'id' | 'template' | 'updatedAt'>): PolicyValues {
  return {
    name: p.name,
    enabled: p.enabled,
    kind: p.kind,
    callbackType: p.callbackType,
    triggerStatus: p.triggerStatus,
    conditions: p.conditions.map(fromCondition),
    anchorField: p.anchorField,
    steps: p.steps.map(fromStep),
    calendarId: p.calendarId,
    scriptId: p.scriptId,
    assigneeMode: p.assignee.mode,
    assigneeTeamId: p.assignee.mode === 'team' ? p.assignee.teamId : null,
    channels: [...p.channels],
    coverageRequired: p.coverageRequired,
    sendSurvey: p.sendSurvey,
    targetMinutes: p.targetMinutes,
  };
}

export function toAssignee(mode: AssigneeMode | undefined, teamId: string | null | undefined): Assignee {
  if (mode === 'team') return { mode, teamId: teamId ?? '' };
  return { mode: mode ?? 'resolver' };
}

/** Every field of the create body; tolerant of a half-filled form (the live preview reads it too). */
export function toPolicyBody(v: PolicyValues, fields: ConditionField[]): CallbackPolicyBody {
  return {
    name: (v.name ?? '').trim(),
    enabled: v.enabled ?? true,
    kind: v.kind ?? 'event',
    callbackType: v.callbackType ?? 'complaint',
    triggerStatus: v.triggerStatus ?? 'resolved',
    conditions: (v.conditions ?? []).filter(Boolean).map((c) => toCondition(c, findField(fields, c.field)?.kind)),
    anchorField: v.anchorField || null,
    steps: (v.steps ?? []).filter(Boolean).map(toStep),
    calendarId: v.calendarId || null,
    scriptId: v.scriptId || null,
    assignee: toAssignee(v.assigneeMode, v.assigneeTeamId),
    // in the order the schema lists them, so a re-ticked channel is no change
    channels: CALLBACK_CHANNELS.filter((c) => (v.channels ?? []).includes(c)),
    coverageRequired: !!v.coverageRequired,
    sendSurvey: !!v.sendSurvey,
    targetMinutes: Math.round(Number(v.targetMinutes ?? 5)) || 5,
  };
}

/** JSON with object keys sorted: two values that differ only in key order are the same. */
export function canonical(x: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(norm(x));
}

/** The fields of `next` that differ from `before`: a PATCH body that names only what changed. */
export function changedFields<B extends object>(before: B, next: B): Partial<B> {
  const out: Partial<B> = {};
  for (const k of Object.keys(next) as (keyof B)[]) {
    if (canonical(before[k]) !== canonical(next[k])) out[k] = next[k];
  }
  return out;
}

/**
 * The PATCH of an edited policy. Both sides go through the same conversion,
 * so a field the form shows differently than the server stores it (a
 * condition's key order, channels' order) is not sent unless it was changed.
 */
export function policyPatch(original: CallbackPolicy, v: PolicyValues, fields: ConditionField[]): PolicyPatch {
  return changedFields(toPolicyBody(fromPolicy(original), fields), toPolicyBody(v, fields));
}

export interface AnchorOption {
  /** fields.leakTestAt */
  value: string;
  /** 试漏时间 (维修) */
  label: string;
  /** the name alone, for sentences */
  name: string;
}

/** The date and datetime fields of the forms a policy can count from; a key used by several forms appears once. */
export function anchorFields(forms: FormRecord[], lk: Pick<Lookups, 'typeName' | 'pick' | 'text'>): AnchorOption[] {
  const byKey = new Map<string, { name: string; types: string[] }>();
  for (const form of forms) {
    for (const f of allFields(form.definition)) {
      if (f.type !== 'date' && f.type !== 'datetime') continue;
      const entry = byKey.get(f.key) ?? { name: lk.pick(f.label), types: [] };
      entry.types.push(lk.typeName(form.type));
      byKey.set(f.key, entry);
    }
  }
  const sep = lk.text('rule.listSep');
  return [...byKey.entries()].map(([key, e]) => ({ value: `fields.${key}`, label: `${e.name} (${e.types.join(sep)})`, name: e.name }));
}
