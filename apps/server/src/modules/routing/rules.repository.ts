import { asc, eq } from 'drizzle-orm';
import { ruleAction, ruleCondition, type RuleAction, type RuleCondition, type RuleTrigger } from '@kefu/shared/rules';
import type { Tx } from '../../db/client.ts';
import { rules } from '../../db/schema/index.ts';

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
  template: string | null;
  version: number;
  updatedAt: Date;
}

export function toRule(row: typeof rules.$inferSelect): Rule {
  return {
    ...row,
    trigger: row.trigger as RuleTrigger,
    // stored rules were validated on save; parsing again fills defaults of newer versions
    conditions: (row.conditions as unknown[]).map((c) => ruleCondition.parse(c)),
    actions: (row.actions as unknown[]).map((a) => ruleAction.parse(a)),
  };
}

// Rules are read for every event; a short cache keeps that off the database.
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; rules: Rule[] }>();

export function clearRuleCache(db: object): void {
  cache.delete(db);
}

export async function enabledRules(db: Tx, cacheKey: object): Promise<Rule[]> {
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rules;
  const rows = await db.select().from(rules).where(eq(rules.enabled, true)).orderBy(asc(rules.position), asc(rules.createdAt));
  const list = rows.map(toRule);
  cache.set(cacheKey, { at: Date.now(), rules: list });
  return list;
}
