import { CONDITION_OPS, type Recipient, type RuleAction, type RuleCondition, type RuleTrigger } from '@kefu/shared/rules';
import { allFields, type FieldDef } from '@kefu/shared/forms';
import type { Lookups } from './lookups.ts';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '@kefu/shared/ticket-status';
import type { FormRecord, Rule } from '../../../api/types.ts';
import { ruleBody, type RuleBody } from '../../../api/bodies.ts';
import { NOTIFICATION_KINDS } from '@kefu/shared/notifications-api';
import { decodeAll, decodeRecipient, encodeRecipient } from './recipient-model.ts';

// The rule editor works on form values that are easier to edit than the rule
// schema (recipients as one string each, a subtask title as two inputs);
// these functions convert both ways (recipient-model.ts and rule-words.ts hold the rest).

export type ConditionOp = (typeof CONDITION_OPS)[number];
export type Scalar = string | number | boolean;

/** What kind of value a condition field holds; decides operators and the value input. */
export type FieldKind = 'enum' | 'boolean' | 'number' | 'text' | 'list';

export interface FieldOption {
  value: Scalar;
  label: string;
}

export interface ConditionField {
  /** as the rule names it: priority, fields.category … */
  value: string;
  label: string;
  kind: FieldKind;
  options?: FieldOption[];
  /** "built-in" work-order attributes, or form fields */
  group: 'ticket' | 'form';
}

export type { Lookups } from './lookups.ts';

export const VALUE_OPS: ConditionOp[] = ['eq', 'neq', 'in', 'not_in', 'contains'];
export const LIST_OPS: ConditionOp[] = ['in', 'not_in'];
export const needsValue = (op: ConditionOp) => VALUE_OPS.includes(op);
export const isListOp = (op: ConditionOp) => LIST_OPS.includes(op);

const OPS_BY_KIND: Record<FieldKind, ConditionOp[]> = {
  enum: ['eq', 'neq', 'in', 'not_in', 'exists', 'not_exists', 'changed'],
  boolean: ['is_true', 'is_false', 'exists', 'not_exists', 'changed'],
  number: ['eq', 'neq', 'in', 'not_in', 'exists', 'not_exists', 'changed'],
  text: ['eq', 'neq', 'contains', 'in', 'not_in', 'exists', 'not_exists', 'changed'],
  list: ['contains', 'in', 'not_in', 'exists', 'not_exists', 'changed'],
};

/** Operators offered for a field; an operator already in use stays offered. */
export function opsFor(kind: FieldKind | undefined, current?: ConditionOp): ConditionOp[] {
  const ops = kind ? OPS_BY_KIND[kind] : [...CONDITION_OPS];
  return current && !ops.includes(current) ? [...ops, current] : ops;
}

function formFieldKind(f: FieldDef): FieldKind {
  switch (f.type) {
    case 'select':
      return 'enum';
    case 'multiselect':
      return 'list';
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'integer':
      return 'number';
    default:
      return 'text';
  }
}

/**
 * The fields a condition can test: the work order's own attributes, then every
 * form field (a key used by several forms appears once, its options merged).
 */
