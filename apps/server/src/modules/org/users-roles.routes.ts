import { z } from 'zod';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { errorBody, id, role, roleBody, user, userCreateBody, userUpdateBody } from '@kefu/shared/api';
import { PERMISSIONS } from '@kefu/shared/permissions';
import type { App, Deps } from '../../platform/http/types.ts';
import { roles, sessions, userRoles, users } from '../../db/schema/index.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { clearPrincipalCache } from '../../platform/auth/sessions.ts';
import type { Db, Tx } from '../../db/client.ts';
import { mustExist } from './org.queries.ts';
import { iso } from './presenters.ts';
import { invalidateOrgDirectory } from './org.queries.ts';

const idParams = z.object({ id });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

function isUniqueViolation(e: unknown): boolean {
  const c = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return c === '23505';
}

async function presentUsers(db: Db, rows: (typeof users.$inferSelect)[]) {
  const links = rows.length
    ? await db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((r) => r.id)))
    : [];
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    jobNumber: u.jobNumber,
    email: u.email,
    mobile: u.mobile,
    departmentId: u.departmentId,
    teamId: u.teamId,
    roleIds: links.filter((l) => l.userId === u.id).map((l) => l.roleId),
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  }));
}

async function checkRefs(db: Db, body: { departmentId?: string | null; teamId?: string | null; roleIds?: string[] }) {
  if (body.departmentId) await mustExist(db, 'department', body.departmentId);
  if (body.teamId) await mustExist(db, 'team', body.teamId);
  if (body.roleIds?.length) {
    const found = await db.select({ id: roles.id }).from(roles).where(inArray(roles.id, body.roleIds));
    const missing = body.roleIds.find((r) => !found.some((f) => f.id === r));
    if (missing) throw new AppError('REFERENCE_NOT_FOUND', { what: 'role', id: missing });
  }
}

async function setRoles(tx: Tx, userId: string, roleIds: string[]) {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleIds.length) await tx.insert(userRoles).values([...new Set(roleIds)].map((roleId) => ({ userId, roleId })));
}

