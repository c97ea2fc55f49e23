import { z } from 'zod';
import type { App, Deps } from '../../platform/http/types.ts';
import { runContactPlan } from './contact-plan.ts';

/** The contact plan on demand (it also runs each morning): the supervisor need not wait for tomorrow after changing the cadence. */
export function contactPlanRoutes(app: App, { db, clock }: Deps): void {
  app.post('/api/v1/callbacks/contact-plan/run', {
    config: { permission: 'callback:manage' },
    schema: {
      tags: ['callbacks'],
      summary: 'Make the contact plan\'s due callbacks now (each owned customer of a class with a cadence, for the owner); answers how many were made',
      response: { 200: z.object({ created: z.number().int() }) },
    },
  }, async () => ({ created: await db.transaction((tx) => runContactPlan(tx, clock.now())) }));
}
