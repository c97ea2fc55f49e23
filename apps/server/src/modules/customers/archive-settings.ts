import { eq } from 'drizzle-orm';
import { archiveSettings, DEFAULT_ARCHIVE_SETTINGS, type ArchiveSettings } from '@kefu/shared/customer-archive-api';
import type { Tx } from '../../db/client.ts';
import { customerArchiveSettings } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { calendarExists } from '../../platform/time/calendars.ts';

/** The archive's working rules: the saved ones, else the catalogue's defaults. */
export async function currentArchiveSettings(tx: Tx): Promise<ArchiveSettings> {
  const [row] = await tx.select().from(customerArchiveSettings).where(eq(customerArchiveSettings.id, 1));
  if (!row) return DEFAULT_ARCHIVE_SETTINGS;
  // saved by an older version: fill what it lacked from the defaults
  return archiveSettings.parse({ ...DEFAULT_ARCHIVE_SETTINGS, ...(row.settings as object) });
}

export async function saveArchiveSettings(tx: Tx, actorId: string, input: ArchiveSettings): Promise<ArchiveSettings> {
  if (input.calendarId && !(await calendarExists(tx, input.calendarId))) throw notFound('calendar');
  const keys = input.contactEvery.map((c) => c.classKey);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw new AppError('CLASS_KEY_TWICE', { key: twice });
  await tx.insert(customerArchiveSettings).values({ id: 1, settings: input, updatedById: actorId })
    .onConflictDoUpdate({ target: customerArchiveSettings.id, set: { settings: input, updatedById: actorId, updatedAt: new Date() } });
  return input;
}
