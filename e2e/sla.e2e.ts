import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Page } from 'playwright-core';
import { launchBrowser, newConsoleContext, sameOriginHeaders } from '../scripts/e2e/browser.ts';

let baseUrl = '';

// SLA as a supervisor and an administrator see it: a policy with a clock of a
// few seconds on the 7x24 calendar, a repair work order that breaches it, the
// clocks on the detail page, the list column, the supervisor page updating
// live, the calendar editor rejecting overlapping hours, the policy editor.

export const name = 'sla: clocks on the work order, live supervisor queues, calendar and policy editors';

const api = async <T>(req: APIRequestContext, method: 'get' | 'post' | 'delete', url: string, data?: unknown): Promise<T> => {
  const headers = sameOriginHeaders(baseUrl);
  const res = await req[method](`/api/v1${url}`, data === undefined ? { headers } : { data, headers });
  assert.ok(res.ok(), `${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
};

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  baseUrl = baseURL;
  mkdirSync(screenshotDir, { recursive: true });
  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(screenshotDir, file) });
  const browser = await launchBrowser();
  const ctx = await newConsoleContext(browser, baseURL);
  // Chinese whatever language admin last chose (the assertions read the words)
  await ctx.addInitScript(() => localStorage.setItem('kefu.locale', 'zh-CN'));
  const page = await ctx.newPage();
  let policy: { id: string } | null = null;
  try {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('kefu-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    // a policy first in line: repairs get a 6-second first response, a 30-minute resolution
    const req = page.request;
    const calendars = await api<{ items: { id: string; spec: { alwaysOpen?: boolean } }[] }>(req, 'get', '/calendars');
    const allDay = calendars.items.find((c) => c.spec.alwaysOpen);
    assert.ok(allDay, 'the demo data has a 7x24 calendar');
    policy = await api<{ id: string }>(req, 'post', '/sla-policies', {
      name: 'E2E 报修快速时限',
      enabled: true,
      position: 0,
      conditions: [{ field: 'type', op: 'eq', value: 'repair' }],
      targets: [
        { kind: 'first_response', minutes: 0.1, warnAtPercent: 50 },
        { kind: 'resolution', minutes: 30, warnAtPercent: 80 },
      ],
      calendarId: allDay.id,
    });
    const someone = await api<{ items: { customerId: string }[] }>(req, 'get', '/tickets?view=all&limit=1');
    const ticket = await api<{ id: string; number: string }>(req, 'post', '/tickets', {
      type: 'repair',
      channel: 'phone',
      customer: { id: someone.items[0].customerId },
      fields: { content: 'E2E 楼道灯不亮', repairCategory: 'electric', preferredTime: '下午' },
    });

    // 1. the detail page: both clocks with kind and policy; the first response counts down and turns red
    await page.goto(`/tickets/${ticket.id}`);
    let clocks = page.getByTestId('sla-clock');
    for (let i = 0; i < 20 && (await clocks.count()) < 2; i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByTestId('ticket-detail').waitFor();
      clocks = page.getByTestId('sla-clock');
    }
    assert.equal(await clocks.count(), 2, 'two clocks started by the policy');
    const first = page.locator('[data-testid="sla-clock"][data-kind="first_response"]');
    const resolution = page.locator('[data-testid="sla-clock"][data-kind="resolution"]');
    assert.match(await first.innerText(), /首次响应/);
    assert.match(await first.innerText(), /E2E 报修快速时限/);
    assert.match(await resolution.innerText(), /解决时限[\s\S]*剩余 (29|30)分/);
    assert.equal(await resolution.getAttribute('data-tone'), 'ok', 'resolution is green');
    await page.locator('[data-testid="sla-clock"][data-kind="first_response"][data-tone="late"]').waitFor({ timeout: 20_000 });
    assert.match(await first.innerText(), /超时 \d+分\d{2}秒/);
    await shot(page, '06-detail-sla.png');

    // 2. the list column: time left to the nearest unmet deadline, red once breached
    await page.goto(`/tickets?view=all&q=${ticket.number}`);
    const cell = page.getByTestId('sla-cell').first();
    await cell.waitFor();
    for (let i = 0; i < 20 && (await cell.getAttribute('data-tone')) !== 'late'; i++) {
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: '刷新' }).click();
    }
    assert.equal(await cell.getAttribute('data-tone'), 'late');
    assert.match(await cell.innerText(), /超时/);
    await page.goto('/tickets?view=all');
    await page.getByTestId('sla-cell').first().waitFor();
    await shot(page, '07-list-sla.png');

    // 3. the supervisor page: wallboard numbers, the breached queue links to the work order
    await page.goto('/supervisor');
    await page.getByTestId('wallboard').waitFor();
    await page.getByTestId('wb-live').getByText('实时').waitFor();
    await page.getByTestId('tab-breached').click();
    const queue = page.getByTestId('sla-queue-breached');
    await queue.getByTestId('queue-ticket').filter({ hasText: ticket.number }).waitFor({ timeout: 20_000 });
    assert.ok(Number(await page.getByTestId('wb-breached').locator('.ant-statistic-content-value').innerText()) >= 1);
    assert.match(await queue.getByTestId('sla-countdown').first().innerText(), /超时/);
    await page.getByTestId('tab-at-risk').click();
    await page.getByTestId('sla-queue-at_risk').waitFor();
    await page.getByTestId('tab-breached').click();
    await shot(page, '08-supervisor.png');
    await page.getByTestId('tab-escalations').click();
    await page.getByTestId('escalations-table').locator('tbody tr').first().waitFor();

    // 4. the calendar editor: provisional days flagged; overlapping hours come back from the server
    await page.goto('/settings/calendars');
    await page.getByTestId('calendar-row-name').first().waitFor();
    await page.getByTestId('calendar-edit').first().click();
    const editor = page.getByTestId('calendar-editor');
    await editor.getByTestId('weekday-1').waitFor();
    const provisional = editor.getByTestId('provisional-alert');
    if (await provisional.count()) {
      const show = provisional.getByRole('button');
      if (await show.count()) await show.click();
      await editor.getByTestId('provisional-tag').first().waitFor();
    }
    await editor.getByTestId('weekday-1').getByTestId('interval-end').first().fill('13:30');
    const rejected = page.waitForResponse((r) => r.url().includes('/api/v1/calendars/') && r.request().method() === 'PUT');
    await editor.getByTestId('calendar-save').click();
    assert.equal((await rejected).status(), 422);
    await editor.getByTestId('calendar-errors').getByText(/overlap/).waitFor();
    await editor.getByTestId('weekday-1').getByText(/overlap/).waitFor();
    await shot(page, '09-calendar-editor.png');
    await editor.getByRole('button', { name: '取消' }).click();

    // 5. the policy editor: the rule editor's condition builder and the targets
    await page.goto('/settings/sla-policies');
    const row = page.locator(`tr[data-row-key="${policy.id}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /首次响应 0\.1 工作分钟 · 50% 预警/);
    await row.getByTestId('policy-edit').click();
    const pe = page.getByTestId('policy-editor');
    await pe.getByTestId('rule-condition').first().waitFor();
    assert.equal(await pe.getByTestId('policy-target').count(), 2);
    await shot(page, '10-policy-editor.png');
    await pe.getByRole('button', { name: '取消' }).click();

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (e) {
    await shot(page, 'failure-sla.png').catch(() => {});
    throw e;
  } finally {
    // the policy would catch every later repair (also when the tests run against a shared server)
    if (policy) await page.request.delete(`/api/v1/sla-policies/${policy.id}`, { headers: sameOriginHeaders(baseURL) }).catch(() => {});
    await browser.close();
  }
}
