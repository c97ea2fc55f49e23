import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/** A fresh console context signed in as `username` (the demo password), in Chinese; its page is past the login. */
export async function signIn(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const ctx = await newConsoleContext(browser, baseURL);
  await ctx.addInitScript(() => localStorage.setItem('kefu.locale', 'zh-CN'));
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('kefu-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
