import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rules, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { currentForms, saveFormVersion } from '../forms/forms.queries.ts';
import { upsertPosition } from './positions.repository.ts';
import { createRule } from './save-rule.ts';
import { clearRuleCache } from './rules.repository.ts';
import { dairyHotlineTemplate } from './templates/dairy-hotline.ts';
import { propertyTemplate } from './templates/property.ts';
import { networkCompanyTemplate } from './templates/network-company.ts';
import type { IndustryTemplate } from './templates/template.ts';
import { invalidateOrgDirectory } from '../org/org.queries.ts';
import { installTemplateSla } from '../sla/sla.commands.ts';

export const TEMPLATES: IndustryTemplate[] = [dairyHotlineTemplate, propertyTemplate, networkCompanyTemplate];

export function findTemplate(key: string): IndustryTemplate {
  const t = TEMPLATES.find((x) => x.key === key);
  if (!t) throw new AppError('REFERENCE_NOT_FOUND', { what: 'template', id: key });
  return t;
}

/**
 * Loads an industry template: its forms (if missing), its positions (bound to
 * the demo people when asked, otherwise keeping whoever holds them) and its
 * rules, replacing the rules an earlier load of the same template installed.
 * Rules of other origins are kept.
 */
export async function installTemplate(db: Db, key: string, actorId: string | null, opts: { bindDemoHolders?: boolean } = {}): Promise<{ rules: number; positions: number }> {
  const template = findTemplate(key);
  const forms = await currentForms(db);
  for (const f of template.forms) if (!forms.has(f.type)) await saveFormVersion(db, f, actorId);
  await db.transaction(async (tx) => {
    for (const p of template.positions) {
      const holders = opts.bindDemoHolders && p.demoHolders.length
        ? (await tx.select({ id: users.id }).from(users).where(inArray(users.username, p.demoHolders))).map((u) => u.id)
        : [];
      await upsertPosition(tx, p.key, p.name, p.nameEn, holders, { keepHolders: !opts.bindDemoHolders });
    }
    await tx.delete(rules).where(eq(rules.template, key));
    await installTemplateSla(tx, db, key, { policies: template.slaPolicies, cutoffs: template.cutoffs ?? [] });
  });
  for (const r of template.rules) await createRule(db, r, actorId, key);
  clearRuleCache(db);
  invalidateOrgDirectory();
  return { rules: template.rules.length, positions: template.positions.length };
}
