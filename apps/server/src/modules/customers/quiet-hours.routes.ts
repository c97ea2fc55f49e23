import { z } from 'zod';
import { asc, eq, sql } from 'drizzle-orm';
import { errorBody } from '@kefu/shared/api';
import { quietHoursBody } from '@kefu/shared/callbacks';
import { quietHourRules } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { App, Deps } from '../../platform/http/types.ts';
import { quietHoursList } from '../../platform/time/quiet-hours.ts';

const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const work = { permission: 'callback:work' as const };
const manage = { permission: 'callback:manage' as const };

/** Customers' rest windows (一个避免) per customer class: nobody is called or sent a survey inside them. */
export function quietHoursRoutes(app: App, { db }: Deps): void {
  app.get('/api/v1/quiet-hours', {
    config: work,
    schema: { tags: ['callbacks'], summary: 'Customers\' rest windows per customer class (the row without a class is the default)',
      response: { 200: z.object({ items: z.array(z.object({ customerClass: z.string().nullable(), windows: z.array(z.object({ start: z.string(), end: z.string() })) })) }) } },
  }, async () => ({ items: (await db.select().from(quietHourRules).orderBy(asc(quietHourRules.customerClass))).map((r) => ({ customerClass: r.customerClass, windows: r.windows as { start: string; end: string }[] })) }));

  app.put('/api/v1/quiet-hours', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Set the rest windows of a customer class (empty: no quiet hours for it)', body: quietHoursBody,
      response: { 200: z.object({ customerClass: z.string().nullable(), windows: z.array(z.object({ start: z.string(), end: z.string() })) }), ...errors } },
  }, async (req) => {
    const parsed = quietHoursList.safeParse(req.body.windows);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { summary: parsed.error.issues.map((i) => i.message).join('; ') });
    await db.transaction(async (tx) => {
      await tx.delete(quietHourRules).where(req.body.customerClass === null ? sql`customer_class is null` : eq(quietHourRules.customerClass, req.body.customerClass));
      await tx.insert(quietHourRules).values({ customerClass: req.body.customerClass, windows: parsed.data });
    });
    return { customerClass: req.body.customerClass, windows: parsed.data };
  });

  app.delete('/api/v1/quiet-hours/:customerClass', {
    config: manage,
    schema: { tags: ['callbacks'], summary: 'Remove a customer class\'s own rest windows: it follows the default again',
      params: z.object({ customerClass: z.string().trim().min(1).max(20) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const rows = await db.delete(quietHourRules).where(eq(quietHourRules.customerClass, req.params.customerClass)).returning({ id: quietHourRules.id });
    if (!rows.length) throw notFound('quietHours');
    return reply.status(204).send(null);
  });
}
