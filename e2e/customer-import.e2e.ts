import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { launchBrowser, sameOriginHeaders, signIn } from '../scripts/e2e/browser.ts';

// The CS manager imports customers from a workbook with one bad row: a dry run
// first (nothing written, the bad row reported by row and column), then the
// import for real, whose progress runs to the end; the new customer is in the
// list, and the list's export with her name as the filter holds her alone.
// At phone width the drawer fits.

export const name = 'customer import: dry run, then import for real with progress and the error table';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'customer-import');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await signIn(browser, baseURL, 'cs_manager');
    await page.setViewportSize({ width: 1280, height: 900 });
    const shot = (file: string) => page.screenshot({ path: path.join(dir, file), fullPage: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // an earlier test may have switched this user to English: the steps below read Chinese
    assert.equal((await page.request.patch('/api/v1/me', { headers: sameOriginHeaders(baseURL), data: { locale: 'zh-CN' } })).status(), 200);
    const tag = Date.now().toString(36).slice(-4);
    const good = `导入客户${tag}`;
    const phone = `137${String(Date.now()).slice(-8)}`;
    const file = await workbook([
      ['姓名', '电话', '地址', '季度', '季度收入(ARPU)'],
      [good, phone, '杭州市西湖区文三路 1 号', '2026Q1', 1200],
      [`坏行${tag}`, '12345', null, '2026Q9', null],
    ]);

    // 1. a dry run: counts and the bad row, nothing written
    await page.goto('/customers');
    await page.getByTestId('customer-import').click();
    const drawer = page.getByTestId('import-drawer');
    await drawer.waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: `客户${tag}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByTestId('import-file-name').filter({ hasText: `客户${tag}.xlsx` }).waitFor();
    assert.equal(await page.getByTestId('import-dry-run').getAttribute('aria-checked'), 'true');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-progress-text').filter({ hasText: '校验完成(试运行,未写入任何数据)' }).waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('import-count-created').innerText(), /将新建\s*1/);
    assert.match(await page.getByTestId('import-count-errorRows').innerText(), /1/);
    const table = page.getByTestId('import-error-table');
    await table.filter({ hasText: '电话号码「12345」无效' }).waitFor();
    assert.match(await table.innerText(), /3[\s\S]*电话[\s\S]*12345/);
    await table.filter({ hasText: '「2026Q9」不是有效季度' }).waitFor();
    await shot('1-dry-run.png');
    const before = await page.request.get(`/api/v1/customers?q=${encodeURIComponent(good)}`);
    assert.equal(((await before.json()) as { items: unknown[] }).items.length, 0, 'a dry run writes nothing');

    // 2. for real: the progress runs to the end, the good row is in the archive
    await page.getByTestId('import-for-real').click();
    await page.getByTestId('import-progress-text').filter({ hasText: '导入完成' }).waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('import-count-created').innerText(), /新建\s*1/);
    await page.locator('[data-testid="import-progress"].ant-progress-status-success').waitFor();
    await table.filter({ hasText: '电话号码「12345」无效' }).waitFor();
    await page.getByTestId('import-download-errors').waitFor();
    await shot('2-imported.png');
    const after = await page.request.get(`/api/v1/customers?q=${encodeURIComponent(good)}`);
    const found = (await after.json()) as { items: { name: string; phone: string }[] };
    assert.deepEqual(found.items.map((c) => [c.name, c.phone]), [[good, phone]]);

    // 3. the list's export downloads a workbook of what the filter finds
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('customer-list-search').locator('input').fill(good);
    await page.getByTestId('customer-list-search').locator('input').press('Enter');
    await page.locator('tr').filter({ hasText: good }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('customer-export').click()]);
    assert.match(download.suggestedFilename(), /^客户-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile((await download.path())!);
    assert.deepEqual((exported.worksheets[0].getRow(2).values as unknown[]).slice(1, 3), [good, phone]);
    assert.equal(exported.worksheets[0].rowCount, 2);
    await page.getByTestId('customer-import').click();

    // 4. at phone width the drawer takes the screen and nothing scrolls sideways
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => window.innerWidth === 390 && document.querySelector('.ant-drawer-content-wrapper')?.getBoundingClientRect().width === 390);
    const overflow = await page.evaluate(() => {
      const body = document.querySelector('.ant-drawer-body');
      return body ? body.scrollWidth - body.clientWidth : -1;
    });
    assert.ok(overflow >= 0 && overflow <= 1, `the drawer scrolls sideways by ${overflow}px at 390 px`);
    await shot('3-phone.png');
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
}
