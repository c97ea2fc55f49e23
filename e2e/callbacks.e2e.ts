import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, sameOriginHeaders, signIn as signInAs } from '../scripts/e2e/browser.ts';

// One complaint around the whole loop (CMP-19, CMP-21, CBK-06): the QC
// manager resolves it, the operator's callback finds the customer unsatisfied,
// the work order reopens, QC resolves it again, the second callback finds the
// customer satisfied and the work order closes — with every step on its timeline.

export const name = 'callbacks: resolution → unsatisfied callback → reopened work → satisfied callback → closed';

/** signed in (scripts/e2e/browser.ts), with the page's context for more pages */
async function signIn(browser: Browser, baseURL: string, username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const page = await signInAs(browser, baseURL, username);
  return { ctx: page.context(), page };
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(screenshotDir, file), fullPage: true });
  const browser = await launchBrowser();
  const pageErrors: string[] = [];
  try {
    const mgr = await signIn(browser, baseURL, 'cs_manager');
    // CI runs at any hour: lift the demo's rest windows so the call is not refused as quiet time
    const quiet = await mgr.page.request.put('/api/v1/quiet-hours', { data: { customerClass: null, windows: [] }, headers: sameOriginHeaders(baseURL) });
    assert.ok(quiet.ok(), `quiet hours: ${quiet.status()}`);

    const op = await signIn(browser, baseURL, 'operator');
    const qc = await signIn(browser, baseURL, 'qc_manager');
    for (const p of [op.page, qc.page, mgr.page]) p.on('pageerror', (e) => pageErrors.push(e.message));

    const created = await op.page.request.post('/api/v1/tickets', { headers: sameOriginHeaders(baseURL), data: {
      type: 'complaint', channel: 'phone', customer: { name: '回访测试客户', phone: '13899990001' },
      fields: { target: '鲜牛奶 250ml', reason: '打开后有异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'E2E-1' },
    } });
    assert.equal(created.status(), 201, await created.text());
    const ticket = (await created.json()) as { id: string; number: string; assigneeName: string };
    // the answer is the work order as saved (the operator's); the dairy rules route it to the QC manager right after
    let routedTo = ticket.assigneeName;
    for (let i = 0; i < 100 && routedTo !== '刘强'; i++) {
      await op.page.waitForTimeout(100);
      routedTo = ((await (await op.page.request.get(`/api/v1/tickets/${ticket.id}`)).json()) as { assigneeName: string }).assigneeName;
    }
    assert.equal(routedTo, '刘强', 'the dairy rules route it to the QC manager');

    const resolve = async (text: string) => {
      // the background (rules reacting to the reopening) may still be changing the work order
      // when the page loads: like a person, reload once and resolve again, saying what went wrong
      for (let attempt = 1; ; attempt++) {
        await qc.page.goto(`/tickets/${ticket.id}`);
        await qc.page.getByTestId('transition-resolved').click();
        await qc.page.getByTestId('resolution-input').fill(text);
        await qc.page.getByTestId('resolution-ok').click();
        try {
          await qc.page.getByTestId('transition-resolved').waitFor({ state: 'detached', timeout: attempt === 1 ? 10_000 : 15_000 });
          return;
        } catch (e) {
          const said = await qc.page.locator('.ant-message, .ant-notification, .ant-modal-body').allInnerTexts().catch(() => []);
          const status = ((await (await qc.page.request.get(`/api/v1/tickets/${ticket.id}`)).json()) as { status: string }).status;
          console.log(`resolve attempt ${attempt}: still not resolved (status ${status}); the page said: ${said.join(' | ') || '—'}`);
          if (status === 'resolved') return;
          if (attempt >= 2) throw e;
        }
      }
    };
    /** the operator's open callback of this work order, once the background has scheduled it */
    const openCallback = async (round: number) => {
      const row = op.page.locator('tr', { has: op.page.getByText(ticket.number) });
      for (let i = 0; i < 30; i++) {
        await op.page.goto('/callbacks');
        await op.page.getByTestId('callback-go').first().waitFor({ timeout: 10_000 }).catch(() => {});
        if ((await row.count()) && (round === 1 || (await row.getByTestId('round-tag').count()))) break;
        await op.page.waitForTimeout(500);
      }
      assert.equal(await row.count(), 1, `one open callback of ${ticket.number} in 我的回访`);
      if (round > 1) assert.match(await row.getByTestId('round-tag').innerText(), new RegExp(`${round}`));
      await row.getByTestId('callback-go').click();
      await op.page.getByTestId('callback-workspace').waitFor();
    };
    const record = async (satisfaction: 'satisfied' | 'unsatisfied', reason?: string) => {
      const w = op.page;
      await w.getByTestId('result-reached').click();
      await w.getByTestId(`satisfaction-${satisfaction}`).click();
      // a reached customer was asked the script's required questions, on a call that lasted
      const happy = satisfaction === 'satisfied';
      await w.getByTestId('answer-resolved').getByText(happy ? '是' : '否', { exact: true }).click();
      await w.getByTestId('answer-attitude').getByText(happy ? '满意' : '不满意', { exact: true }).click();
      await w.locator('input[data-testid="attempt-duration"], [data-testid="attempt-duration"] input').first().fill('75');
      if (reason) await w.getByTestId('attempt-reason').locator('textarea, input').first().fill(reason);
      await w.getByTestId('attempt-submit').click();
      await w.getByTestId('recorded-follow-up').waitFor();
      return w.getByTestId('recorded-follow-up').innerText();
    };

    // 1. resolved → a callback for the operator who took the call
    await resolve('已上门退换新鲜产品');
    await openCallback(1);
    const ws = op.page.getByTestId('callback-workspace');
    assert.match(await op.page.getByTestId('script-opening').innerText(), /回访测试客户/, 'the script names the customer');
    assert.match(await op.page.getByTestId('callback-ticket-number').innerText(), new RegExp(ticket.number));
    await shot(op.page, 'callbacks-1-workspace.png');

    // 2. unsatisfied → the work order reopens
    assert.match(await record('unsatisfied', '退换不及时,还要再跑一趟'), /重新打开/);
    await shot(op.page, 'callbacks-2-unsatisfied.png');
    await qc.page.goto(`/tickets/${ticket.id}`);
    await qc.page.getByTestId('transition-resolved').waitFor();

    // 3. resolved again → round 2 → satisfied → closed
    await resolve('已再次上门并补偿');
    await openCallback(2);
    assert.match(await record('satisfied'), /结案/);
    assert.equal(await ws.count(), 1);

    // 4. the work order is closed and its timeline tells the whole loop
    await op.page.goto(`/tickets/${ticket.id}`);
    const timeline = op.page.getByTestId('timeline');
    await timeline.waitFor();
    const text = await timeline.innerText();
    for (const step of ['安排了回访', '因回访不满意重新打开了工单', '回访满意,结案', '退换不及时']) {
      assert.ok(text.includes(step), `the timeline shows "${step}"`);
    }
    const status = await (await op.page.request.get(`/api/v1/tickets/${ticket.id}`)).json() as { status: string };
    assert.equal(status.status, 'closed');
    const card = op.page.getByTestId('ticket-callbacks');
    if (await card.count()) assert.match(await card.innerText(), /第\s*2\s*轮|2/);
    await shot(op.page, 'callbacks-3-closed-timeline.png');

    // 5. the manager's report counts them
    await mgr.page.goto('/callbacks/report');
    await mgr.page.waitForLoadState('networkidle');
    await shot(mgr.page, 'callbacks-4-report.png');

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the console pages');
  } finally {
    await browser.close();
  }
}
