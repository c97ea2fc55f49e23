import type { App } from '../http/types.ts';
import { principalOf } from '../http/auth-hook.ts';
import { isSameOrigin } from '../http/same-origin.ts';
import { AppError } from '../errors.ts';
import type { RealtimeHub } from './hub.ts';

/**
 * GET /api/v1/realtime (WebSocket): the signed-in user's live feed —
 * notifications now, queue and wallboard updates later. Authentication is the
 * session cookie or a Bearer header, checked by the same hook as every route.
 */
export function realtimeRoutes(app: App, hub: RealtimeHub, publicUrl: string): void {
  app.get('/api/v1/realtime', {
    websocket: true,
    // a page elsewhere must not open the feed with the user's cookie: browsers always send Origin here
    onRequest: async (req) => {
      if (!req.headers.authorization?.startsWith('Bearer ') && !isSameOrigin(req, publicUrl)) throw new AppError('CROSS_SITE');
    },
    schema: { tags: ['notifications'], summary: 'WebSocket: live notifications for the signed-in user', hide: false } }, (socket, req) => {
    const me = principalOf(req);
    const remove = hub.add(me.userId, socket, me.permissions);
    socket.send(JSON.stringify({ type: 'hello', userId: me.userId }));
    socket.on('close', remove);
    socket.on('error', remove);
  });
}
