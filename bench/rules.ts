// --rules N: N realistic routing rules on top of the dairy-hotline template,
// installed with the app's own createRule, and the in-process cost of the pure
// rule evaluation (evaluateRules) per event over synthetic work orders.
//
// The rules look like what a hotline adds over a year: notify a position,
// raise the priority, add watchers, on ticket.created or ticket.updated, with
// 1-4 conditions on type / priority / channel / form fields. Most conditions
// name a specific product, symptom, channel or priority, so a given event
// matches only a few of them (the measured match rate is reported).

import { CHANNELS, PRIORITIES } from '@kefu/shared/ticket-status';
import { ruleBody, type RuleAction, type RuleBody, type RuleCondition } from '@kefu/shared/rules';
import type { Database, Tx } from '../apps/server/src/db/client.ts';
import { createRule } from '../apps/server/src/modules/routing/save-rule.ts';
import { enabledRules } from '../apps/server/src/modules/routing/rules.repository.ts';
import { evaluateRules, type RuleEvent } from '../apps/server/src/modules/routing/evaluate-rules.ts';
import type { RuleContext } from '@kefu/shared/conditions';
import { Rng } from './random.ts';
import { ticketFields, TYPE_MIX, type TicketType } from './ticket-content.ts';
import * as V from './vocabulary.ts';

/** positions the dairy-hotline template defines (bound to demo users) */
const POSITIONS = ['cs_center_manager', 'operator_team_lead', 'qc_manager', 'gm_office_director', 'marketing_director', 'senior_management', 'sales_clerk', 'station_clerk'];
const pos = (position: string) => ({ kind: 'position' as const, position });

/** One more condition on a form field of this type, usually a narrow one. */
function fieldCondition(type: TicketType, rng: Rng): RuleCondition {
  const c = (field: string, op: RuleCondition['op'], value?: RuleCondition['value']): RuleCondition =>
    (value === undefined ? { field, op } : { field, op, value });
  const some = <T>(xs: readonly T[], n: number): T[] => {
    const out = new Set<T>();
    while (out.size < n) out.add(rng.pick(xs));
    return [...out];
  };
  switch (type) {
    case 'complaint':
      return rng.weighted<() => RuleCondition>([
        [() => c('fields.category', 'eq', rng.pick(['product_quality', 'service_quality'])), 1],
        [() => c('fields.product', 'eq', rng.pick(V.PRODUCTS)), 4],
        [() => c('fields.product', 'in', some(V.PRODUCTS, rng.int(2, 3))), 2],
        [() => c('fields.symptom', 'eq', rng.pick(V.SYMPTOMS)), 3],
        [() => c('fields.serviceIssue', 'eq', rng.pick(V.SERVICE_ISSUES)), 3],
        [() => c('fields.purchaseMethod', 'eq', rng.pick(['retail', 'mall', 'online', 'other'])), 2],
        [() => c('fields.validity', 'eq', 'invalid'), 1],
        [() => c('fields.injury', 'is_true'), 1],
        [() => c('fields.batchNumber', 'not_exists'), 1],
        [() => c('fields.staffName', 'eq', rng.pick(V.STAFF_NAMES)), 2],
        [() => c('fields.reason', 'contains', rng.pick(['异味', '变质', '胀袋', '结块', '迟到', '少送', '态度'])), 2],
      ])();
    case 'order':
      return rng.weighted<() => RuleCondition>([
        [() => c('fields.deliveryChannel', 'eq', rng.pick(['retail', 'mall'])), 2],
        [() => c('fields.product', 'eq', rng.pick(V.PRODUCTS)), 4],
        [() => c('fields.spec', 'in', some(V.SPECS, rng.int(1, 2))), 3],
        [() => c('fields.outOfArea', 'is_true'), 1],
        [() => c('fields.startDate', 'not_exists'), 1],
        [() => c('fields.remark', 'contains', rng.pick(['早上', '周末', '奶箱', '发票'])), 1],
      ])();
    case 'inquiry':
      return rng.weighted<() => RuleCondition>([
        [() => c('fields.topics', 'contains', rng.pick(V.TOPICS)), 3],
        [() => c('fields.topics', 'in', some(V.TOPICS, 2)), 1],
        [() => c('fields.potentialOrder', 'is_true'), 2],
        [() => c('fields.interestedProduct', 'eq', rng.pick(V.PRODUCTS)), 2],
        [() => c('fields.preferredChannel', 'eq', rng.pick(['home', 'retail', 'mall'])), 1],
      ])();
    case 'repair':
      return rng.weighted<() => RuleCondition>([
        [() => c('fields.repairCategory', 'eq', rng.pick(V.REPAIR_CATEGORIES)), 3],
        [() => c('fields.location', 'eq', rng.pick(V.REPAIR_LOCATIONS)), 2],
        [() => c('fields.appointmentTime', 'exists'), 1],
      ])();
  }
}

