import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@kefu/shared/permissions';
import type { Db } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { requirePermission, type Principal } from '../auth/principal.ts';
import { principalForToken } from '../auth/sessions.ts';

export const SESSION_COOKIE = 'kefu_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** true: no login needed (login, health, docs). Set per route, never by URL matching. */
    public?: boolean;
    /** the permission the route requires; omitted = any signed-in user */
    permission?: Permission;
    /**
     * called by pages of other sites (the chat widget): public, no session is
     * looked up (a Bearer header there is a visitor's token), CORS allows any
     * origin, and the same-origin check does not apply — nothing here acts on
     * a cookie (cross-origin.ts).
     */
    crossOrigin?: boolean;
    /** an upload route: a body over its limit answers FILE_TOO_LARGE naming this many MB */
    uploadMaxMb?: number;
  }
}

export function sessionToken(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** Deny by default: every /api route needs a session unless it is marked public. */
export function registerAuthHook(app: FastifyInstance, db: Db): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const config = req.routeOptions.config;
    if (config?.crossOrigin) return;
    const token = sessionToken(req);
    if (token) req.principal = await principalForToken(db, token);
    if (config?.public) return;
    if (!req.routeOptions.url) return; // unknown route: let the 404 handler answer
    if (!req.principal) throw new AppError('UNAUTHENTICATED');
    if (config?.permission) requirePermission(req.principal, config.permission);
  });
}

/** For use inside handlers of non-public routes. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  return req.principal;
}
