import { chromium, type Browser, type BrowserContext } from 'playwright-core';

// Debian's chromium, headless, with a throwaway profile (newContext).
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Headers for API calls a test makes with the signed-in context's cookie: the
 * server wants proof that a change comes from a page of the site, as the
 * console's own requests show with their Origin.
 */
export function sameOriginHeaders(baseURL: string): Record<string, string> {
  return { origin: new URL(baseURL).origin };
}

export async function newConsoleContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  ctx.setDefaultTimeout(15_000);
  return ctx;
}