export function conditionFields(
  forms: FormRecord[],
  lk: Lookups,
  directory: { users: { id: string; displayName: string; jobNumber: string | null }[]; teams: { id: string; name: string }[] } | undefined,
): ConditionField[] {
  const formFields = new Map<string, { def: FieldDef; forms: string[]; options: FieldOption[] }>();
  for (const form of forms) {
    for (const f of allFields(form.definition)) {
      const entry = formFields.get(f.key) ?? { def: f, forms: [], options: [] };
      entry.forms.push(lk.typeName(form.type));
      for (const o of f.options ?? []) {
        if (!entry.options.some((x) => x.value === o.value)) entry.options.push({ value: o.value, label: lk.pick(o.label) });
      }
      formFields.set(f.key, entry);
    }
  }
  const sep = lk.text('rule.listSep');
  const changeable: FieldOption[] = [
    ...['status', 'priority', 'assigneeId', 'teamId', 'subject'].map((v) => ({ value: v, label: lk.text(`rule.field.${v}`) })),
    ...[...formFields.entries()].map(([key, e]) => ({ value: `fields.${key}`, label: `${lk.pick(e.def.label)} (${e.forms.join(sep)})` })),
  ];
  const builtIn: ConditionField[] = [
    { value: 'type', kind: 'enum', options: forms.map((f) => ({ value: f.type, label: lk.typeName(f.type) })) },
    { value: 'priority', kind: 'enum', options: PRIORITIES.map((p) => ({ value: p, label: lk.priority(p) })) },
    { value: 'channel', kind: 'enum', options: CHANNELS.map((c) => ({ value: c, label: lk.channel(c) })) },
    { value: 'status', kind: 'enum', options: TICKET_STATUSES.map((s) => ({ value: s, label: lk.status(s) })) },
    { value: 'teamId', kind: 'enum', options: (directory?.teams ?? []).map((x) => ({ value: x.id, label: x.name })) },
    {
      value: 'assigneeId',
      kind: 'enum',
      options: (directory?.users ?? []).map((u) => ({ value: u.id, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName })),
    },
    { value: 'customer.class', kind: 'text' },
    { value: 'customer.tier', kind: 'text' },
    { value: 'businessHours', kind: 'boolean' },
    { value: 'changed', kind: 'list', options: changeable },
    { value: 'sla.kind', kind: 'text' },
  ].map((f) => ({ ...f, kind: f.kind as FieldKind, group: 'ticket' as const, label: lk.text(`rule.field.${f.value}`) }));
  const fromForms: ConditionField[] = [...formFields.entries()].map(([key, e]) => ({
    value: `fields.${key}`,
    label: `${lk.pick(e.def.label)} (${e.forms.join(sep)})`,
    kind: formFieldKind(e.def),
    options: e.options.length ? e.options : undefined,
    group: 'form',
  }));
  return [...builtIn, ...fromForms];
}

export function findField(fields: ConditionField[], value: string | undefined): ConditionField | undefined {
  return fields.find((f) => f.value === value);
}

// ---------- conditions ----------

export interface ConditionValues {
  field?: string;
  op?: ConditionOp;
  value?: Scalar | Scalar[] | null;
}

const asBool = (v: unknown) => v === true || v === 'true';

/** Coerces the edited value to what the operator and the field's kind need. */
export function toCondition(v: ConditionValues, kind: FieldKind | undefined): RuleCondition {
  const op = v.op ?? 'eq';
  const field = v.field ?? '';
  if (!needsValue(op)) return { field, op };
  const one = (x: unknown): Scalar => {
    if (kind === 'number') return typeof x === 'number' ? x : Number(x);
    if (kind === 'boolean') return asBool(x);
    return typeof x === 'number' || typeof x === 'boolean' ? x : String(x ?? '').trim();
  };
  const raw = v.value;
  if (isListOp(op)) {
    const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw]).map(one);
    return { field, op, value: list };
  }
  return { field, op, value: one(Array.isArray(raw) ? raw[0] : raw) };
}

export function fromCondition(c: RuleCondition): ConditionValues {
  return { field: c.field, op: c.op, value: c.value };
}

// ---------- actions ----------

export type ActionType = RuleAction['type'];
/** Types the editor has a form for; any other type a rule holds is kept as it is. */
export const ACTION_TYPES: ActionType[] = [
  'assign',
  'notify',
  'add_watchers',
  'set_priority',
  'set_status',
  'create_subtask',
  'hide_from',
  'escalate',
  'start_sla',
  'cancel_sla',
];
export const SLA_UNITS = ['minutes', 'businessDays'] as const;
export const STRATEGIES = ['direct', 'round_robin', 'least_loaded'] as const;
/** Notification texts a notify action can use (the server's template kinds). */
export const NOTIFY_TEMPLATES = NOTIFICATION_KINDS;

