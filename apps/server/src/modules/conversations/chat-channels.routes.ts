import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { errorBody, id } from '@kefu/shared/api';
import { chatChannel, chatChannelBody, chatChannelPatch, chatChannelSettings, type ChatChannel } from '@kefu/shared/conversations-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { chatChannels } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { orgDirectory, type OrgDirectory } from '../org/org.queries.ts';
import { channelSettings } from './conversations.commands.ts';

const manage = { permission: 'conversation:manage' as const };
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

function present(row: typeof chatChannels.$inferSelect, dir: OrgDirectory): ChatChannel {
  return {
    id: row.id, key: row.key, name: row.name, kind: row.kind as ChatChannel['kind'], teamId: row.teamId,
    teamName: row.teamId ? dir.teams.get(row.teamId)?.name ?? null : null, settings: channelSettings(row.settings), active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Written channels (接入渠道): the widget's settings, the team whose queue gets them, the auto-reply. */
export function chatChannelRoutes(app: App, { db }: Deps): void {
  const teamMustExist = (dir: OrgDirectory, teamId: string | null | undefined) => {
    if (teamId && !dir.teams.has(teamId)) throw new AppError('REFERENCE_NOT_FOUND', { what: 'team', id: teamId });
  };

  app.get('/api/v1/chat-channels', {
    config: { permission: 'conversation:work' },
    schema: { tags: ['conversations'], summary: 'Chat widgets, web forms and lead forms', response: { 200: z.object({ items: z.array(chatChannel) }) } },
  }, async () => {
    const dir = await orgDirectory(db, db);
    return { items: (await db.select().from(chatChannels).orderBy(asc(chatChannels.createdAt))).map((r) => present(r, dir)) };
  });

  app.post('/api/v1/chat-channels', {
    config: manage,
    schema: { tags: ['conversations'], summary: 'Add a channel; its key goes in the widget snippet (data-channel)', body: chatChannelBody, response: { 201: chatChannel, ...errors } },
  }, async (req, reply) => {
    const dir = await orgDirectory(db, db);
    teamMustExist(dir, req.body.teamId);
    const [row] = await db.insert(chatChannels).values({
      key: req.body.key, name: req.body.name, kind: req.body.kind, teamId: req.body.teamId ?? null,
      settings: chatChannelSettings.parse(req.body.settings ?? {}), active: req.body.active ?? true,
    }).onConflictDoNothing().returning();
    if (!row) throw new AppError('CONFLICT', { what: 'chatChannel' });
    return reply.status(201).send(present(row, dir));
  });

  app.patch('/api/v1/chat-channels/:id', {
    config: manage,
    schema: { tags: ['conversations'], summary: "Change a channel's name, team, settings or switch it off", params: z.object({ id }), body: chatChannelPatch, response: { 200: chatChannel, ...errors } },
  }, async (req) => {
    const dir = await orgDirectory(db, db);
    teamMustExist(dir, req.body.teamId);
    const [row] = await db.update(chatChannels).set({
      ...(req.body.name !== undefined ? { name: req.body.name } : {}),
      ...(req.body.kind !== undefined ? { kind: req.body.kind } : {}),
      ...(req.body.teamId !== undefined ? { teamId: req.body.teamId } : {}),
      ...(req.body.settings !== undefined ? { settings: chatChannelSettings.parse(req.body.settings) } : {}),
      ...(req.body.active !== undefined ? { active: req.body.active } : {}),
    }).where(eq(chatChannels.id, req.params.id)).returning();
    if (!row) throw notFound('chatChannel');
    return present(row, dir);
  });
}
