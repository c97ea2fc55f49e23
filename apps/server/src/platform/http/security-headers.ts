import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers for the console and the API (helmet's). The console
 * loads only its own scripts; Ant Design and ECharts set inline styles, so
 * style-src allows them. No one may frame the console (clickjacking), MIME
 * types are not sniffed, and the Referer (survey links carry their token in
 * the path) never leaves the site. HTTPS-only headers follow KEFU_PUBLIC_URL.
 */
export function securityHeaders(publicUrl: string): HelmetOptions {
  const https = new URL(publicUrl).protocol === 'https:';
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * Sends the security headers on every answer. They never change while the
 * server runs, so helmet works them out once here; @fastify/helmet would build
 * the whole policy again on every request (3 % of the time of an intake).
 */
export function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader(name: string, value: string) { headers[name] = value; },
    removeHeader(name: string) { delete headers[name]; },
  };
  helmet(securityHeaders(publicUrl))({} as IncomingMessage, collect as unknown as ServerResponse, () => {});
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
