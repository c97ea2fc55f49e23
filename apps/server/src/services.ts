import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { enqueue } from './platform/jobs/job-queue.ts';
import type { Database, Tx } from './db/client.ts';
import { OutboxDispatcher } from './platform/events/outbox-dispatcher.ts';
import { JobRunner, type RunnerLogger } from './platform/jobs/job-runner.ts';
import { RealtimeHub } from './platform/realtime/hub.ts';
import { createChannels, type Channels } from './modules/notifications/channels/channel-settings.ts';
import { registerDelivery } from './modules/notifications/deliver-notification.ts';
import { registerRouting } from './modules/routing/routing.listener.ts';
import { isTeamWorkingNow } from './modules/routing/business-hours.ts';
import { registerSla } from './modules/sla/sla.listener.ts';
import { ensureCutoffJobs, registerCutoffs } from './modules/sla/dispatch-cutoff.ts';
import { registerCallbacks } from './modules/callbacks/callbacks.listener.ts';
import { inviteAfterResolution, registerSurveySending } from './modules/surveys/send-survey.ts';

/** The background half of Kefu: jobs and timers, the outbox, realtime pushes. */
export interface Services {
  hub: RealtimeHub;
  runner: JobRunner;
  dispatcher: OutboxDispatcher;
  channels: Channels;
  /** starts polling for due jobs, timers and events */
  start(): Promise<void>;
  /** runs every due job and event now, until nothing is left (tests, CLI) */
  drain(): Promise<number>;
  close(): Promise<void>;
}

const ANALYZE_JOB = 'maintenance.analyze';

export interface ServiceLogger extends RunnerLogger {
  info(obj: object, msg: string): void;
}

export function createServices(config: Config, database: Database, log: ServiceLogger): Services {
  const db = database.db;
  const hub = new RealtimeHub();
  const runner = new JobRunner(db, log, config.KEFU_JOB_POLL_MS, database.kind === 'pglite' ? 1 : config.KEFU_JOB_CONCURRENCY);
  const dispatcher = new OutboxDispatcher(log);
  runner.beforeBatch(() => dispatcher.dispatch(db));
  const channels = createChannels(config, log);
  registerDelivery(runner, channels);
  registerRouting(dispatcher, {
    db, runner, hub, timeZone: config.KEFU_TIMEZONE, log,
    isBusinessHours: (tx: Tx, teamId: string | null, at: Date) => isTeamWorkingNow(tx, teamId, at),
  });
  // after routing, so clocks start on the priority and team the rules chose
  registerSla(dispatcher, { runner, hub });
  registerCutoffs({ runner, hub });
  registerCallbacks(dispatcher, {
    runner, hub, timeZone: config.KEFU_TIMEZONE,
    sendSurvey: async (tx, ticketId) => { await inviteAfterResolution(tx, db, ticketId, config.KEFU_TIMEZONE); },
  });
  registerSurveySending(runner, channels, db, config.KEFU_PUBLIC_URL);
  // supervisors' wallboards refetch when background work changed something (at most once a second)
  let lastPush = 0;
  runner.events.on('ran', () => {
    const now = Date.now();
    if (now - lastPush < 1000) return;
    lastPush = now;
    hub.publishToPermission('supervisor:view', { type: 'wallboard.changed' });
  });
  // PGlite has no autovacuum worker: refresh planner statistics every half hour
  if (database.kind === 'pglite') {
    runner.register(ANALYZE_JOB, async (tx) => {
      await tx.execute(sql`analyze`);
      await enqueue(tx, ANALYZE_JOB, {}, { runAt: new Date(Date.now() + 30 * 60_000), dedupeKey: 'maintenance.analyze.next' });
    });
  }
  return {
    hub, runner, dispatcher, channels,
    async start() {
      if (database.kind === 'pglite') {
        await enqueue(db, ANALYZE_JOB, {}, { runAt: new Date(Date.now() + 30 * 60_000), dedupeKey: 'maintenance.analyze.next' });
      }
      await ensureCutoffJobs(db);
      runner.start();
    },
    async drain() {
      let total = 0;
      for (let i = 0; i < 100; i++) {
        const n = (await dispatcher.dispatch(db)) + (await runner.runDue());
        total += n;
        if (!n) break;
      }
      return total;
    },
    async close() {
      await runner.stop();
      channels.email.close();
    },
  };
}
