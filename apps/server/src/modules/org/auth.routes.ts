import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { errorBody, loginBody, loginResponse, me, meUpdateBody, passwordChangeBody, sessionResponse } from '@kefu/shared/api';
import type { App, Deps } from '../../platform/http/types.ts';
import { SESSION_COOKIE, principalOf, sessionToken } from '../../platform/http/auth-hook.ts';
import { destroySession, forgetSessionsOf } from '../../platform/auth/sessions.ts';
import { users } from '../../db/schema/index.ts';
import { login } from './login.ts';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { DEVICE_COOKIE, type LoginAttempt, type LoginThrottle } from '../../platform/auth/login-throttle.ts';
import { changeOwnPassword } from './change-password.ts';
import { presentMe } from './presenters.ts';
import { invalidateOrgDirectory } from './org.queries.ts';

/**
 * Runs a password check unless the throttle says wait (429 with Retry-After);
 * a wrong password counts against the account, the address and the device.
 */
async function throttled<T>(throttle: LoginThrottle, attempt: LoginAttempt, reply: FastifyReply, check: () => Promise<T>): Promise<T> {
  const verdict = await throttle.check(attempt);
  if (!verdict.ok) {
    reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw new AppError('RATE_LIMITED');
  }
  try {
    return await check();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'INVALID_CREDENTIALS' || err.code === 'WRONG_PASSWORD')) await throttle.failed(attempt);
    throw err;
  }
}

export function authRoutes(app: App, { db, config }: Deps, throttle: LoginThrottle): void {
  // Secure when the installation is reached over HTTPS (behind a proxy the hop to us may be plain HTTP)
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: new URL(config.KEFU_PUBLIC_URL).protocol === 'https:' };
  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; returns a bearer token and sets the session cookie',
      body: loginBody,
      response: { 200: loginResponse, 400: errorBody, 401: errorBody, 429: errorBody },
    },
  }, async (req, reply) => {
    const attempt = { username: req.body.username, ip: req.ip, deviceToken: req.cookies[DEVICE_COOKIE] ?? null };
    const { token, principal } = await throttled(throttle, attempt, reply, () => login(db, req.body.username, req.body.password, config.KEFU_SESSION_DAYS));
    const device = await throttle.succeeded(attempt);
    reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, maxAge: config.KEFU_SESSION_DAYS * 86_400 });
    // this browser is now known to the account: strangers' failed guesses do not hold it back
    reply.setCookie(DEVICE_COOKIE, device.deviceToken, { ...cookieBase, path: '/api/v1', sameSite: 'strict', maxAge: device.maxAgeSeconds });
    return { token, user: presentMe(principal) };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), 401: errorBody } },
  }, async (req, reply) => {
    const token = sessionToken(req);
    if (token) await destroySession(db, token);
    reply.clearCookie(SESSION_COOKIE, cookieBase);
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

  app.post('/api/v1/me/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change own password (the current one is required); every other session of the user ends',
      body: passwordChangeBody,
      response: { 204: z.null(), 400: errorBody, 401: errorBody, 422: errorBody, 429: errorBody },
    },
  }, async (req, reply) => {
    const me = principalOf(req);
    // guessing the current password from an open session is throttled like signing in
    const attempt = { username: me.username, ip: req.ip, deviceToken: req.cookies[DEVICE_COOKIE] ?? null };
    await throttled(throttle, attempt, reply, () => changeOwnPassword(db, me, req.body.oldPassword, req.body.newPassword));
    return reply.status(204).send(null);
  });

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
