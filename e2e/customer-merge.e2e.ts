import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, sameOriginHeaders, signIn } from '../scripts/e2e/browser.ts';

// Two records of one caller share a phone: the manager finds them on 重复客户,
// keeps the older one and merges the other into it, sees the merged record
// point at the survivor, then undoes the merge from the duplicate's page.

export const name = 'customer merge: find duplicates, merge, undo';

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'customer-merge');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await signIn(browser, baseURL, 'cs_manager');
    await page.setViewportSize({ width: 1280, height: 900 });
    const shot = (file: string) => page.screenshot({ path: path.join(dir, file), fullPage: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const headers = sameOriginHeaders(baseURL);
    assert.equal((await page.request.patch('/api/v1/me', { headers, data: { locale: 'zh-CN' } })).status(), 200);
    // a phone that sorts first among the duplicate groups, so it is on the first page
    const phone = `1300${String(Date.now()).slice(-7)}`;
    const older = await (await page.request.post('/api/v1/customers', { headers, data: { name: '重复的赵六', phone, address: '幸福路 1 号' } })).json() as { id: string };
    const newer = await (await page.request.post('/api/v1/customers', { headers, data: { name: '重复的赵六', phone, email: 'zhao6@example.com' } })).json() as { id: string };

    await page.goto('/customers/duplicates');
    const group = page.getByTestId('duplicate-group').filter({ hasText: phone });
    await group.waitFor();
    assert.match(await group.innerText(), /姓名相同/);
    await shot('1-duplicates.png');
    await group.getByTestId('duplicate-merge').click();
    await group.waitFor({ state: 'detached' });

    // the survivor got the e-mail; the duplicate says where it went, and can be undone
    await page.goto(`/customers/${older.id}`);
    await page.getByText('zhao6@example.com').waitFor();
    await page.getByTestId('merge-history').filter({ hasText: '重复的赵六' }).waitFor();
    await page.goto(`/customers/${newer.id}`);
    await page.getByTestId('merged-banner').waitFor();
    await shot('2-merged.png');
    await page.getByTestId('merge-undo').click();
    await page.getByTestId('merged-banner').waitFor({ state: 'detached' });
    await page.getByTestId('merge-open').waitFor();
    await shot('3-undone.png');
    const survivor = await (await page.request.get(`/api/v1/customers/${older.id}`)).json() as { email: string | null };
    assert.equal(survivor.email, null);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
}
