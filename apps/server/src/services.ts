import { LoginThrottle } from './platform/auth/login-throttle.ts';
import { memoryThrottleStore, redisThrottleStore } from './platform/auth/throttle-store.ts';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { enqueue } from './platform/jobs/job-queue.ts';
import type { Database } from './db/client.ts';
import { EventConsumer } from './platform/events/event-consumer.ts';
import { unitRunner, type RunUnit } from './platform/events/unit-of-work.ts';
import { JobRunner, type RunnerLogger } from './platform/jobs/job-runner.ts';
import { RealtimeHub } from './platform/realtime/hub.ts';
import { BacklogGate } from './platform/events/backlog-gate.ts';
import { attachRelay, broadcast, onBroadcast, type Relay } from './platform/cluster/bus.ts';
import { redisRelay } from './platform/cluster/redis-relay.ts';
import { createChannels, type Channels } from './modules/notifications/channels/channel-settings.ts';
import { registerDelivery } from './modules/notifications/deliver-notification.ts';
import { routingHandler } from './modules/routing/routing.handlers.ts';
import { slaHandler, registerSlaTimers } from './modules/sla/sla.handlers.ts';
import { ensureCutoffJobs, registerCutoffs } from './modules/sla/dispatch-cutoff.ts';
import { callbacksHandler } from './modules/callbacks/schedule-callbacks.ts';
import { registerCallbackTimers } from './modules/callbacks/callback-timers.ts';
import { registerContactPlan } from './modules/callbacks/contact-plan.ts';
import { inviteAfterResolutions } from './modules/surveys/surveys.commands.ts';
import { registerSurveySending } from './modules/surveys/send-survey.ts';

/** The background half of Kefu: the outbox consumer, jobs and timers, realtime pushes. */
export interface Services {
  hub: RealtimeHub;
  runner: JobRunner;
  consumer: EventConsumer;
  channels: Channels;
  /** business changes of requests run in a unit of work */
  unit: RunUnit;
  /** back-pressure for intake: the background's lag */
  intakeGate: BacklogGate;
  /** joins the other processes over Redis when REDIS_URL is set (before serving HTTP) */
  joinCluster(): Promise<void>;
  /** failed sign-ins, shared through Redis when REDIS_URL is set */
  loginThrottle: LoginThrottle;
  /** starts handling events, jobs and timers */
  start(): Promise<void>;
  /** something was just written here: handle it now */
  kick(): void;
  /** handles every waiting event and due job now, until nothing is left (tests, CLI) */
  drain(): Promise<number>;
  close(): Promise<void>;
}

const ANALYZE_JOB = 'maintenance.analyze';

export interface ServiceLogger extends RunnerLogger {
  info(obj: object, msg: string): void;
}

/** The composition root of the background: which module answers which events, in which order. */
export function createServices(config: Config, database: Database, log: ServiceLogger): Services {
  const db = database.db;
  const hub = new RealtimeHub();
  const throttleStore = config.REDIS_URL ? redisThrottleStore(config.REDIS_URL) : memoryThrottleStore();
  const loginThrottle = new LoginThrottle(throttleStore, config.KEFU_LOGIN_RATE_LIMIT);
  const unitOptions = { realtime: hub, timeZone: config.KEFU_TIMEZONE, validateEvents: config.KEFU_CHECK_EVENTS };
  const runner = new JobRunner(db, log, config.KEFU_JOB_POLL_MS, database.kind === 'pglite' ? 1 : config.KEFU_JOB_CONCURRENCY, unitOptions);
  const consumer = new EventConsumer(db, log, {
    // embedded PGlite has one connection: smaller batches keep requests from waiting behind one
    batchSize: database.kind === 'pglite' ? 100 : 500, validateEvents: unitOptions.validateEvents, unit: unitOptions,
  });
  const channels = createChannels(config, log);
  // routing first: SLA clocks start on the priority and team the rules chose, callbacks see the final status
  consumer.on(routingHandler(log));
  consumer.on(slaHandler);
  consumer.on(callbacksHandler({ sendSurvey: inviteAfterResolutions }));
  registerDelivery(runner, channels);
  registerSlaTimers(runner);
  registerCutoffs(runner);
  registerCallbackTimers(runner);
  registerContactPlan(runner, db, config.KEFU_TIMEZONE);
  registerSurveySending(runner, channels, db, config.KEFU_PUBLIC_URL);
  // supervisors' wallboards refetch when background work changed something (at most once a second)
  let lastPush = 0;
  const wallboard = () => {
    const now = Date.now();
    if (now - lastPush < 1000) return;
    lastPush = now;
    hub.publishToPermission('supervisor:view', { type: 'wallboard.changed' });
  };
  runner.events.on('ran', wallboard);
  consumer.events.on('handled', wallboard);
  // PGlite has no autovacuum worker: refresh planner statistics every half hour
  if (database.kind === 'pglite') {
    runner.register(ANALYZE_JOB, async (tx) => {
      await tx.execute(sql`analyze`);
      await enqueue(tx, ANALYZE_JOB, {}, { runAt: new Date(Date.now() + 30 * 60_000), dedupeKey: 'maintenance.analyze.next' });
    });
  }
  let relay: Relay | null = null;
  const leave: (() => void)[] = [];
  // every write request kicks; other processes hear of it at most every 50 ms
  let kickTimer: NodeJS.Timeout | null = null;
  const kickOthers = () => {
    if (!relay || kickTimer) return;
    kickTimer = setTimeout(() => { kickTimer = null; broadcast('work.kick', {}); }, 50);
  };
  return {
    hub, runner, consumer, channels,
    unit: unitRunner(db, unitOptions),
    intakeGate: new BacklogGate(db, { maxLagMs: config.KEFU_INTAKE_MAX_LAG_MS }),
    async joinCluster() {
      if (!config.REDIS_URL || relay) return;
      relay = await redisRelay(config.REDIS_URL, log);
      attachRelay(relay);
      leave.push(hub.joinCluster(), onBroadcast('work.kick', () => { consumer.kick(); runner.kick(); }));
    },
    loginThrottle,
    async start() {
      if (database.kind === 'pglite') {
        await enqueue(db, ANALYZE_JOB, {}, { runAt: new Date(Date.now() + 30 * 60_000), dedupeKey: 'maintenance.analyze.next' });
      }
      await ensureCutoffJobs(db);
      consumer.start(config.KEFU_JOB_POLL_MS);
      runner.start();
    },
    kick() {
      consumer.kick();
      runner.kick();
      kickOthers();
    },
    async drain() {
      let total = 0;
      for (let i = 0; i < 100; i++) {
        const n = (await consumer.drain()) + (await runner.runDue());
        total += n;
        if (!n) break;
      }
      return total;
    },
    async close() {
      await consumer.stop();
      await runner.stop();
      if (kickTimer) clearTimeout(kickTimer);
      for (const off of leave.splice(0)) off();
      if (relay) {
        attachRelay(null);
        await relay.close();
        relay = null;
      }
      channels.email.close();
      await throttleStore.close();
    },
  };
}
