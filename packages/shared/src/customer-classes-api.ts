import { z } from 'zod';
import { id, isoDate } from './api.ts';

// Customer classes (客户分类, CUS-05..08): A/B/C by default, defined by the
// center as conditions over the customer's measures, recomputed each quarter.

/**
 * What a condition can look at:
 * - revenueQuarter: revenue in the last complete quarter (ARPU per quarter), yuan
 * - paymentsQuarter: payments received in the last complete quarter, yuan
 * - referrals: customers referred, all time (转介绍, CBK-14)
 * - tenureYears: whole years since the customer joined
 * - tag: the customer carries a tag (福利单位, 知名品牌…)
 */
export const CLASS_MEASURES = ['revenueQuarter', 'paymentsQuarter', 'referrals', 'tenureYears', 'tag'] as const;
export type ClassMeasure = (typeof CLASS_MEASURES)[number];
export const NUMERIC_OPS = ['>=', '>', '<=', '<', '='] as const;

const classKey = z.string().trim().regex(/^[A-Za-z0-9_-]{1,8}$/, 'a short key: letters, digits, - or _');
const numericCondition = z.object({
  measure: z.enum(['revenueQuarter', 'paymentsQuarter', 'referrals', 'tenureYears']),
  op: z.enum(NUMERIC_OPS),
  value: z.number().min(0).max(1e12),
}).strict();
const tagCondition = z.object({ measure: z.literal('tag'), op: z.literal('has'), value: z.string().trim().min(1).max(32) }).strict();
export const classCondition = z.discriminatedUnion('measure', [
  numericCondition.extend({ measure: z.literal('revenueQuarter') }),
  numericCondition.extend({ measure: z.literal('paymentsQuarter') }),
  numericCondition.extend({ measure: z.literal('referrals') }),
  numericCondition.extend({ measure: z.literal('tenureYears') }),
  tagCondition,
]);
export type ClassCondition = z.infer<typeof classCondition>;

export const classDefinition = z.object({
  key: classKey,
  name: z.string().trim().min(1).max(40),
  /** any: one condition is enough (the catalogue's reading of CUS-06); all: every condition */
  combine: z.enum(['any', 'all']),
  conditions: z.array(classCondition).min(1).max(20),
  /** how the class is served (专属客服, discount floor…); empty is allowed but flagged */
  treatment: z.string().trim().max(500).default(''),
}).strict();
export type ClassDefinition = z.infer<typeof classDefinition>;

export const classRulesBody = z.object({
  /** highest first: a customer gets the first class whose conditions hold */
  classes: z.array(classDefinition).min(1).max(10),
  /** everyone else (C类: all other customers) */
  fallback: z.object({ key: classKey, name: z.string().trim().min(1).max(40), treatment: z.string().trim().max(500).default('') }).strict(),
}).strict();
export type ClassRulesBody = z.infer<typeof classRulesBody>;

export const classRules = classRulesBody.extend({
  version: z.number().int(),
  updatedAt: isoDate.nullable(),
  updatedByName: z.string().nullable(),
});
export type ClassRules = z.infer<typeof classRules>;

/** The catalogue's classes (CUS-06, CUS-07, CUS-08): any one criterion is enough. */
export const DEFAULT_CLASS_RULES: ClassRulesBody = {
  classes: [
    {
      key: 'A', name: 'A类客户', combine: 'any', treatment: '专属客服处理问题;折扣逐案确定,公司净利润不低于5%',
      conditions: [
        { measure: 'revenueQuarter', op: '>=', value: 5000 },
        { measure: 'paymentsQuarter', op: '>=', value: 20000 },
        { measure: 'tag', op: 'has', value: '知名品牌' },
        { measure: 'tag', op: 'has', value: '人大代表' },
        { measure: 'referrals', op: '>=', value: 3 },
        { measure: 'tenureYears', op: '>=', value: 3 },
      ],
    },
    {
      key: 'B', name: 'B类客户', combine: 'any', treatment: '',
      conditions: [
        { measure: 'revenueQuarter', op: '>=', value: 3000 },
        { measure: 'paymentsQuarter', op: '>=', value: 10000 },
        { measure: 'referrals', op: '>=', value: 1 },
        { measure: 'tenureYears', op: '>=', value: 2 },
        { measure: 'tag', op: 'has', value: '福利单位' },
        { measure: 'tag', op: 'has', value: '少数民族企业' },
      ],
    },
  ],
  fallback: { key: 'C', name: 'C类客户', treatment: '' },
};

/** Why a customer is in a class: the conditions that held, with the customer's figures, or the override. */
export const classReason = z.object({
  matched: z.array(z.object({ measure: z.enum(CLASS_MEASURES), op: z.string(), value: z.union([z.number(), z.string()]), actual: z.union([z.number(), z.string()]).nullable() })),
  override: z.object({ reason: z.string(), until: isoDate.nullable() }).nullable(),
  quarter: z.string(),
});
export type ClassReason = z.infer<typeof classReason>;

export const classMove = z.object({
  customerId: id,
  customerName: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  reason: classReason,
});
export type ClassMove = z.infer<typeof classMove>;

export const recomputeBody = z.object({
  apply: z.boolean(),
  /** preview: how many moves to list (the counts cover all of them) */
  limit: z.number().int().min(1).max(1000).default(200),
}).strict();

export const recomputePreview = z.object({
  quarter: z.string(),
  rulesVersion: z.number().int(),
  customers: z.number().int(),
  total: z.number().int(),
  /** how many move from which class to which */
  flows: z.array(z.object({ from: z.string().nullable(), to: z.string(), count: z.number().int() })),
  moves: z.array(classMove),
});
export type RecomputePreview = z.infer<typeof recomputePreview>;

export const RECOMPUTE_STATUSES = ['running', 'done', 'failed'] as const;
export const recomputeRun = z.object({
  id,
  status: z.enum(RECOMPUTE_STATUSES),
  quarter: z.string(),
  rulesVersion: z.number().int(),
  /** customers to look at, and looked at so far (the progress bar) */
  total: z.number().int(),
  done: z.number().int(),
  moved: z.number().int(),
  startedByName: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
});
export type RecomputeRun = z.infer<typeof recomputeRun>;

export const classOverrideBody = z.object({
  /** null lifts the override: the rules decide again at the next recompute */
  classKey: classKey.nullable(),
  reason: z.string().trim().min(2).max(200).optional(),
  /** until this day (inclusive); none: until lifted */
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
}).strict();

export const classChange = z.object({
  id,
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: z.enum(['recompute', 'override', 'override_lifted', 'override_expired']),
  reason: classReason.nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: isoDate,
});
export type ClassChange = z.infer<typeof classChange>;

/** The customer's figures the rules look at, per quarter (from orders and payments, or imported). */
export const customerMeasuresBody = z.object({
  rows: z.array(z.object({
    customerId: id,
    quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'a quarter such as 2026Q3'),
    revenue: z.number().min(0).max(1e12).optional(),
    payments: z.number().min(0).max(1e12).optional(),
    referrals: z.number().int().min(0).max(100000).optional(),
  }).strict()).min(1).max(5000),
}).strict();
