import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { widestScope, type DataScope, type Permission } from '@kefu/shared/permissions';
import type { Db } from '../../db/client.ts';
import { roles, sessions, userRoles, users } from '../../db/schema/index.ts';
import { broadcast, onBroadcast } from '../cluster/bus.ts';
import type { Principal } from './principal.ts';

// Sessions are rows keyed by the sha256 of a random token. The same token
// works as the httpOnly cookie of the console and as a Bearer token for API
// clients. A short in-process cache spares a query per request; it never
// outlives CACHE_MS, so a logout on another instance takes effect quickly.

const CACHE_MS = 5_000;
const cache = new Map<string, { principal: Principal; until: number }>();

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: string, days: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  return token;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  const h = hashToken(token);
  cache.delete(h);
  await db.delete(sessions).where(eq(sessions.tokenHash, h));
  broadcast('sessions.forget', { tokenHash: h });
}

export function forgetSessionsOf(userId: string): void {
  forgetLocally({ userId });
  broadcast('sessions.forget', { userId });
}

// other processes' logouts and permission changes apply here at once, not after CACHE_MS
function forgetLocally(p: { tokenHash?: string; userId?: string; all?: boolean }): void {
  if (p.all) cache.clear();
  if (p.tokenHash) cache.delete(p.tokenHash);
  if (p.userId) for (const [k, v] of cache) if (v.principal.userId === p.userId) cache.delete(k);
}
onBroadcast('sessions.forget', forgetLocally);

export async function loadPrincipal(db: Db, userId: string, sessionId: string): Promise<Principal | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u || !u.active) return null;
  const rs = await db
    .select({ id: roles.id, name: roles.name, permissions: roles.permissions, dataScope: roles.dataScope })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId));
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    jobNumber: u.jobNumber,
    teamId: u.teamId,
    departmentId: u.departmentId,
    locale: u.locale === 'en-US' ? 'en-US' : 'zh-CN',
    roles: rs.map((r) => ({ id: r.id, name: r.name })),
    permissions: new Set(rs.flatMap((r) => r.permissions as Permission[])),
    dataScope: widestScope(rs.map((r) => r.dataScope as DataScope)),
    sessionId,
  };
}

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const h = hashToken(token);
  const now = Date.now();
  const hit = cache.get(h);
  if (hit && hit.until > now) return hit.principal;
  const [s] = await db
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, h), gt(sessions.expiresAt, new Date())));
  if (!s) {
    cache.delete(h);
    return null;
  }
  const principal = await loadPrincipal(db, s.userId, s.id);
  if (principal) cache.set(h, { principal, until: now + CACHE_MS });
  return principal;
}

/** Used after an admin changes roles or users so permissions apply at once here. */
export function clearPrincipalCache(): void {
  cache.clear();
  broadcast('sessions.forget', { all: true });
}

