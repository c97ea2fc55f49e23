import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { businessCalendars, dispatchCutoffs, rules, slaPolicies, users } from '../../db/schema/index.ts';
import { scheduleCutoff } from '../sla/dispatch-cutoff.ts';
import { AppError } from '../../platform/errors.ts';
import { currentForms, saveFormVersion } from '../forms/forms.repository.ts';
import { upsertPosition } from './positions.repository.ts';
import { ensureDefaultCalendars } from '../sla/calendars.repository.ts';
import { createRule } from './save-rule.ts';
import { clearRuleCache } from './rules.repository.ts';
import { dairyHotlineTemplate } from './templates/dairy-hotline.ts';
import { propertyTemplate } from './templates/property.ts';
import { networkCompanyTemplate } from './templates/network-company.ts';
import type { IndustryTemplate } from './templates/template.ts';

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
  await ensureDefaultCalendars(db);
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
    await tx.delete(slaPolicies).where(eq(slaPolicies.template, key));
    const calendars = await tx.select().from(businessCalendars);
    const alwaysOpen = calendars.find((c) => (c.spec as { alwaysOpen?: boolean }).alwaysOpen);
    let position = 10;
    for (const p of template.slaPolicies) {
      const { calendar, ...body } = p;
      await tx.insert(slaPolicies).values({
        name: body.name, enabled: body.enabled, position, conditions: body.conditions, targets: body.targets,
        calendarId: calendar === 'always_open' ? alwaysOpen?.id ?? null : null, template: key,
      });
      position += 10;
    }
    await tx.delete(dispatchCutoffs).where(eq(dispatchCutoffs.template, key));
    for (const c of template.cutoffs ?? []) {
      const [row] = await tx.insert(dispatchCutoffs).values({ name: c.name, ticketType: c.ticketType, at: c.at, alert: c.alert, template: key }).returning();
      await scheduleCutoff(tx, row);
    }
  });
  for (const r of template.rules) await createRule(db, r, actorId, key);
  clearRuleCache(db);
  return { rules: template.rules.length, positions: template.positions.length };
}
