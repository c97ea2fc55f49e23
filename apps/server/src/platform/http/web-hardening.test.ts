import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Security headers, same-origin proof for cookie-authenticated changes, the
// live feed's Origin check, and the Secure flag following KEFU_PUBLIC_URL.

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ KEFU_PUBLIC_URL: 'https://kefu.example.com' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'kefu-demo' } });
  const c = res.cookies.find((x) => x.name === 'kefu_session')!;
  expect(c.secure).toBe(true);
  cookie = c.value;
});
afterAll(async () => { await t.close(); });

const withCookie = (method: 'POST' | 'PATCH' | 'GET', url: string, headers: Record<string, string> = {}, payload?: object) =>
  t.app.inject({ method, url, cookies: { kefu_session: cookie }, headers: { host: 'kefu.internal:3000', ...headers }, payload });

describe('security headers', () => {
  it('sends a CSP without framing, nosniff and a same-origin referrer policy on the API and the console', async () => {
    for (const url of ['/api/health', '/api/v1/me', '/']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    }
  });

  it('leaves HTTPS-only headers and the Secure flag out on a plain-HTTP installation', async () => {
    const plain = await createTestApp({ KEFU_PUBLIC_URL: 'http://localhost:3000' });
    try {
      const res = await plain.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: 'kefu-demo' } });
      expect(res.cookies.find((x) => x.name === 'kefu_session')!.secure).toBeFalsy();
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    } finally {
      await plain.close();
    }
  });
});

describe('same-origin proof for cookie-authenticated changes', () => {
  it('refuses a cross-site change, bodyless or not, and one that says nothing about where it comes from', async () => {
    const cases: Record<string, string>[] = [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site', origin: 'https://kefu.example.com' }, {}];
    for (const headers of cases) {
      const res = await withCookie('POST', '/api/v1/notifications/read-all', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('CROSS_SITE');
    }
  });

  it('accepts the console\'s own requests: same origin as the Host, or the public URL', async () => {
    expect((await withCookie('POST', '/api/v1/notifications/read-all', { origin: 'http://kefu.internal:3000' })).statusCode).toBe(200);
    expect((await withCookie('POST', '/api/v1/notifications/read-all', { origin: 'https://kefu.example.com', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await withCookie('PATCH', '/api/v1/me', { referer: 'https://kefu.example.com/settings' }, { locale: 'zh-CN' })).statusCode).toBe(200);
    // reading needs no proof
    expect((await withCookie('GET', '/api/v1/me', { origin: 'https://evil.example' })).statusCode).toBe(200);
  });

  it('exempts bearer tokens, which a page elsewhere cannot send', async () => {
    const token = await t.login('operator');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('the live feed', () => {
  it('opens for the console\'s own origin and refuses any other', async () => {
    await t.app.ready();
    const open = await t.app.injectWS('/api/v1/realtime', { headers: { cookie: `kefu_session=${cookie}`, origin: 'https://kefu.example.com' } });
    expect(open.readyState).toBe(open.OPEN);
    open.terminate();
    await expect(t.app.injectWS('/api/v1/realtime', { headers: { cookie: `kefu_session=${cookie}`, origin: 'https://evil.example' } })).rejects.toThrow(/403/);
  });
});