/** One flat shape for every action type; only the keys of the chosen type are sent. */
export interface ActionValues {
  type?: ActionType;
  to?: string;
  strategy?: (typeof STRATEGIES)[number];
  recipients?: string[];
  template?: string;
  urgent?: boolean;
  priority?: (typeof PRIORITIES)[number];
  status?: (typeof TICKET_STATUSES)[number];
  resolution?: string;
  titleZh?: string;
  titleEn?: string;
  assignees?: string[];
  dueInMinutes?: number | null;
  who?: string;
  /** escalate: the chain, lowest step first */
  chain?: string[];
  /** start_sla / cancel_sla */
  slaKind?: string;
  slaAmount?: number | null;
  slaUnit?: (typeof SLA_UNITS)[number];
  calendarId?: string | null;
  /** an action of a type this editor does not know: sent back unchanged */
  raw?: RuleAction;
}

export function fromAction(a: RuleAction): ActionValues {
  switch (a.type) {
    case 'assign':
      return { type: a.type, to: encodeRecipient(a.to), strategy: a.strategy ?? 'direct' };
    case 'notify':
      return { type: a.type, recipients: a.recipients.map(encodeRecipient), template: a.template ?? 'ticket.routed', urgent: a.urgent ?? false };
    case 'add_watchers':
      return { type: a.type, recipients: a.recipients.map(encodeRecipient) };
    case 'set_priority':
      return { type: a.type, priority: a.priority };
    case 'set_status':
      return { type: a.type, status: a.status, resolution: a.resolution ?? '' };
    case 'create_subtask':
      return {
        type: a.type,
        titleZh: a.title.zh,
        titleEn: a.title.en,
        assignees: a.assignees.map(encodeRecipient),
        dueInMinutes: a.dueInMinutes ?? null,
        priority: a.priority ?? 'normal',
      };
    case 'hide_from':
      return { type: a.type, who: encodeRecipient(a.who) };
    case 'escalate':
      return { type: a.type, chain: a.chain.map(encodeRecipient), urgent: a.urgent ?? true };
    case 'start_sla':
      return {
        type: a.type,
        slaKind: a.kind,
        slaUnit: a.businessDays !== undefined ? 'businessDays' : 'minutes',
        slaAmount: a.businessDays ?? a.minutes ?? null,
        calendarId: a.calendarId ?? null,
      };
    case 'cancel_sla':
      return { type: a.type, slaKind: a.kind };
    default:
      return { type: (a as { type: ActionType }).type, raw: a };
  }
}

/** Defaults for a freshly chosen action type. */
export function newAction(type: ActionType): ActionValues {
  switch (type) {
    case 'assign':
      return { type, strategy: 'direct' };
    case 'notify':
      return { type, recipients: [], template: 'ticket.routed', urgent: false };
    case 'add_watchers':
      return { type, recipients: [] };
    case 'set_priority':
      return { type, priority: 'high' };
    case 'set_status':
      return { type, status: 'closed', resolution: '' };
    case 'create_subtask':
      return { type, assignees: [], priority: 'normal', titleZh: '', titleEn: '', dueInMinutes: null };
    case 'escalate':
      return { type, chain: [], urgent: true };
    case 'start_sla':
      return { type, slaKind: 'resolution', slaUnit: 'minutes', slaAmount: null, calendarId: null };
    case 'cancel_sla':
      return { type, slaKind: 'resolution' };
    default:
      return { type };
  }
}

