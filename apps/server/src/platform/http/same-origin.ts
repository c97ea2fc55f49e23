import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from './auth-hook.ts';

// A browser sends the session cookie with any request to this site, even one
// a page elsewhere makes (a form post, a bodyless fetch). Requests that change
// something, or open the live feed, must therefore show they come from a page
// of this site: their Origin (else Referer) is the origin the request was sent
// to, or KEFU_PUBLIC_URL's. Bearer-token requests carry no ambient credential
// and are exempt.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins a page of this installation has: the one the request was sent to, and the public one. */
export function ownOrigins(req: FastifyRequest, publicUrl: string): Set<string> {
  const out = new Set([new URL(publicUrl).origin]);
  if (req.host) out.add(`${req.protocol}://${req.host}`);
  return out;
}

/** Where the request says it comes from: Origin, else the origin of Referer; null when it says nothing. */
export function claimedOrigin(req: FastifyRequest): string | null {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin && origin !== 'null') return origin;
  if (origin === 'null') return 'null';
  const referer = req.headers.referer;
  if (typeof referer === 'string' && referer) {
    try {
      return new URL(referer).origin;
    } catch {
      return 'null';
    }
  }
  return null;
}

export function isSameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const claimed = claimedOrigin(req);
  return claimed !== null && ownOrigins(req, publicUrl).has(claimed);
}

function usesBearer(req: FastifyRequest): boolean {
  return !!req.headers.authorization?.startsWith('Bearer ');
}

/**
 * Refuses a state-changing request that relies on the cookie (or signs in)
 * without proof that a page of this site sent it. A browser always sends
 * Origin on such requests, and Sec-Fetch-Site where it knows it.
 */
export function registerSameOriginCheck(app: FastifyInstance, publicUrl: string): void {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !req.url.startsWith('/api/') || usesBearer(req) || req.routeOptions.config?.crossOrigin) return;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new AppError('CROSS_SITE');
    const claimed = claimedOrigin(req);
    if (claimed === null) {
      // no browser leaves both out on a cross-site request; a script with the cookie must still prove it
      if (req.cookies?.[SESSION_COOKIE]) throw new AppError('CROSS_SITE');
      return;
    }
    if (!ownOrigins(req, publicUrl).has(claimed)) throw new AppError('CROSS_SITE');
  });
}
