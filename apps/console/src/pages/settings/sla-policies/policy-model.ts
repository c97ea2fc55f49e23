import { SLA_KINDS, type SlaKind, type SlaTarget } from '@kefu/shared/sla';
import type { SlaPolicy } from '../../../api/types.ts';
import { slaPolicyBody, type SlaPolicyBody } from '../../../api/bodies.ts';
import { findField, fromCondition, toCondition, type ConditionField, type ConditionValues } from '../rules/rule-model.ts';

// The SLA policy editor's values: a target's time as an amount and a unit
// (working minutes, working hours = 60 minutes, or whole working days).

export const TARGET_UNITS = ['minutes', 'hours', 'businessDays'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export interface TargetValues {
  kind?: SlaKind;
  amount?: number | null;
  unit: TargetUnit;
  warnAtPercent?: number | null;
}

export interface PolicyValues {
  name: string;
  enabled: boolean;
  conditions: ConditionValues[];
  targets: TargetValues[];
  calendarId?: string | null;
}

export function fromTarget(t: SlaTarget): TargetValues {
  if (t.businessDays !== undefined) return { kind: t.kind, amount: t.businessDays, unit: 'businessDays', warnAtPercent: t.warnAtPercent };
  const minutes = t.minutes ?? 0;
  // whole hours read better as hours (240 -> 4 working hours)
  if (minutes >= 60 && minutes % 60 === 0) return { kind: t.kind, amount: minutes / 60, unit: 'hours', warnAtPercent: t.warnAtPercent };
  return { kind: t.kind, amount: minutes, unit: 'minutes', warnAtPercent: t.warnAtPercent };
}

export function toTarget(v: TargetValues): SlaTarget {
  const kind = v.kind ?? 'resolution';
  const warnAtPercent = v.warnAtPercent ?? 80;
  const amount = Number(v.amount ?? 0);
  if (v.unit === 'businessDays') return { kind, businessDays: Math.round(amount), warnAtPercent };
  return { kind, minutes: v.unit === 'hours' ? amount * 60 : amount, warnAtPercent };
}

/** A new target: the first kind not used yet. */
export function newTarget(used: (SlaKind | undefined)[]): TargetValues {
  const kind = SLA_KINDS.find((k) => !used.includes(k)) ?? 'resolution';
  return kind === 'resolution' ? { kind, amount: 1, unit: 'businessDays', warnAtPercent: 80 } : { kind, amount: 30, unit: 'minutes', warnAtPercent: 80 };
}

export function emptyPolicy(): PolicyValues {
  return { name: '', enabled: true, conditions: [], targets: [newTarget([])], calendarId: null };
}

export function fromPolicy(p: Pick<SlaPolicy, 'name' | 'enabled' | 'conditions' | 'targets' | 'calendarId'>): PolicyValues {
  return {
    name: p.name,
    enabled: p.enabled,
    conditions: p.conditions.map(fromCondition),
    targets: p.targets.map(fromTarget),
    calendarId: p.calendarId,
  };
}

export function toPolicyBody(v: PolicyValues, fields: ConditionField[], position?: number): SlaPolicyBody {
  return slaPolicyBody({
    name: v.name,
    enabled: v.enabled,
    position,
    conditions: (v.conditions ?? []).map((c) => toCondition(c, findField(fields, c.field)?.kind)),
    targets: (v.targets ?? []).map(toTarget),
    calendarId: v.calendarId ?? null,
  });
}

/** New positions after a move (10, 20, 30 … in the new order): one PATCH per policy whose place changes. */
export { reorder } from '../rules/rule-model.ts';
