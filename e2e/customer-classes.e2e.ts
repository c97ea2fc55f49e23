import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, sameOriginHeaders, signIn } from '../scripts/e2e/browser.ts';

// The CS manager previews the quarterly class recompute (who moves from which
// class to which, and why), applies it and watches it finish, gives the new
// A-class customer to the dedicated A-class specialist (专属客服) on the
// assignment board, then opens her and sets her class by hand with a reason.

export const name = 'customer classes: preview and apply a recompute, assign the new A-class customers, then set a class by hand';

/** The last complete quarter in China time, as the server works it out (2026-12-07 → 2026Q3). */
function lastQuarter(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`;
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'customer-classes');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  try {
    // in Chinese, whatever an earlier test left as this user's language
    const page = await signIn(browser, baseURL, 'cs_manager');
    await page.setViewportSize({ width: 1280, height: 900 });
    const shot = (file: string) => page.screenshot({ path: path.join(dir, file), fullPage: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const headers = sameOriginHeaders(baseURL);
    // an earlier test may have switched this user to English: the steps below read Chinese
    assert.equal((await page.request.patch('/api/v1/me', { headers, data: { locale: 'zh-CN' } })).status(), 200);
    const name = `季度大客户${Date.now().toString(36).slice(-4)}`;
    const created = await page.request.post('/api/v1/customers', { headers, data: { name, phone: `139${String(Date.now()).slice(-8)}` } });
    assert.equal(created.status(), 201, await created.text());
    const customer = (await created.json()) as { id: string };
    const measures = await page.request.put('/api/v1/customer-measures', { headers, data: { rows: [{ customerId: customer.id, quarter: lastQuarter(), revenue: 8800 }] } });
    assert.equal(measures.status(), 200, await measures.text());

    // 1. the preview names her, moving to A because of her revenue
    await page.goto('/settings/customer-classes');
    await page.getByTestId('recompute-preview').click();
    const result = page.getByTestId('recompute-result');
    const row = result.locator('tr').filter({ hasText: name });
    await row.waitFor();
    assert.match(await row.innerText(), /A类客户 \(A\)[\s\S]*季度营收\(ARPU\) ≥ 5,000 元\(8,800\)/);
    await shot('1-preview.png');

    // 2. apply: the progress bar runs to the end
    await page.getByTestId('recompute-apply').click();
    await page.getByTestId('recompute-apply-ok').click();
    await page.getByTestId('recompute-progress').filter({ hasText: '重新分级完成' }).waitFor({ timeout: 60_000 });
    await shot('2-applied.png');

    // 3. the assignment board: 张敏 (job 1000) is the A-class specialist; the plan gives her the new A customer
    const lead = ((await (await page.request.get('/api/v1/directory')).json()) as { users: { id: string; jobNumber: string | null }[] }).users.find((u) => u.jobNumber === '1000')!;
    const spec = await page.request.put(`/api/v1/customer-specialists/${lead.id}`, { headers, data: { skill: 4, classes: ['A'], capacity: null, active: true } });
    assert.equal(spec.status(), 200, await spec.text());
    // from the daily list of new and changed customers: she is new today and changed class
    await page.goto('/customers/changes');
    const listed = page.getByTestId('changes-list').locator('tr').filter({ hasText: name });
    await listed.waitFor();
    await listed.locator('.ant-checkbox-input').check();
    await shot('3-changes.png');
    await page.getByTestId('changes-assign').click();
    await page.getByTestId('specialists').filter({ hasText: '张敏' }).waitFor();
    await page.getByTestId('plan-preview').click();
    const planned = page.getByTestId('plan-rows').locator('tr').filter({ hasText: name });
    await planned.waitFor();
    assert.match(await planned.innerText(), /张敏/);
    await shot('4-assignment-plan.png');
    await page.getByTestId('plan-apply').click();
    // her first-contact timer starts: she waits on the board for 张敏's first call
    await page.getByTestId('first-contacts').locator('tr').filter({ hasText: name }).filter({ hasText: '张敏' }).waitFor();
    await shot('5-assigned.png');

    // 4. her page: class A, owner 张敏, then set to B by hand with a reason; the history says both
    await page.goto(`/customers/${customer.id}`);
    await page.getByTestId('customer-tier').filter({ hasText: 'A类客户 (A)' }).waitFor();
    await page.getByTestId('customer-owner').filter({ hasText: '张敏' }).waitFor();
    await page.getByTestId('tier-override').click();
    await page.getByTestId('tier-override-class').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'B类客户' }).click();
    await page.getByTestId('tier-override-reason').fill('营收为一次性项目,按 B 类服务');
    await page.getByTestId('tier-override-save').click();
    await page.getByTestId('customer-tier').filter({ hasText: 'B类客户 (B)' }).waitFor();
    const history = page.getByTestId('class-history');
    await history.filter({ hasText: '手动定级:营收为一次性项目,按 B 类服务' }).waitFor();
    await history.filter({ hasText: '重新分级' }).waitFor();
    await shot('6-customer.png');
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
}
