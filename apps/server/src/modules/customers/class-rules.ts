import { desc, eq } from 'drizzle-orm';
import { DEFAULT_CLASS_RULES, type ClassRules, type ClassRulesBody } from '@kefu/shared/customer-classes-api';
import type { Db, Tx } from '../../db/client.ts';
import { customerClassRules, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

/** The class rules in force: the newest saved version, or the catalogue's (version 0) until someone saves. */
export async function currentClassRules(db: Tx): Promise<ClassRules> {
  const [row] = await db.select({ version: customerClassRules.version, rules: customerClassRules.rules, at: customerClassRules.createdAt, by: users.displayName })
    .from(customerClassRules).leftJoin(users, eq(users.id, customerClassRules.createdById))
    .orderBy(desc(customerClassRules.version)).limit(1);
  if (!row) return { ...DEFAULT_CLASS_RULES, version: 0, updatedAt: null, updatedByName: null };
  return { ...(row.rules as ClassRulesBody), version: row.version, updatedAt: row.at.toISOString(), updatedByName: row.by };
}

/**
 * Saves the rules as a new version (the old ones stay: a class change in a
 * customer's history names the version it came from). Keys must differ,
 * including the fallback's.
 */
export async function saveClassRules(db: Db, actorId: string, body: ClassRulesBody): Promise<ClassRules> {
  const keys = [...body.classes.map((c) => c.key), body.fallback.key];
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw new AppError('CLASS_KEY_TWICE', { key: twice });
  return db.transaction(async (tx) => {
    const current = await currentClassRules(tx);
    // two saves at once: the second fails on the primary key instead of overwriting
    await tx.insert(customerClassRules).values({ version: current.version + 1, rules: body, createdById: actorId });
    return currentClassRules(tx);
  });
}

/** The class keys in rank order (highest first), the fallback last. */
export function classKeys(rules: ClassRulesBody): string[] {
  return [...rules.classes.map((c) => c.key), rules.fallback.key];
}
