import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, newConsoleContext } from '../scripts/e2e/browser.ts';

// The hotline operator's main path, driven by the keyboard where an operator
// would use it: new call -> new customer -> complaint (product quality) ->
// Ctrl+Enter -> find the work order in the list by its batch number.

export const name = 'workbench: record a product-quality complaint and find it in the list';

const field = (page: Page, key: string) => page.getByTestId(`field-${key}`);

/** Antd Select with search: type to filter, Enter picks the highlighted option. */
async function choose(page: Page, key: string, text: string) {
  const input = field(page, key).locator('input');
  await input.click();
  await input.fill(text);
  // the filtered list highlights the match (an earlier dropdown may still be fading out)
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${text}"]`).first().waitFor();
  await input.press('Enter');
  await field(page, key).locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: text }).first().waitFor();
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(screenshotDir, file) });
  const browser = await launchBrowser();
  const ctx = await newConsoleContext(browser, baseURL);
  const page = await ctx.newPage();
  try {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // 1. sign in as the hotline operator; the workbench is the first screen
    await page.goto('/login');
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill('kefu-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workbench');
    await page.getByTestId('workbench').waitFor();
    assert.match(await page.getByTestId('current-user').innerText(), /王丽/);
    await shot(page, '01-workbench-empty.png');

    // 2. F2 = 新来电 (new call); focus lands on the caller number
    assert.match(await page.getByTestId('new-call').innerText(), /新来电/);
    await page.keyboard.press('F2');
    await page.getByTestId('call-status').waitFor();
    const caller = page.getByTestId('caller-input');
    await expectFocused(page, 'caller-input');
    const phone = `139${String(Date.now()).slice(-8)}`;
    await page.keyboard.type(phone);
    const interactionPosted = page.waitForResponse((r) => r.url().endsWith('/api/v1/interactions') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    const interaction = await interactionPosted;
    assert.equal(interaction.status(), 201, 'the call is recorded once the number is entered');
    const interactionId = ((await interaction.json()) as { id: string }).id;
    await page.getByTestId('customer-results').getByText('没有匹配的客户').waitFor();
    assert.equal(await caller.inputValue(), phone);

    // 3. Alt+C opens the new-customer form with the caller's number filled in
    await page.keyboard.press('Alt+C');
    const nameInput = page.getByTestId('new-customer-name');
    await nameInput.waitFor();
    assert.equal(await page.getByTestId('new-customer-phone').inputValue(), phone);
    const customerName = `测试客户${phone.slice(-4)}`;
    await nameInput.fill(customerName);
    await page.getByTestId('new-customer-address').fill('北京市朝阳区望京街 8 号');
    await page.getByTestId('new-customer-save').click();
    await page.getByTestId('picked-customer-name').getByText(customerName).waitFor();

    // 4. Alt+2 = complaint; the product-quality section appears with its category
    await page.keyboard.press('Alt+2');
    await field(page, 'target').waitFor();
    assert.equal(await page.getByTestId('section-productQuality').count(), 0, 'conditional section hidden at first');
    await field(page, 'target').locator('input').fill('纯牛奶 250ml');
    await field(page, 'reason').locator('textarea').fill('开盒后有明显酸味,孩子喝了一口就吐了');
    await choose(page, 'validity', '理由充分');
    await choose(page, 'category', '服务质量问题');
    await page.getByTestId('section-serviceQuality').waitFor();
    await field(page, 'staffName').locator('input').fill('赵师傅'); // typed, then the section is hidden again
    await choose(page, 'category', '产品质量问题');
    await page.getByTestId('section-productQuality').waitFor();
    assert.equal(await page.getByTestId('section-serviceQuality').count(), 0, 'service section hidden again');
    await choose(page, 'symptom', '异味');
    const batch = `B20261126-7`;
    await field(page, 'batchNumber').locator('input').fill(batch);
    const date = field(page, 'productionDate').locator('input');
    await date.click();
    await date.fill('2026-11-20');
    await date.press('Enter');
    await field(page, 'purchasePlace').locator('input').fill('望京华联超市');
    assert.equal(await date.inputValue(), '2026-11-20');
    // Tab goes field to field: the clear (×) buttons of filled selects and dates are not tab stops
    assert.equal(
      await page.locator('[data-testid^="field-"] :is(.ant-select-clear, .ant-picker-clear):not([tabindex="-1"])').count(),
      0,
      'clear buttons are out of the tab order',
    );
    // a digit typed while a button has focus is not a type shortcut
    await page.getByTestId('save-ticket').focus();
    await page.keyboard.press('1');
    assert.equal(await page.getByTestId('section-productQuality').count(), 1, 'the complaint stays the chosen type');
    await shot(page, '02-complaint-filled.png');

    // 5. a reload loses nothing: the draft comes back from localStorage
    await page.reload();
    await field(page, 'batchNumber').waitFor();
    assert.equal(await field(page, 'batchNumber').locator('input').inputValue(), batch);
    assert.equal(await field(page, 'productionDate').locator('input').inputValue(), '2026-11-20');
    await page.getByTestId('picked-customer-name').getByText(customerName).waitFor();
    assert.equal(await page.getByTestId('caller-input').inputValue(), phone);

    // 6. Ctrl+Enter saves; the number is shown and the form is clear for the next one
    await field(page, 'target').locator('input').focus();
    const ticketPosted = page.waitForRequest((r) => r.url().endsWith('/api/v1/tickets') && r.method() === 'POST');
    await page.keyboard.press('Control+Enter');
    const sent = (await ticketPosted).postDataJSON() as { interactionId?: string; customer: object; fields: Record<string, unknown> };
    assert.equal(sent.interactionId, interactionId, 'the work order is linked to the call');
    assert.equal(sent.fields.batchNumber, batch);
    assert.equal(sent.fields.productionDate, '2026-11-20');
    assert.equal('staffName' in sent.fields, false, 'values of hidden sections are not submitted');
    assert.ok('id' in sent.customer, 'the customer created during the call is referenced by id');
    const numberLink = page.getByTestId('ticket-number');
    await numberLink.waitFor();
    const number = (await numberLink.innerText()).trim();
    assert.match(number, /^GD\d{8}-\d{4}$/, `work order number: ${number}`);
    assert.equal(await field(page, 'target').locator('input').inputValue(), '', 'form cleared after save');
    assert.equal(await page.getByTestId('section-productQuality').count(), 0);
    await page.getByTestId('picked-customer-name').getByText(customerName).waitFor(); // the call keeps its customer
    await shot(page, '03-saved.png');

    // 7. the work-order list finds it by batch number and by number
    await page.getByTestId('side-menu').getByText('工单', { exact: true }).click();
    await page.getByTestId('ticket-table').waitFor();
    // the rules routed the complaint to the QC manager as it was saved: it is not in "mine", so make sure "all" took
    for (let i = 0; i < 5 && !page.url().includes('view=all'); i++) {
      await page.getByTestId('view-all').click();
      await page.waitForURL(/view=all/, { timeout: 2_000 }).catch(() => {});
    }
    assert.match(page.url(), /view=all/, 'the list shows all work orders in scope');
    const search = page.getByTestId('ticket-search').locator('input');
    const rows = page.getByTestId('ticket-row-number');
    const row = rows.filter({ hasText: number });
    for (const q of [batch, number]) {
      // the answer of the "all" view: an earlier request of "mine" may still be on its way
      const listed = page.waitForResponse((r) => {
        if (!r.url().includes('/api/v1/tickets?')) return false;
        const p = new URL(r.url()).searchParams;
        return p.get('q') === q && p.get('view') === 'all';
      });
      await search.fill(q);
      await search.press('Enter');
      const res = await listed;
      const body = (await res.json()) as { items: { number: string }[] };
      assert.ok(body.items.some((i) => i.number === number), `search "${q}" returns ${number} (${res.url()}: ${body.items.map((i) => i.number).join(', ')})`);
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="ticket-row-number"]').length === n,
        body.items.length,
      );
      await row.waitFor();
      if (q === batch) await shot(page, '04-list-by-batch.png');
    }
    assert.match(page.url(), new RegExp(`q=${number}`), 'filters are kept in the URL');
    assert.equal(await rows.count(), 1, 'search by number finds exactly one');

    // 8. the detail page shows the saved fields
    await row.click();
    await page.getByTestId('ticket-detail-number').getByText(number).waitFor();
    await field(page, 'batchNumber').getByText(batch).waitFor();
    await field(page, 'productionDate').getByText('2026-11-20').waitFor();
    // the dairy template's routing rules ran on it: the timeline names the rule (they run within a second or so)
    for (let i = 0; i < 10 && !(await page.getByTestId('timeline-rule').count()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByTestId('timeline').waitFor();
    }
    assert.match(await page.getByTestId('timeline-rule').first().innerText(), /规则「产品质量投诉/);
    await shot(page, '05-detail.png');

    // 9. signing out removes the draft (it holds the caller's phone and address)
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys.filter((k) => k.startsWith('kefu.workbench.')), [], 'no workbench draft left after sign-out');

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (e) {
    await shot(page, 'failure.png').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function expectFocused(page: Page, testId: string) {
  await page.waitForFunction(
    (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null || document.activeElement?.getAttribute('data-testid') === id,
    testId,
  );
}
