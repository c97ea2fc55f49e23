import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers for the console and the API (@fastify/helmet). The console
 * loads only its own scripts; Ant Design and ECharts set inline styles, so
 * style-src allows them. No one may frame the console (clickjacking), MIME
 * types are not sniffed, and the Referer (survey links carry their token in
 * the path) never leaves the site. HTTPS-only headers follow KEFU_PUBLIC_URL.
 */
export function securityHeaders(publicUrl: string): FastifyHelmetOptions {
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