function action(rng: Rng, trigger: string): RuleAction {
  const who = () => pos(rng.pick(POSITIONS));
  // raising the priority on every update would chain rule after rule: updates only notify or add watchers
  const kinds: [string, number][] = trigger === 'ticket.created'
    ? [['notify', 5], ['set_priority', 2], ['add_watchers', 3]]
    : [['notify', 6], ['add_watchers', 3]];
  switch (rng.weighted(kinds)) {
    case 'notify':
      return { type: 'notify', recipients: rng.chance(0.3) ? [who(), who()] : [who()], template: rng.pick(['ticket.routed', 'ticket.escalated']), urgent: rng.chance(0.1) };
    case 'set_priority':
      return { type: 'set_priority', priority: rng.pick(['high', 'urgent'] as const) };
    default:
      return { type: 'add_watchers', recipients: [who()] };
  }
}

/** n rule bodies, the same for a given seed. */
export function benchRuleBodies(n: number, seed = 20_26): RuleBody[] {
  const rng = new Rng(seed);
  const out: RuleBody[] = [];
  for (let i = 0; i < n; i++) {
    const trigger = rng.chance(0.7) ? 'ticket.created' : 'ticket.updated';
    const type = rng.weighted(TYPE_MIX);
    const conditions: RuleCondition[] = [];
    // most rules are about one type of work order; a few look at every type
    if (rng.chance(0.9)) conditions.push({ field: 'type', op: 'eq', value: type });
    // an update rule usually asks what changed
    if (trigger === 'ticket.updated' && rng.chance(0.6)) {
      const changed = { complaint: ['category', 'validity', 'injury', 'symptom'], order: ['quantity', 'deliveryChannel', 'startDate'], inquiry: ['potentialOrder'], repair: ['appointmentTime', 'repairCategory'] }[type];
      conditions.push({ field: `fields.${rng.pick(changed)}`, op: 'changed' });
    }
    const extra = rng.weighted([[1, 3], [2, 5], [3, 2]] as const) - (conditions.length > 1 ? 1 : 0);
    for (let k = 0; k < extra && conditions.length < 4; k++) {
      const c = rng.weighted<() => RuleCondition>([
        [() => fieldCondition(type, rng), conditions[0]?.field === 'type' ? 8 : 0],
        [() => ({ field: 'channel', op: 'eq', value: rng.pick(CHANNELS.filter((x) => x !== 'phone')) }), 1],
        [() => ({ field: 'channel', op: 'in', value: [rng.pick(['email', 'web', 'chat']), rng.pick(['walk_in', 'letter'])] }), 1],
        [() => ({ field: 'priority', op: 'in', value: ['high', 'urgent'] }), 1],
        [() => ({ field: 'priority', op: 'eq', value: rng.pick(PRIORITIES.filter((p) => p !== 'normal')) }), 1],
      ])();
      if (!conditions.some((x) => x.field === c.field)) conditions.push(c);
    }
    const actions = [action(rng, trigger)];
    if (rng.chance(0.25)) actions.push(action(rng, trigger));
    out.push(ruleBody.parse({
      name: `bench ${String(i + 1).padStart(3, '0')}: ${type} ${conditions.map((c) => c.field.replace('fields.', '')).join('+')} → ${actions.map((a) => a.type).join('+')}`,
      description: 'bench rule',
      enabled: true,
      trigger,
      conditions,
      actions,
      stopProcessing: false,
    }));
  }
  return out;
}

export interface InstalledRules { added: number; templateRules: number; active: number; seconds: number; byTrigger: Record<string, number> }

/** Installs n bench rules after the template's (createRule gives each the next position). */
export async function installBenchRules(database: Database, n: number): Promise<InstalledRules> {
  const t0 = performance.now();
  const templateRules = (await enabledRules(database.db as Tx, {})).length;
  for (const body of benchRuleBodies(n)) await createRule(database.db, body, null);
  const all = await enabledRules(database.db as Tx, {});
  const byTrigger: Record<string, number> = {};
  for (const r of all) byTrigger[r.trigger] = (byTrigger[r.trigger] ?? 0) + 1;
  return { added: n, templateRules, active: all.length, seconds: (performance.now() - t0) / 1000, byTrigger };
}

