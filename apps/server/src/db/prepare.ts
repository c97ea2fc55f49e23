import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { migrateDatabase, type Database } from './client.ts';
import { users } from './schema/index.ts';
import { ensureDefaultForms } from '../modules/forms/forms.queries.ts';
import { seedDemoOrg } from './seed/demo-org.ts';
import { seedDemoData } from './seed/demo-data.ts';
import { seedDemoChannels } from './seed/demo-channels.ts';
import { seedDemoKnowledge } from './seed/demo-knowledge.ts';
import { seedFirstAdmin } from './seed/demo-org.ts';
import { installTemplate } from '../modules/routing/install-template.ts';
import { ensureDefaultCalendars } from '../platform/time/calendars.ts';
import { installDefaultCallbacks } from '../modules/callbacks/default-callbacks.ts';
import { ensureDefaultRenewalKinds } from '../modules/renewals/renewal-kinds.ts';
import { seedDemoRenewals } from './seed/demo-renewals.ts';
import { seedDemoArchive } from './seed/demo-archive.ts';
import { seedDemoOrders } from './seed/demo-orders.ts';

export interface PrepareResult {
  seeded: 'demo' | 'admin' | null;
  adminPassword?: string;
}

/** Migrations, default forms, and on an empty database the demo (or a first admin). */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'seedDemo' | 'KEFU_TIMEZONE'>,
  opts: { sampleData?: boolean; adminPassword?: string } = {},
): Promise<PrepareResult> {
  await migrateDatabase(database);
  // the planner needs statistics; embedded PGlite never gathers them by itself
  await database.db.execute(sql`analyze`);
  await ensureDefaultForms(database.db);
  await ensureDefaultCalendars(database.db);
  await ensureDefaultRenewalKinds(database.db);
  const [anyone] = await database.db.select({ id: users.id }).from(users).limit(1);
  if (anyone) return { seeded: null };
  if (config.seedDemo) {
    await seedDemoOrg(database.db);
    await seedDemoChannels(database.db);
    await installTemplate(database.db, 'dairy_hotline', null, { bindDemoHolders: true });
    await installDefaultCallbacks(database.db);
    await seedDemoKnowledge(database.db);
    if (opts.sampleData !== false) await seedDemoData(database.db, config.KEFU_TIMEZONE);
    await seedDemoRenewals(database.db, { sampleData: opts.sampleData !== false, timeZone: config.KEFU_TIMEZONE });
    if (opts.sampleData !== false) {
      await seedDemoArchive(database.db);
      await seedDemoOrders(database.db, config.KEFU_TIMEZONE);
    }
    return { seeded: 'demo' };
  }
  const adminPassword = opts.adminPassword ?? randomBytes(9).toString('base64url');
  await seedFirstAdmin(database.db, adminPassword);
  await installDefaultCallbacks(database.db);
  return { seeded: 'admin', adminPassword };
}
