import { chatMonitor as monitorOut, chatSummary as summaryOut } from '@kefu/shared/chat-monitor-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { chatMonitor, chatSummary } from './chat-monitor.queries.ts';

/**
 * The supervisor's live-chat view and the wallboard's chat numbers. Both are
 * read again when the console's socket says a conversation changed
 * (chat.updated) or a seat did (chat.seats) — throttled there, so a busy
 * inbox costs one read every few seconds per open view, not one per message.
 */
export function chatMonitorRoutes(app: App, { db, config, clock }: Deps): void {
  app.get('/api/v1/chat-monitor', {
    config: { permission: 'conversation:manage' },
    schema: {
      tags: ['conversations'], summary: 'Live chats with who serves them and how long the visitor waits, the queues per team with places, the agents with load and cap',
      response: { 200: monitorOut },
    },
  }, async (req) => chatMonitor(db, principalOf(req), clock.now(), config.KEFU_TIMEZONE));

  app.get('/api/v1/chat-monitor/summary', {
    config: { permission: 'supervisor:view' },
    schema: {
      tags: ['conversations'], summary: "The wallboard's chat numbers: chats waiting, the oldest wait, first-response targets missed today",
      response: { 200: summaryOut },
    },
  }, async (req) => chatSummary(db, principalOf(req), clock.now(), config.KEFU_TIMEZONE));
}
