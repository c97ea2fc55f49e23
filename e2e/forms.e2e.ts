import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, sameOriginHeaders } from '../scripts/e2e/browser.ts';
import { layoutProblems } from '../scripts/e2e/layout-checks.ts';

// The CS manager edits the inquiry form on a phone, in English: adds a
// section shown only when the caller is not a potential order, adds two
// fields and reorders them, is told in English what is missing, previews the
// condition and publishes version n+1. A work order filled on version n keeps
// version n.

export const name = 'forms: a manager adds a conditional section on a phone and publishes a new version';

/** Picks an option of an antd Select by its visible text. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  // keys unique to this run, so it can run again against the same server (KEFU_E2E_BASE_URL)
  const run = Date.now().toString(36);
  const Run = run[0].toUpperCase() + run.slice(1);
  const [sectionKey, reasonKey, dateKey] = [`notNow${Run}`, `reasonForWaiting${Run}`, `callAgainOn${Run}`];
  const dir = path.join(screenshotDir, 'forms');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  const ctx = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  ctx.setDefaultTimeout(20_000);
  await ctx.addInitScript(() => localStorage.setItem('kefu.locale', 'en-US'));
  const page = await ctx.newPage();
  const shot = (file: string) => page.screenshot({ path: path.join(dir, file), fullPage: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const noOverflow = async (where: string) => {
    const problems = await layoutProblems(page, { desktop: false });
    assert.deepEqual(problems, [], `${where} fits the phone`);
  };
  try {
    const login = await page.request.post('/api/v1/auth/login', { headers: sameOriginHeaders(baseURL), data: { username: 'cs_manager', password: 'kefu-demo' } });
    assert.equal(login.status(), 200, await login.text());
    const before = (await (await page.request.get('/api/v1/forms/inquiry')).json()) as { version: number };
    const created = await page.request.post('/api/v1/tickets', { headers: sameOriginHeaders(baseURL), data: {
      type: 'inquiry', channel: 'phone', customer: { name: '表单版本客户', phone: '13899990077' },
      fields: { topics: ['price'], conversation: '问价格', potentialOrder: false },
    } });
    assert.equal(created.status(), 201, await created.text());
    const ticket = (await created.json()) as { id: string; formVersion: number };
    assert.equal(ticket.formVersion, before.version);

    // 1. the inquiry form, then the editor
    await page.goto('/settings/forms');
    await page.getByTestId('form-tab-inquiry').click();
    await page.getByTestId('form-edit-inquiry').click();
    await page.getByTestId('form-editor').waitFor();

    // 2. a new section, shown when "Potential order" is No
    await page.getByTestId('form-add-section').click();
    const si = (await page.locator('[data-testid^="edit-section-"]').count()) - 1;
    await page.getByTestId(`section-${si}-title-zh`).fill('暂不订购');
    await page.getByTestId(`section-${si}-title-en`).fill('Not ordering yet');
    await page.getByTestId(`section-${si}-key`).fill(sectionKey);
    await choose(page, `section-${si}-condition-field`, 'When Potential order');
    await choose(page, `section-${si}-condition-values`, 'No');
    await page.keyboard.press('Escape');

    // 3. a field without labels: publishing says what is missing, in English
    await page.getByTestId(`section-${si}-add-field`).click();
    await page.getByTestId('field-label-zh').waitFor();
    await noOverflow('the field drawer');
    await page.getByTestId('field-done').click();
    await page.getByTestId('field-done').waitFor({ state: 'hidden' });
    await page.getByTestId('form-publish').click();
    const issues = page.getByTestId('form-issues');
    await issues.waitFor();
    assert.match(await issues.innerText(), /Field "newField" in "Not ordering yet" has no Chinese label/);
    await shot('1-issues.png');

    // 4. fill it in (the key follows the English label), add a second one, move it up
    await page.getByTestId('field-row-newField').getByTestId('field-edit').click();
    await page.getByTestId('field-label-zh').fill('暂不订购原因');
    await page.getByTestId('field-label-en').fill(`Reason for waiting ${run}`);
    assert.equal(await page.getByTestId('field-key').inputValue(), reasonKey, 'the key follows the English label');
    await page.getByTestId('field-done').click();
    await page.getByTestId(`section-${si}-add-field`).click();
    await page.getByTestId('field-label-zh').fill('再次回访日期');
    await page.getByTestId('field-label-en').fill(`Call again on ${run}`);
    await choose(page, 'field-type', 'Date');
    await page.getByTestId('field-done').click();
    await page.getByTestId(`field-row-${dateKey}`).getByTestId('field-up').click();
    const order = await page.locator(`[data-testid="edit-section-${si}"] [data-testid^="field-row-"]`).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-testid')),
    );
    assert.deepEqual(order, [`field-row-${dateKey}`, `field-row-${reasonKey}`]);
    await page.getByTestId('form-issues').waitFor({ state: 'detached' }).catch(() => {}); // shown again only on the next try
    await noOverflow('the form editor');
    await shot('2-editor.png');

    // 5. the preview shows the new section only when the caller is not a potential order
    await page.getByTestId('form-mode-preview').click();
    const preview = page.getByTestId('form-preview');
    await preview.waitFor();
    assert.equal(await preview.getByTestId(`section-${sectionKey}`).count(), 0);
    await preview.getByTestId('field-potentialOrder').getByText('No', { exact: true }).click();
    await preview.getByTestId(`section-${sectionKey}`).waitFor();
    await preview.getByTestId(`field-${reasonKey}`).waitFor();
    await noOverflow('the preview');
    await shot('3-preview.png');

    // 6. publish: version n+1, and the earlier work order keeps version n
    const put = page.waitForResponse((r) => r.url().endsWith('/api/v1/forms/inquiry') && r.request().method() === 'PUT');
    await page.getByTestId('form-publish').click();
    const res = await put;
    assert.equal(res.status(), 200, await res.text());
    await page.getByTestId('form-edit-inquiry').waitFor();
    const after = (await (await page.request.get('/api/v1/forms/inquiry')).json()) as {
      version: number;
      definition: { sections: { key: string; when?: unknown; fields: { key: string }[] }[] };
    };
    assert.equal(after.version, before.version + 1);
    const section = after.definition.sections.find((s) => s.key === sectionKey);
    assert.deepEqual(section?.when, { field: 'potentialOrder', in: [false] });
    assert.deepEqual(section?.fields.map((f) => f.key), [dateKey, reasonKey]);
    const kept = (await (await page.request.get(`/api/v1/tickets/${ticket.id}`)).json()) as { formVersion: number };
    assert.equal(kept.formVersion, before.version, 'the work order keeps the version it was filled on');
    await shot('4-published.png');

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (e) {
    await shot('failure.png').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}
