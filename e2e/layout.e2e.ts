import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../scripts/e2e/browser.ts';
import { TOP_LEVEL_PAGES, type TopLevelPath } from '../apps/console/src/routes/top-level-pages.ts';
import { layoutProblems, settle, type LayoutProblem } from '../scripts/e2e/layout-checks.ts';

// Every top-level page (the router's own list), one work order, customer
// and callback, and the login page at phone
// and desktop width, in both languages: a screenshot of each, and a failure
// for a page that scrolls sideways, header items drawn over each other or
// over the content, menu labels or desktop tables cut off, a login page that
// ignores the browser's language, or any error in the browser console.
// The administrator may open every page.

export const name = 'layout: every page at 390, 1280 and 1440 px, zh-CN and en-US, without overflow or overlaps';

const WIDTHS = [
  { width: 390, height: 844, tag: 'phone' },
  { width: 1280, height: 800, tag: 'laptop' },
  { width: 1440, height: 900, tag: 'desktop' },
] as const;
const LOCALES = ['zh-CN', 'en-US'] as const;
// the administrator has no work orders of their own: show everyone's
const QUERY: Partial<Record<TopLevelPath, string>> = { '/tickets': '?view=all', '/callbacks': '?view=all' };

/**
 * A fresh browser in this language and size. Its first page is the login
 * page, which must follow the browser's language and log no error (a page
 * opened without a session used to log a 401 from GET /me).
 */
async function freshLoginPage(browser: Browser, baseURL: string, locale: string, viewport: { width: number; height: number }) {
  const ctx = await browser.newContext({ baseURL, viewport, locale, timezoneId: 'Asia/Shanghai' });
  ctx.setDefaultTimeout(20_000);
  const page = await ctx.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto('/login');
  await page.getByTestId('login-username').waitFor();
  await settle(page);
  return { page, consoleErrors };
}

/** One work order, customer and callback to open: the pages an agent spends the day on. */
async function detailPages(page: Page): Promise<string[]> {
  const first = async (url: string) => {
    const res = await page.request.get(url);
    assert.equal(res.status(), 200, `${url}: ${res.status()}`);
    const body = (await res.json()) as { items: { id: string }[] };
    assert.ok(body.items.length, `${url} lists something (the demo data)`);
    return body.items[0].id;
  };
  return [
    `/tickets/${await first('/api/v1/tickets?view=all&limit=1')}`,
    `/customers/${await first('/api/v1/customers?limit=1')}`,
    `/callbacks/${await first('/api/v1/callbacks?view=all&limit=1')}`,
  ];
}

/** On a phone the menu opens from ☰, lists every page in full and closes when one is chosen. */
async function drawerMenu(page: Page, file: string, report: (found: LayoutProblem[]) => void): Promise<void> {
  await page.goto('/workbench');
  await page.getByTestId('app-content').waitFor();
  assert.equal(await page.getByTestId('side-menu').count(), 0, 'no sidebar on a phone');
  await page.getByTestId('menu-toggle').click();
  const menu = page.getByTestId('side-menu');
  await menu.waitFor();
  await menu.locator('.ant-menu-submenu-title[data-menu-id$="-callbacks"]').click(); // open the callbacks group
  await menu.locator('a[href="/callbacks"]').waitFor();
  // the group has finished opening (antd animates its height)
  await page.waitForFunction(() => !document.querySelector('[class*="ant-motion-collapse"]'));
  await page.screenshot({ path: file });
  report(await layoutProblems(page, { desktop: false }));
  await menu.locator('a[href="/callbacks"]').click();
  await page.waitForURL('**/callbacks');
  await menu.waitFor({ state: 'hidden' });
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'layout');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  const problems: string[] = [];
  const report = (where: string, found: LayoutProblem[]) => {
    for (const p of found) problems.push(`${where}: ${p.kind} — ${p.detail}`);
  };
  try {
    for (const locale of LOCALES) {
      for (const size of WIDTHS) {
        const { page, consoleErrors } = await freshLoginPage(browser, baseURL, locale, size);
        const where = `/login ${size.width}px ${locale}`;
        await page.screenshot({ path: path.join(dir, `${size.tag}-${locale}-login.png`), fullPage: true });
        report(where, await layoutProblems(page, { desktop: false }));
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== locale) problems.push(`${where}: the login page is in ${lang}, the browser asks for ${locale}`);

        // the choice made here sticks (signing in would otherwise take the account's language)
        await page.evaluate((l) => localStorage.setItem('kefu.locale', l), locale);
        const res = await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: 'kefu-demo' } });
        assert.equal(res.status(), 200, await res.text());
        const routes = [...TOP_LEVEL_PAGES.map((p) => p.path + (QUERY[p.path] ?? '')), ...(await detailPages(page))];
        for (const route of routes) {
          await page.goto(route);
          await page.getByTestId('app-content').waitFor();
          await settle(page);
          const file = `${size.tag}-${locale}${route.replace(/\?.*$/, '').replace(/[0-9a-f-]{36}$/, 'detail').replaceAll('/', '-')}.png`;
          await page.screenshot({ path: path.join(dir, file), fullPage: true });
          report(`${route} ${size.width}px ${locale}`, await layoutProblems(page, { desktop: size.width >= 1280 }));
        }
        if (size.tag === 'phone') await drawerMenu(page, path.join(dir, `${size.tag}-${locale}-menu.png`), (found) => report(`menu ${locale}`, found));
        for (const e of consoleErrors) problems.push(`${locale} ${size.width}px: console error: ${e}`);
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
  }
  assert.deepEqual(problems, [], `layout problems (screenshots in ${dir}):\n${problems.join('\n')}`);
}
