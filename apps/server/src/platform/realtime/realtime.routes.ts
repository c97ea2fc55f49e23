import type { App } from '../http/types.ts';
import { principalOf } from '../http/auth-hook.ts';
import type { RealtimeHub } from './hub.ts';

/**
 * GET /api/v1/realtime (WebSocket): the signed-in user's live feed —
 * notifications now, queue and wallboard updates later. Authentication is the
 * session cookie or a Bearer header, checked by the same hook as every route.
 */
export function realtimeRoutes(app: App, hub: RealtimeHub): void {
  app.get('/api/v1/realtime', { websocket: true, schema: { tags: ['notifications'], summary: 'WebSocket: live notifications for the signed-in user', hide: false } }, (socket, req) => {
    const me = principalOf(req);
    const remove = hub.add(me.userId, socket, me.permissions);
    socket.send(JSON.stringify({ type: 'hello', userId: me.userId }));
    socket.on('close', remove);
    socket.on('error', remove);
  });
}