// ---------- pure evaluation ----------

export interface EvalResult {
  activeRules: number;
  events: number;
  /** µs per evaluateRules call */
  us: { p50: number; p99: number; max: number; mean: number };
  eventsPerSecond: number;
  /** verdicts (rules that fire) per event */
  firedPerEvent: { mean: number; created: number; updated: number; max: number; zeroShare: number };
  /** how many of the events no rule at all fired for, and the share of rules that never fired */
  rulesNeverFired: number;
}

const UPDATE_CHANGES = [['status'], ['priority'], ['assigneeId', 'teamId'], ['fields.remark'], ['fields.category', 'fields.reason'], ['status', 'resolution']];

/** Synthetic events: the type mix of the load, random channel / priority / customer class, created or updated. */
function contexts(n: number, rng: Rng): { e: RuleEvent; ctx: RuleContext }[] {
  const out: { e: RuleEvent; ctx: RuleContext }[] = [];
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const type = rng.weighted(TYPE_MIX);
    const created = rng.chance(0.7);
    const changed = created ? [] : rng.pick(UPDATE_CHANGES);
    out.push({
      e: { type: created ? 'ticket.created' : 'ticket.updated', changed, causedByRuleIds: [], depth: 0 },
      ctx: {
        type,
        priority: rng.weighted([['low', 1], ['normal', 14], ['high', 3], ['urgent', 1]] as const),
        channel: rng.weighted([['phone', 20], ['walk_in', 1], ['email', 1], ['web', 2], ['chat', 2], ['letter', 0.2]] as const),
        status: created ? 'new' : rng.pick(['open', 'pending', 'resolved']),
        teamId: null,
        assigneeId: null,
        customerClass: rng.pick(V.CUSTOMER_CLASSES),
        fields: ticketFields(type, rng, now),
        changed,
        businessHours: rng.chance(0.6),
      },
    });
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** evaluateRules over `events` synthetic events with the rules now enabled (as the app loads them). */
export async function measureEvaluation(database: Database, events = 20_000): Promise<EvalResult> {
  const rules = await enabledRules(database.db as Tx, {});
  const rng = new Rng(99);
  const input = contexts(Math.min(events, 5000), rng);
  // warm-up: JIT
  for (let i = 0; i < 3000; i++) evaluateRules(rules, input[i % input.length].e, input[i % input.length].ctx);
  const times = new Float64Array(events);
  const fired = new Int32Array(events);
  const firedRules = new Set<string>();
  for (let i = 0; i < events; i++) {
    const { e, ctx } = input[i % input.length];
    const t = performance.now();
    const v = evaluateRules(rules, e, ctx);
    times[i] = (performance.now() - t) * 1000;
    fired[i] = v.length;
    if (i < input.length) for (const x of v) firedRules.add(x.rule.id);
  }
  // throughput without the timer calls around each evaluation
  const t0 = performance.now();
  for (let i = 0; i < events; i++) evaluateRules(rules, input[i % input.length].e, input[i % input.length].ctx);
  const bulkMs = performance.now() - t0;
  const sorted = Array.from(times).sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const meanOf = (pred: (i: number) => boolean) => {
    let s = 0;
    let n = 0;
    for (let i = 0; i < events; i++) if (pred(i)) { s += fired[i]; n++; }
    return r2(s / (n || 1));
  };
  return {
    activeRules: rules.length,
    events,
    us: { p50: r2(percentile(sorted, 50)), p99: r2(percentile(sorted, 99)), max: r2(sorted[sorted.length - 1]), mean: r2(sorted.reduce((a, b) => a + b, 0) / events) },
    eventsPerSecond: Math.round(events / (bulkMs / 1000)),
    firedPerEvent: {
      mean: meanOf(() => true),
      created: meanOf((i) => input[i % input.length].e.type === 'ticket.created'),
      updated: meanOf((i) => input[i % input.length].e.type === 'ticket.updated'),
      max: Math.max(...fired),
      zeroShare: r2(fired.filter((x) => x === 0).length / events),
    },
    rulesNeverFired: rules.filter((r) => !firedRules.has(r.id)).length,
  };
}
