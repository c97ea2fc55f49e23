import { z } from 'zod';
import { id, isoDate } from './api.ts';
import { RULE_TRIGGERS, type RuleAction, type RuleCondition } from './rules.ts';

// Answers of the routing API (rules, positions, rule log, templates). The
// server serializes with these; the console's types are inferred from them.
// Conditions and actions went through the rule schemas when they were saved,
// so the answer does not parse them again (z.unknown on the wire, typed here).

export const ruleOut = z.object({
  id, name: z.string(), description: z.string().nullable(), enabled: z.boolean(), position: z.number().int(),
  trigger: z.enum(RULE_TRIGGERS), conditions: z.array(z.unknown()), actions: z.array(z.unknown()), stopProcessing: z.boolean(),
  /** the industry template the rule came from */
  template: z.string().nullable(), version: z.number().int(), updatedAt: isoDate,
});
export type Rule = Omit<z.infer<typeof ruleOut>, 'conditions' | 'actions'> & { conditions: RuleCondition[]; actions: RuleAction[] };

export const ruleVersionOut = z.object({ version: z.number().int(), snapshot: z.unknown(), changedBy: z.string().nullable(), at: isoDate });
export type RuleVersion = Omit<z.infer<typeof ruleVersionOut>, 'snapshot'> & { snapshot: Partial<Rule> & Record<string, unknown> };

export const rulePreviewOut = z.object({
  context: z.unknown(),
  rules: z.array(z.object({ ruleId: id, ruleName: z.string(), outcome: z.string(), actions: z.array(z.object({ action: z.unknown(), people: z.array(z.string()) })) })),
});
export type RulePreview = {
  context: Record<string, unknown>;
  rules: { ruleId: string; ruleName: string; outcome: string; actions: { action: RuleAction; people: string[] }[] }[];
};

export const ruleRunOut = z.object({ id: z.number(), ruleId: id, ruleName: z.string(), ticketId: id, outcome: z.string(), detail: z.unknown(), at: isoDate });
export type RuleRun = Omit<z.infer<typeof ruleRunOut>, 'detail'> & {
  detail: { actions?: { type: string; summary?: string; userIds?: string[] }[]; reason?: string } | null;
};

const localized = z.object({ zh: z.string(), en: z.string() });
export const ruleTemplateOut = z.object({ key: z.string(), name: localized, description: localized, rules: z.number().int() });
export type RuleTemplate = z.infer<typeof ruleTemplateOut>;

export const positionOut = z.object({ id, key: z.string(), name: z.string(), nameEn: z.string().nullable(), holderIds: z.array(id) });
export type Position = z.infer<typeof positionOut>;
