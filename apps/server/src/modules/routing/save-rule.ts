import { desc, eq, sql } from 'drizzle-orm';
import { CUSTOMER_CONDITION_FIELDS, CUSTOMER_RECIPIENT_KINDS, CUSTOMER_TRIGGERS, recipientsOf, type Recipient, type RuleAction, type RuleBody } from '@kefu/shared/rules';
import type { Db, Tx } from '../../db/client.ts';
import { ruleVersions, rules, teams, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { currentForms } from '../forms/forms.queries.ts';
import { positionExists } from './positions.repository.ts';
import { clearRuleCache, toRule, type Rule } from './rules.repository.ts';

/** A rule about a customer (no work order) may only look at the customer and tell people. */
function checkCustomerTrigger(body: Pick<RuleBody, 'actions' | 'conditions' | 'trigger'>): void {
  if (!CUSTOMER_TRIGGERS.includes(body.trigger)) return;
  const field = body.conditions.find((c) => !(CUSTOMER_CONDITION_FIELDS as readonly string[]).includes(c.field));
  if (field) throw new AppError('VALIDATION_FAILED', { summary: `${body.trigger}: conditions may only look at ${CUSTOMER_CONDITION_FIELDS.join(', ')} (not ${field.field})` });
  const action = body.actions.find((a) => a.type !== 'notify');
  if (action) throw new AppError('VALIDATION_FAILED', { summary: `${body.trigger}: only notify actions (not ${action.type})` });
  const who = body.actions.flatMap(recipientsOf).find((r) => !(CUSTOMER_RECIPIENT_KINDS as readonly string[]).includes(r.kind));
  if (who) throw new AppError('VALIDATION_FAILED', { summary: `${body.trigger}: recipients may be ${CUSTOMER_RECIPIENT_KINDS.join(', ')} (not ${who.kind})` });
}

/** Refuses a rule that names people, teams, positions or forms that do not exist. */
export async function checkRuleReferences(tx: Tx, body: Pick<RuleBody, 'actions' | 'conditions' | 'trigger'>): Promise<void> {
  checkCustomerTrigger(body);
  const all = body.actions.flatMap(recipientsOf);
  const missingPositions = await positionExists(tx, [...new Set(all.flatMap((r) => (r.kind === 'position' ? [r.position]
    : r.kind === 'superior_of_job_number_in_field' ? [r.topPosition] : [])))]);
  if (missingPositions.length) throw new AppError('REFERENCE_NOT_FOUND', { what: 'position', id: missingPositions.join(', ') });
  for (const r of all) {
    if (r.kind === 'user') {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, r.userId));
      if (!u) throw new AppError('REFERENCE_NOT_FOUND', { what: 'user', id: r.userId });
    }
    if (r.kind === 'team') {
      const [t] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, r.teamId));
      if (!t) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: r.teamId });
    }
  }
  if (body.actions.some((a) => a.type === 'create_subtask') && !(await currentForms(tx as Db)).has('task')) {
    throw new AppError('REFERENCE_NOT_FOUND', { what: 'form', id: 'task' });
  }
  if (body.actions.some((a) => a.type === 'assign' && a.to.kind === 'user' && a.strategy !== 'direct')) {
    throw new AppError('VALIDATION_FAILED', { summary: 'assign to one person: strategy must be direct' });
  }
}

function snapshot(r: Rule) {
  const { id: _id, updatedAt: _u, ...rest } = r;
  return rest;
}

export async function createRule(db: Db, body: RuleBody, actorId: string | null, template: string | null = null): Promise<Rule> {
  const rule = await db.transaction(async (tx) => {
    await checkRuleReferences(tx, body);
    const position = body.position ?? Number((await tx.select({ n: sql<number>`coalesce(max(${rules.position}), 0) + 10` }).from(rules))[0].n);
    const [row] = await tx.insert(rules).values({
      name: body.name, description: body.description ?? null, enabled: body.enabled, position, trigger: body.trigger,
      conditions: body.conditions, actions: body.actions, stopProcessing: body.stopProcessing, template, updatedById: actorId,
    }).returning();
    const r = toRule(row);
    await tx.insert(ruleVersions).values({ ruleId: r.id, version: 1, snapshot: snapshot(r), changedById: actorId });
    return r;
  });
  clearRuleCache(db);
  return rule;
}

export async function updateRule(db: Db, ruleId: string, patch: Partial<Omit<RuleBody, 'conditions'> & { conditions: RuleBody['conditions'] }>, actorId: string | null): Promise<Rule> {
  const rule = await db.transaction(async (tx) => {
    const [cur] = await tx.select().from(rules).where(eq(rules.id, ruleId)).for('update');
    if (!cur) throw notFound('rule');
    const next = { ...toRule(cur), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Rule;
    await checkRuleReferences(tx, next);
    const [row] = await tx.update(rules).set({
      name: next.name, description: next.description ?? null, enabled: next.enabled, position: next.position, trigger: next.trigger,
      conditions: next.conditions, actions: next.actions, stopProcessing: next.stopProcessing,
      version: cur.version + 1, updatedById: actorId, updatedAt: new Date(),
    }).where(eq(rules.id, ruleId)).returning();
    const r = toRule(row);
    await tx.insert(ruleVersions).values({ ruleId, version: r.version, snapshot: snapshot(r), changedById: actorId });
    return r;
  });
  clearRuleCache(db);
  return rule;
}

export async function ruleHistory(db: Db, ruleId: string) {
  return db.select({ v: ruleVersions, by: users.displayName }).from(ruleVersions).leftJoin(users, eq(users.id, ruleVersions.changedById))
    .where(eq(ruleVersions.ruleId, ruleId)).orderBy(desc(ruleVersions.version));
}
