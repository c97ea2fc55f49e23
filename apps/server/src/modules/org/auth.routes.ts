import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { errorBody, loginBody, loginResponse, me, meUpdateBody, sessionResponse } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { SESSION_COOKIE, principalOf, sessionToken } from '../../platform/http/auth-hook.ts';
import { destroySession, forgetSessionsOf } from '../../platform/auth/sessions.ts';
import { users } from '../../db/schema/index.ts';
import { login } from './login.ts';
import { presentMe } from './presenters.ts';
import { invalidateOrgDirectory } from './org.queries.ts';

export function authRoutes(app: App, { db, config }: Deps): void {
  app.post('/api/v1/auth/login', {
    config: {
      public: true,
      rateLimit: {
        max: config.KEFU_LOGIN_RATE_LIMIT,
        timeWindow: '1 minute',
        hook: 'preHandler', // after body parsing, so the key includes the username
        keyGenerator: (req: { ip: string; body?: unknown }) =>
          `${req.ip}:${(req.body as { username?: string } | undefined)?.username ?? ''}`,
      },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; returns a bearer token and sets the session cookie',
      body: loginBody,
      response: { 200: loginResponse, 401: errorBody },
    },
  }, async (req, reply) => {
    const { token, principal } = await login(db, req.body.username, req.body.password, config.KEFU_SESSION_DAYS);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: req.protocol === 'https',
      maxAge: config.KEFU_SESSION_DAYS * 86_400,
    });
    return { token, user: presentMe(principal) };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), 401: errorBody } },
  }, async (req, reply) => {
    const token = sessionToken(req);
    if (token) await destroySession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  // public: a console page opening without a session learns it from a 200,
  // not from a 401 the browser logs as an error
  app.get('/api/v1/session', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'The signed-in user, or null when there is no valid session', response: { 200: sessionResponse } },
  }, async (req) => ({ user: req.principal ? presentMe(req.principal) : null }));

  app.get('/api/v1/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user, with permissions and data scope', response: { 200: me, 401: errorBody } },
  }, async (req) => presentMe(principalOf(req)));

  app.patch('/api/v1/me', {
    schema: {
      tags: ['auth'],
      summary: 'Change own preferences (language)',
      body: meUpdateBody,
      response: { 200: me, 401: errorBody },
    },
  }, async (req) => {
    const p = principalOf(req);
    await db.update(users).set({ locale: req.body.locale }).where(eq(users.id, p.userId));
    forgetSessionsOf(p.userId);
    invalidateOrgDirectory();
    return presentMe({ ...p, locale: req.body.locale });
  });
}
