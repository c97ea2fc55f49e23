import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => { await t.close(); });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('the chat widget script (GET /widget.js)', () => {
  it('is JavaScript other sites may load: CORP cross-origin, any-origin CORS, cached briefly and revalidated', async () => {
    const res = await get('/widget.js', { origin: 'https://shop.example' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    // helmet says same-origin for everything else: a <script> of another site would be refused
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body).toContain('api/v1/public/chat/');
    // no framework, no dependencies: small enough for every page of a shop
    expect(res.rawPayload.length).toBeLessThan(36 * 1024);

    const again = await get('/widget.js', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('is sent compressed to browsers that accept it', async () => {
    const plain = await get('/widget.js');
    const gz = await get('/widget.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toContain('accept-encoding');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
    const br = await get('/widget.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('serves the demo shop page that embeds it, and keeps both out of the API document', async () => {
    const page = await get('/widget-demo.html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script src="/widget.js" data-channel="website" async></script>');
    const english = await get('/widget-demo.html?locale=en-US');
    expect(english.body).toContain('<script src="/widget.js" data-locale="en-US" data-channel="website" async></script>');
    const paths = Object.keys((t.app.swagger() as { paths: Record<string, unknown> }).paths);
    expect(paths.filter((p) => p.startsWith('/widget'))).toEqual([]);
  });
});
