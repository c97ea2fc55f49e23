import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { systemSecrets } from '../db/schema/index.ts';

// Secrets made once per installation and shared by every instance through the
// database (system_secrets): whoever asks first creates it, everyone reads the
// same row afterwards. Kept in memory per database.

const cache = new WeakMap<object, Map<string, Buffer>>();

export async function installationSecret(db: Tx, name: string): Promise<Buffer> {
  const known = cache.get(db) ?? new Map<string, Buffer>();
  cache.set(db, known);
  const hit = known.get(name);
  if (hit) return hit;
  await db.insert(systemSecrets).values({ name, value: randomBytes(32).toString('base64') }).onConflictDoNothing();
  const [row] = await db.select().from(systemSecrets).where(eq(systemSecrets.name, name));
  const key = Buffer.from(row.value, 'base64');
  known.set(name, key);
  return key;
}
