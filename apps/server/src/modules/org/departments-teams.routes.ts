import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { department, departmentBody, directory, errorBody, id, team, teamBody } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import type { Tx } from '../../db/client.ts';
import { departments, teams, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { iso } from './presenters.ts';
import { invalidateOrgDirectory, mustExist } from './org.queries.ts';

const idParams = z.object({ id });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Postgres foreign-key violation: the row is still referenced. */
function isFkViolation(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23503';
}

export function departmentTeamRoutes(app: App, { db }: Deps): void {
  const admin = { permission: 'org:manage' as const };

  app.get('/api/v1/departments', {
    config: admin,
    schema: { tags: ['org'], summary: 'List departments', response: { 200: list(department) } },
  }, async () => ({ items: (await db.select().from(departments).orderBy(asc(departments.createdAt))).map(iso) }));

  app.post('/api/v1/departments', {
    config: admin,
    schema: { tags: ['org'], summary: 'Create a department', body: departmentBody, response: { 201: department, 422: errorBody } },
  }, async (req, reply) => {
    if (req.body.parentId) await mustExist(db, 'department', req.body.parentId);
    const [row] = await db.insert(departments).values({ name: req.body.name, parentId: req.body.parentId ?? null }).returning();
    return reply.status(201).send(iso(row));
  });

  app.patch('/api/v1/departments/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Change a department', params: idParams, body: departmentBody.partial(), response: { 200: department, 404: errorBody } },
  }, async (req) => {
    if (req.body.parentId) {
      await mustExist(db, 'department', req.body.parentId);
      await refuseCycle(db, req.params.id, req.body.parentId);
    }
    const [row] = Object.keys(req.body).length
      ? await db.update(departments).set(req.body).where(eq(departments.id, req.params.id)).returning()
      : await db.select().from(departments).where(eq(departments.id, req.params.id));
    if (!row) throw notFound('department');
    return iso(row);
  });

  app.delete('/api/v1/departments/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Delete a department (refused while something still belongs to it)', params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    try {
      const rows = await db.delete(departments).where(eq(departments.id, req.params.id)).returning({ id: departments.id });
      if (!rows.length) throw notFound('department');
    } catch (e) {
      if (isFkViolation(e)) throw new AppError('IN_USE', { what: 'department' });
      throw e;
    }
    return reply.status(204).send(null);
  });

  app.get('/api/v1/teams', {
    config: admin,
    schema: { tags: ['org'], summary: 'List teams', response: { 200: list(team) } },
  }, async () => ({ items: (await db.select().from(teams).orderBy(asc(teams.createdAt))).map(iso) }));

  app.post('/api/v1/teams', {
    config: admin,
    schema: { tags: ['org'], summary: 'Create a team', body: teamBody, response: { 201: team, 422: errorBody } },
  }, async (req, reply) => {
    if (req.body.departmentId) await mustExist(db, 'department', req.body.departmentId);
    if (req.body.leadId) await mustExist(db, 'user', req.body.leadId);
    const [row] = await db.insert(teams).values({
      name: req.body.name, departmentId: req.body.departmentId ?? null, leadId: req.body.leadId ?? null,
    }).returning();
    invalidateOrgDirectory();
    return reply.status(201).send(iso(row));
  });

  app.patch('/api/v1/teams/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Change a team', params: idParams, body: teamBody.partial(), response: { 200: team, 404: errorBody } },
  }, async (req) => {
    if (req.body.departmentId) await mustExist(db, 'department', req.body.departmentId);
    if (req.body.leadId) await mustExist(db, 'user', req.body.leadId);
    const [row] = Object.keys(req.body).length
      ? await db.update(teams).set(req.body).where(eq(teams.id, req.params.id)).returning()
      : await db.select().from(teams).where(eq(teams.id, req.params.id));
    if (!row) throw notFound('team');
    invalidateOrgDirectory();
    return iso(row);
  });

  app.delete('/api/v1/teams/:id', {
    config: admin,
    schema: { tags: ['org'], summary: 'Delete a team (refused while something still belongs to it)', params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    try {
      const rows = await db.delete(teams).where(eq(teams.id, req.params.id)).returning({ id: teams.id });
      if (!rows.length) throw notFound('team');
      invalidateOrgDirectory();
    } catch (e) {
      if (isFkViolation(e)) throw new AppError('IN_USE', { what: 'team' });
      throw e;
    }
    return reply.status(204).send(null);
  });

  app.get('/api/v1/directory', {
    schema: { tags: ['org'], summary: 'People, teams and departments for pickers (no personal data)', response: { 200: directory } },
  }, async () => {
    const [us, ts, ds] = await Promise.all([
      db.select({ id: users.id, displayName: users.displayName, jobNumber: users.jobNumber, teamId: users.teamId, departmentId: users.departmentId })
        .from(users).where(eq(users.active, true)).orderBy(asc(users.displayName)),
      db.select({ id: teams.id, name: teams.name, departmentId: teams.departmentId }).from(teams).orderBy(asc(teams.name)),
      db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name)),
    ]);
    return { users: us, teams: ts, departments: ds };
  });
}

/** A department cannot move under itself or under one of its own sub-departments. */
async function refuseCycle(db: Tx, departmentId: string, parentId: string): Promise<void> {
  const all = await db.select({ id: departments.id, parentId: departments.parentId }).from(departments);
  const parentOf = new Map(all.map((d) => [d.id, d.parentId]));
  for (let at: string | null | undefined = parentId, hops = 0; at && hops <= all.length; at = parentOf.get(at), hops++) {
    if (at === departmentId) throw new AppError('DEPARTMENT_CYCLE');
  }
}
