import { callbackRoutes } from './modules/callbacks/callbacks.routes.ts';
import { contactPlanRoutes } from './modules/callbacks/contact-plan.routes.ts';
import { surveyRoutes } from './modules/surveys/surveys.routes.ts';
import { ChatDelivery } from './modules/conversations/chat-delivery.ts';
import { VisitorSockets } from './modules/conversations/visitor-sockets.ts';
import { conversationRoutes } from './modules/conversations/conversations.routes.ts';
import { publicChatRoutes } from './modules/conversations/public-chat.routes.ts';
import { chatChannelRoutes } from './modules/conversations/chat-channels.routes.ts';
import { chatAgentRoutes } from './modules/conversations/chat-agents.routes.ts';
import { chatMonitorRoutes } from './modules/conversations/chat-monitor.routes.ts';
import { attachmentRoutes } from './modules/conversations/attachments.routes.ts';
import { registerChatJobs } from './modules/conversations/chat-jobs.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { kbAttachmentRoutes } from './modules/knowledge/kb-attachments.routes.ts';
import { widgetRoutes } from './modules/conversations/widget.routes.ts';
import { renewalRoutes } from './modules/renewals/renewals.routes.ts';
import { customerServiceRoutes } from './modules/renewals/customer-services.routes.ts';
import { transferRequestRoutes } from './modules/renewals/transfer-requests.routes.ts';
import { registerRenewalJobs } from './modules/renewals/renewal-jobs.ts';
import { registerCrossOrigin } from './platform/http/cross-origin.ts';
import { fileStoreOf } from './platform/storage/file-store-of.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerSameOriginCheck } from './platform/http/same-origin.ts';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerAuthHook } from './platform/http/auth-hook.ts';
import { frameworkErrors, registerErrorHandler, sendRouteNotFound } from './platform/http/error-handler.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { loggerOptions } from './platform/http/logger-options.ts';
import type { App, Deps } from './platform/http/types.ts';
import { authRoutes } from './modules/org/auth.routes.ts';
import { departmentTeamRoutes } from './modules/org/departments-teams.routes.ts';
import { userRoleRoutes } from './modules/org/users-roles.routes.ts';
import { customerRoutes } from './modules/customers/customers.routes.ts';
import { customerClassRoutes } from './modules/customers/customer-classes.routes.ts';
import { customerMergeRoutes } from './modules/customers/customer-merge.routes.ts';
import { orderRoutes } from './modules/orders/orders.routes.ts';
import { customerArchiveRoutes } from './modules/customers/customer-archive.routes.ts';
import { registerFirstContactTimer } from './modules/customers/first-contact-timer.ts';
import { registerClassJobs } from './modules/customers/class-runs.ts';
import { customerImportRoutes } from './modules/customers/customer-imports.routes.ts';
import { registerImportJobs } from './modules/customers/customer-import-runs.ts';
import { formRoutes } from './modules/forms/forms.routes.ts';
import { ticketRoutes } from './modules/tickets/tickets.routes.ts';
import { ticketNoteFileRoutes } from './modules/tickets/ticket-note-files.routes.ts';
import { intakeRoutes } from './modules/intake/intake.routes.ts';
import { clocksOfTicket } from './modules/sla/sla.queries.ts';
import { notHiddenFrom, scopeCondition } from './modules/tickets/tickets.queries.ts';
import { calendarRoutes } from './platform/time/calendars.routes.ts';
import { quietHoursRoutes } from './modules/customers/quiet-hours.routes.ts';
import { interactionRoutes } from './modules/interactions/interactions.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { routingRoutes } from './modules/routing/routing.routes.ts';
import { slaRoutes, wallboardRoutes } from './modules/sla/sla.routes.ts';
import { realtimeRoutes } from './platform/realtime/realtime.routes.ts';
import { createServices, type Services } from './services.ts';
import { openApiTransform, openApiTransformObject } from './platform/http/openapi.ts';
import websocket from '@fastify/websocket';
import { systemClock, type Clock } from './platform/time/clock.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    /** live chat delivery (the widget's heartbeat is driven from it in tests) */
    chat: ChatDelivery;
  }
}

