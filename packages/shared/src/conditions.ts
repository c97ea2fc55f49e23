import type { RuleCondition } from './rules.ts';

// Conditions of rules, SLA policies and callback policies, evaluated against
// the facts of a work order. Pure: the server decides with it, the console
// previews with it.

/** What a rule's conditions look at: the work order as it is after the event. */
export interface RuleContext {
  type: string;
  priority: string;
  channel: string;
  status: string;
  teamId: string | null;
  assigneeId: string | null;
  customerClass: string | null;
  /** the customer's value class (A/B/C) */
  customerTier?: string | null;
  fields: Record<string, unknown>;
  /** names of what the event changed: status, assigneeId, fields.category … */
  changed: string[];
  businessHours: boolean;
  slaKind?: string;
}

function valueOf(ctx: RuleContext, field: string): unknown {
  if (field.startsWith('fields.')) return ctx.fields[field.slice(7)];
  switch (field) {
    case 'customer.class': return ctx.customerClass;
    case 'customer.tier': return ctx.customerTier;
    case 'changed': return ctx.changed;
    case 'sla.kind': return ctx.slaKind;
    default: return (ctx as unknown as Record<string, unknown>)[field];
  }
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function conditionHolds(ctx: RuleContext, c: RuleCondition): boolean {
  const v = valueOf(ctx, c.field);
  const list = Array.isArray(c.value) ? c.value : [c.value];
  switch (c.op) {
    case 'eq': return Array.isArray(v) ? v.includes(c.value as never) : v === c.value;
    case 'neq': return Array.isArray(v) ? !v.includes(c.value as never) : v !== c.value;
    case 'in': return Array.isArray(v) ? v.some((x) => list.includes(x)) : list.includes(v as never);
    case 'not_in': return Array.isArray(v) ? !v.some((x) => list.includes(x)) : !list.includes(v as never);
    case 'is_true': return v === true;
    case 'is_false': return v !== true;
    case 'exists': return !empty(v);
    case 'not_exists': return empty(v);
    case 'changed': return ctx.changed.includes(c.field);
    case 'contains':
      if (typeof v === 'string') return v.includes(String(c.value));
      return Array.isArray(v) && v.includes(c.value as never);
  }
}

export function allConditionsHold(ctx: RuleContext, conditions: RuleCondition[]): boolean {
  return conditions.every((c) => conditionHolds(ctx, c));
}

/** Whether any of these condition lists asks about business hours (the one fact that costs a calendar lookup). */
export function asksBusinessHours(conditionLists: readonly { field: string }[][]): boolean {
  return conditionLists.some((list) => list.some((c) => c.field === 'businessHours'));
}
