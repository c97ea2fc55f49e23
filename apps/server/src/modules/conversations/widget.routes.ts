import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { bundleWidget, demoPage } from '@kefu/widget/bundle';
import type { App } from '../../platform/http/types.ts';

interface Script {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Made on first use and kept (the widget's source does not change while the server runs); a failure is tried again next time. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= make().catch((e) => {
    p = null;
    throw e;
  }));
}

/**
 * The chat widget a shop's site embeds with one line —
 * <script src="https://kefu.example/widget.js" data-channel="website" async></script> —
 * bundled from apps/widget, and a demo shop page that embeds it. Both are
 * files, not API: hidden from the OpenAPI document. The script is loaded by
 * pages of other sites, so it answers with CORP cross-origin (helmet's
 * same-origin would make the browser refuse it) and any-origin CORS
 * (crossOrigin). Shops cannot change the URL they pasted, so it is cached
 * briefly and revalidated by ETag.
 */
export function widgetRoutes(app: App): void {
  const script = once(async (): Promise<Script> => {
    const identity = Buffer.from(await bundleWidget(), 'utf8');
    return {
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      identity, gzip: gzipSync(identity, { level: 9 }), br: brotliCompressSync(identity),
    };
  });
  const demo = once(demoPage);

  app.get('/widget.js', { config: { public: true, crossOrigin: true }, schema: { hide: true } }, async (req, reply) => {
    const s = await script();
    reply.header('content-type', 'application/javascript; charset=utf-8')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .header('etag', s.etag)
      .header('vary', 'accept-encoding');
    const seen = req.headers['if-none-match'];
    if (seen && seen.split(',').some((t) => t.trim().replace(/^W\//, '') === s.etag)) return reply.status(304).send();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(encoding ? s[encoding] : s.identity);
  });

  app.get('/widget-demo.html', {
    config: { public: true },
    schema: { hide: true, querystring: z.object({ locale: z.enum(['zh-CN', 'en-US']).optional() }) },
  }, async (req, reply) => {
    let html = await demo();
    if (req.query.locale) html = html.replace('<script src="/widget.js" ', `<script src="/widget.js" data-locale="${req.query.locale}" `);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