/**
 * Builds the HTTP app: plugins, then modules, then the console's static files.
 * The background services (jobs, outbox, realtime) are created here unless the
 * caller brings its own; they are not started — main.ts starts them.
 */
export async function buildApp(config: Config, database: Database, opts: { logger?: boolean; services?: Services; clock?: Clock } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(config.KEFU_LOG_LEVEL),
    trustProxy: config.KEFU_TRUST_PROXY,
    bodyLimit: 1_048_576,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  const services = opts.services ?? createServices(config, database, app.log);
  await services.joinCluster();
  app.decorate('services', services);
  app.addHook('onClose', async () => { await services.close(); });
  // a write may have raised events or jobs: look at them now, not at the next poll
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && reply.statusCode < 400) services.kick();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputGuard(app);

  registerSecurityHeaders(app, config.KEFU_PUBLIC_URL);
  await app.register(cookie);
  await app.register(websocket);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kefu API', description: 'Kefu (客服) customer service center: /api/v1', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'kefu_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  // the API documentation is public: every route registered in this scope is marked so
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  });

  const deps: Deps = { db: database.db, config, unit: services.unit, intakeGate: services.intakeGate, clock: opts.clock ?? systemClock };
  registerSameOriginCheck(app, config.KEFU_PUBLIC_URL);
  registerAuthHook(app, database.db);

  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
  }, async () => {
    await database.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: database.kind };
  });

  authRoutes(app, deps, services.loginThrottle);
  departmentTeamRoutes(app, deps);
  userRoleRoutes(app, deps);
  customerRoutes(app, deps);
  customerClassRoutes(app, deps, services.runner);
  customerMergeRoutes(app, deps);
  registerClassJobs(services.runner, database.db, config.KEFU_TIMEZONE);
  registerFirstContactTimer(services.runner);
  customerArchiveRoutes(app, deps, services.runner);
  customerImportRoutes(app, deps, services.runner);
  registerImportJobs(services.runner);
  formRoutes(app, deps);
  interactionRoutes(app, deps);
  intakeRoutes(app, deps);
  ticketRoutes(app, deps, clocksOfTicket);
  const files = fileStoreOf(config);
  ticketNoteFileRoutes(app, deps, files);
  notificationRoutes(app, deps, scopeCondition, notHiddenFrom);
  realtimeRoutes(app, services.hub, config.KEFU_PUBLIC_URL);
  routingRoutes(app, deps);
  calendarRoutes(app, deps);
  slaRoutes(app, deps);
  wallboardRoutes(app, deps);
  quietHoursRoutes(app, deps);
  callbackRoutes(app, deps);
  contactPlanRoutes(app, deps);
  surveyRoutes(app, deps);
  const chat = new ChatDelivery(services.hub, new VisitorSockets());
  app.decorate('chat', chat);
  registerCrossOrigin(app, '/api/v1/public/chat/');
  conversationRoutes(app, deps, chat, files);
  publicChatRoutes(app, deps, chat);
  chatChannelRoutes(app, deps);
  chatAgentRoutes(app, deps, chat);
  chatMonitorRoutes(app, deps);
  attachmentRoutes(app, deps, files);
  registerChatJobs(services.runner, database.db, chat, { days: config.KEFU_CHAT_RETENTION_DAYS, files }, deps.clock);
  knowledgeRoutes(app, deps);
  kbAttachmentRoutes(app, deps, files);
  renewalRoutes(app, deps);
  customerServiceRoutes(app, deps);
  transferRequestRoutes(app, deps, files);
  registerRenewalJobs(services.runner, database.db, config.KEFU_TIMEZONE, deps.clock);
  orderRoutes(app, deps);
  widgetRoutes(app);

  const consoleDir = config.KEFU_CONSOLE_DIR ?? path.resolve(here, '../../console/dist');
  const hasConsole = existsSync(path.join(consoleDir, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart
  if (hasConsole) await app.register(fastifyStatic, { root: consoleDir, wildcard: true });
  // single-page app: unknown non-API paths get index.html
  app.setNotFoundHandler((req, reply) => {
    if (!hasConsole || req.url.startsWith('/api/')) return sendRouteNotFound(req, reply);
    return reply.sendFile('index.html');
  });
  return app;
}