export function userRoleRoutes(app: App, { db }: Deps): void {
  const admin = { permission: 'org:manage' as const };

  app.get('/api/v1/permissions', {
    config: admin,
    schema: { tags: ['org'], summary: 'Every permission string a role can hold', response: { 200: z.object({ items: z.array(z.string()) }) } },
  }, async () => ({ items: [...PERMISSIONS] }));

  app.get('/api/v1/users', {
    config: admin,
    schema: { tags: ['org'], summary: 'List users', response: { 200: list(user) } },
  }, async () => ({ items: await presentUsers(db, await db.select().from(users).orderBy(asc(users.createdAt))) }));

  app.post('/api/v1/users', {
    config: admin,
    schema: { tags: ['org'], summary: 'Create a user', body: userCreateBody, response: { 201: user, 409: errorBody, 422: errorBody } },
  }, async (req, reply) => {
    const b = req.body;
    await checkRefs(db, b);
    const passwordHash = await hashPassword(b.password);
    try {
      const row = await db.transaction(async (tx) => {
        const [u] = await tx.insert(users).values({
          username: b.username, displayName: b.displayName, passwordHash, jobNumber: b.jobNumber ?? null,
          email: b.email ?? null, mobile: b.mobile ?? null,
          departmentId: b.departmentId ?? null, teamId: b.teamId ?? null,
        }).returning();
        await setRoles(tx, u.id, b.roleIds);
        return u;
      });
      invalidateOrgDirectory();
      const [out] = await presentUsers(db, [row]);
      return reply.status(201).send(out);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', { what: 'username' });
      throw e;
    }
  });

  app.patch('/api/v1/users/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Update a user', params: idParams, body: userUpdateBody, response: { 200: user, 404: errorBody, 422: errorBody } },
  }, async (req) => {
    const { roleIds, password, ...rest } = req.body;
    const actor = principalOf(req);
    await checkRefs(db, req.body);
    if (req.params.id === actor.userId) await refuseSelfLockout(db, { active: rest.active, roleIds });
    const patch: Partial<typeof users.$inferInsert> = { ...rest };
    if (password) patch.passwordHash = await hashPassword(password);
    const row = await db.transaction(async (tx) => {
      const [u] = Object.keys(patch).length
        ? await tx.update(users).set(patch).where(eq(users.id, req.params.id)).returning()
        : await tx.select().from(users).where(eq(users.id, req.params.id));
      if (!u) throw notFound('user');
      if (roleIds) await setRoles(tx, u.id, roleIds);
      // a new password or a deactivation ends the user's other sessions
      if (password || rest.active === false) {
        await tx.delete(sessions).where(and(eq(sessions.userId, u.id), ne(sessions.id, actor.sessionId)));
      }
      return u;
    });
    clearPrincipalCache();
    invalidateOrgDirectory();
    const [out] = await presentUsers(db, [row]);
    return out;
  });

  app.get('/api/v1/roles', {
    config: admin,
    schema: { tags: ['org'], summary: 'List roles', response: { 200: list(role) } },
  }, async () => ({ items: (await db.select().from(roles).orderBy(asc(roles.createdAt))).map(presentRole) }));

  app.post('/api/v1/roles', {
    config: admin,
    schema: { tags: ['org'], summary: 'Create a role', body: roleBody, response: { 201: role, 409: errorBody } },
  }, async (req, reply) => {
    try {
      const [row] = await db.insert(roles).values({
        name: req.body.name, description: req.body.description ?? null,
        permissions: [...new Set(req.body.permissions)], dataScope: req.body.dataScope,
      }).returning();
      return reply.status(201).send(presentRole(row));
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', { what: 'roleName' });
      throw e;
    }
  });

  app.patch('/api/v1/roles/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Update a role', params: idParams, body: roleBody.partial(), response: { 200: role, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const patch = { ...req.body, permissions: req.body.permissions ? [...new Set(req.body.permissions)] : undefined };
    const actor = principalOf(req);
    if (patch.permissions && !patch.permissions.includes('org:manage') && actor.roles.some((r) => r.id === req.params.id)) {
      await refuseSelfLockout(db, { roleIds: actor.roles.map((r) => r.id), withoutOrgManageIn: req.params.id });
    }
    try {
      const [row] = Object.values(patch).some((v) => v !== undefined)
        ? await db.update(roles).set(patch).where(eq(roles.id, req.params.id)).returning()
        : await db.select().from(roles).where(eq(roles.id, req.params.id));
      if (!row) throw notFound('role');
      clearPrincipalCache();
      return presentRole(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', { what: 'roleName' });
      throw e;
    }
  });

  app.delete('/api/v1/roles/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Delete a role no user holds', params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const [holder] = await db.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.roleId, req.params.id)).limit(1);
    if (holder) throw new AppError('IN_USE', { what: 'role' });
    const rows = await db.delete(roles).where(eq(roles.id, req.params.id)).returning({ id: roles.id });
    if (!rows.length) throw notFound('role');
    clearPrincipalCache();
    return reply.status(204).send(null);
  });
}

/**
 * An administrator may not switch themselves off: deactivating their own
 * account or leaving themselves without org:manage would lock the organisation.
 */
async function refuseSelfLockout(db: Db, next: { active?: boolean; roleIds?: string[]; withoutOrgManageIn?: string }) {
  if (next.active === false) throw new AppError('SELF_LOCKOUT');
  if (!next.roleIds) return;
  const held = next.roleIds.length
    ? await db.select({ id: roles.id, permissions: roles.permissions }).from(roles).where(inArray(roles.id, next.roleIds))
    : [];
  const keeps = held.some((r) => r.id !== next.withoutOrgManageIn && r.permissions.includes('org:manage'));
  if (!keeps) throw new AppError('SELF_LOCKOUT');
}

function presentRole(r: typeof roles.$inferSelect) {
  return iso({
    id: r.id, name: r.name, description: r.description,
    permissions: r.permissions as (typeof PERMISSIONS)[number][],
    dataScope: r.dataScope as 'own' | 'team' | 'department' | 'all',
    createdAt: r.createdAt,
  });
}