export function toAction(v: ActionValues): RuleAction {
  const one = (s: string | undefined) => (s ? decodeRecipient(s) : null) ?? ({ kind: 'assignee' } as Recipient);
  switch (v.type) {
    case 'assign':
      return { type: 'assign', to: one(v.to), strategy: v.strategy ?? 'direct' };
    case 'notify':
      return { type: 'notify', recipients: decodeAll(v.recipients), template: v.template ?? 'ticket.routed', urgent: !!v.urgent };
    case 'add_watchers':
      return { type: 'add_watchers', recipients: decodeAll(v.recipients) };
    case 'set_priority':
      return { type: 'set_priority', priority: v.priority ?? 'normal' };
    case 'set_status': {
      const resolution = v.resolution?.trim();
      return { type: 'set_status', status: v.status ?? 'closed', ...(resolution ? { resolution } : {}) };
    }
    case 'create_subtask': {
      const zh = v.titleZh?.trim() ?? '';
      const en = v.titleEn?.trim() || zh;
      return {
        type: 'create_subtask',
        title: { zh: zh || en, en },
        assignees: decodeAll(v.assignees),
        ...(v.dueInMinutes ? { dueInMinutes: v.dueInMinutes } : {}),
        priority: v.priority ?? 'normal',
      };
    }
    case 'hide_from':
      return { type: 'hide_from', who: one(v.who) };
    case 'escalate':
      return { type: 'escalate', chain: decodeAll(v.chain), urgent: v.urgent ?? true };
    case 'start_sla': {
      const amount = v.slaAmount ?? 0;
      return {
        type: 'start_sla',
        kind: v.slaKind ?? 'resolution',
        ...(v.slaUnit === 'businessDays' ? { businessDays: amount } : { minutes: amount }),
        ...(v.calendarId ? { calendarId: v.calendarId } : {}),
      };
    }
    case 'cancel_sla':
      return { type: 'cancel_sla', kind: v.slaKind ?? 'resolution' };
    default:
      if (v.raw) return v.raw;
      throw new Error(`unknown action type ${String(v.type)}`);
  }
}

// ---------- whole rule ----------

export interface RuleValues {
  name: string;
  description?: string | null;
  enabled: boolean;
  trigger: RuleTrigger;
  stopProcessing: boolean;
  conditions: ConditionValues[];
  actions: ActionValues[];
}

export function fromRule(r: Pick<Rule, 'name' | 'description' | 'enabled' | 'trigger' | 'stopProcessing' | 'conditions' | 'actions'>): RuleValues {
  return {
    name: r.name,
    description: r.description ?? '',
    enabled: r.enabled,
    trigger: r.trigger,
    stopProcessing: r.stopProcessing,
    conditions: r.conditions.map(fromCondition),
    actions: r.actions.map(fromAction),
  };
}

export function emptyRule(): RuleValues {
  return { name: '', description: '', enabled: true, trigger: 'ticket.created', stopProcessing: false, conditions: [], actions: [newAction('assign')] };
}

export function toRuleBody(v: RuleValues, fields: ConditionField[], position?: number): RuleBody {
  return ruleBody({
    name: v.name,
    description: v.description,
    enabled: v.enabled,
    position,
    trigger: v.trigger,
    stopProcessing: v.stopProcessing,
    conditions: (v.conditions ?? []).map((c) => toCondition(c, findField(fields, c.field)?.kind)),
    actions: (v.actions ?? []).map(toAction),
  });
}

/** The complete body of an existing rule with some keys changed (PATCH always sends everything). */
export function ruleWith(r: Pick<Rule, 'name' | 'description' | 'enabled' | 'position' | 'trigger' | 'conditions' | 'actions' | 'stopProcessing'>, change: Partial<RuleBody> = {}): RuleBody {
  return ruleBody({
    name: change.name ?? r.name,
    description: change.description !== undefined ? change.description : r.description,
    enabled: change.enabled ?? r.enabled,
    position: change.position ?? r.position,
    trigger: change.trigger ?? r.trigger,
    conditions: (change.conditions ?? r.conditions) as RuleCondition[],
    actions: (change.actions ?? r.actions) as RuleAction[],
    stopProcessing: change.stopProcessing ?? r.stopProcessing,
  });
}

/**
 * New positions after moving one rule from index `from` to index `to`:
 * 10, 20, 30 … in the new order. Only rules whose position changes are returned.
 */
export function reorder<T extends { id: string; position: number }>(rules: T[], from: number, to: number): { rule: T; position: number }[] {
  if (from === to || from < 0 || to < 0 || from >= rules.length || to >= rules.length) return [];
  const next = [...rules];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next.map((rule, i) => ({ rule, position: (i + 1) * 10 })).filter((x) => x.rule.position !== x.position);
}
