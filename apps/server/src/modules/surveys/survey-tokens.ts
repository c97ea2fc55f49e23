import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { systemSecrets } from '../../db/schema/index.ts';

// Survey links: <invitation id>.<HMAC of it>. The signature makes ids
// unguessable and unforgeable; the invitation row says whether the link is
// used or expired. Only a hash of the token is stored. The secret is made
// once per installation and shared by every instance through the database.

const cache = new WeakMap<object, Buffer>();

export async function surveySecret(tx: Tx, cacheKey: object): Promise<Buffer> {
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  await tx.insert(systemSecrets).values({ name: 'survey_links', value: randomBytes(32).toString('base64') }).onConflictDoNothing();
  const [row] = await tx.select().from(systemSecrets).where(eq(systemSecrets.name, 'survey_links'));
  const key = Buffer.from(row.value, 'base64');
  cache.set(cacheKey, key);
  return key;
}

function sign(secret: Buffer, id: string): string {
  return createHmac('sha256', secret).update(`survey:${id}`).digest('base64url').slice(0, 32);
}

export function tokenFor(secret: Buffer, invitationId: string): string {
  return `${invitationId}.${sign(secret, invitationId)}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The invitation id a token names, or null when it is malformed or its signature is wrong. */
export function verifyToken(secret: Buffer, token: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(secret, m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}
