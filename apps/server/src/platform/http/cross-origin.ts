import type { FastifyInstance } from 'fastify';

/**
 * CORS for the routes pages of other sites call (config.crossOrigin: the chat
 * widget on a shop's site). Any origin may call them: they read no cookie and
 * answer only to a visitor's own token, so a foreign page gains nothing it
 * could not get by calling them itself. Preflights of those paths are answered
 * here; every other route stays same-origin.
 */
export function registerCrossOrigin(app: FastifyInstance, prefix: string): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.config?.crossOrigin) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });
  app.options(`${prefix}*`, { config: { public: true, crossOrigin: true }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('access-control-allow-methods', 'GET, POST');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-max-age', '600');
    return reply.status(204).send();
  });
}
