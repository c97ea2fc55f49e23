import { z } from 'zod';
import { calendarOut } from '@kefu/shared/sla-api';
import { errorBody, id, isoDate } from '@kefu/shared/api';
import type { App, Deps } from '../http/types.ts';
import { listCalendars, saveCalendar, type CalendarRow } from './calendars.ts';

const idParams = z.object({ id });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const calendarBody = z.object({ name: z.string().trim().min(1).max(100), spec: z.unknown(), isDefault: z.boolean().default(false) }).strict();
const present = (c: CalendarRow) => ({ id: c.id, name: c.name, spec: c.spec, isDefault: c.isDefault, updatedAt: c.updatedAt.toISOString() });

/** Business calendars: read by everyone signed in, edited by who manages rules. */
export function calendarRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/calendars', {
    schema: { tags: ['sla'], summary: 'Business calendars (working hours, holidays, make-up workdays)', response: { 200: z.object({ items: z.array(calendarOut) }) } },
  }, async () => ({ items: (await listCalendars(db)).map(present) }));

  app.post('/api/v1/calendars', {
    config: { permission: 'rule:manage' },
    schema: { tags: ['sla'], summary: 'Create a business calendar', body: calendarBody, response: { 201: calendarOut, ...errors } },
  }, async (req, reply) => reply.status(201).send(present(await db.transaction((tx) => saveCalendar(tx, null, req.body)))));

  app.put('/api/v1/calendars/:id', {
    config: { permission: 'rule:manage' },
    schema: { tags: ['sla'], summary: 'Edit a calendar (e.g. enter next year\'s holidays); running clocks keep their deadlines', params: idParams, body: calendarBody, response: { 200: calendarOut, ...errors } },
  }, async (req) => present(await db.transaction((tx) => saveCalendar(tx, req.params.id, req.body))));
}
