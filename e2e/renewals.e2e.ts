import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, sameOriginHeaders, signIn } from '../scripts/e2e/browser.ts';

// The CS manager opens the renewals board: a customer's domain expiring in
// five days shows its countdown; another customer does not renew, recorded
// with the reason and the salesperson's report back; a domain transfer is
// refused until the GM-signed certificate and the phone confirmation are
// there, then approved.

export const name = 'renewals: the board, a non-renewal, a domain transfer approved after its paperwork';

/** The day `days` from now in China time. */
function chinaDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'renewals');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await signIn(browser, baseURL, 'cs_manager');
    await page.setViewportSize({ width: 1280, height: 900 });
    const shot = (file: string) => page.screenshot({ path: path.join(dir, file), fullPage: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const headers = sameOriginHeaders(baseURL);
    // an earlier test may have switched this user to English: the steps below read Chinese
    assert.equal((await page.request.patch('/api/v1/me', { headers, data: { locale: 'zh-CN' } })).status(), 200);
    const tag = Date.now().toString(36).slice(-5);
    const customer = async (label: string) => {
      const res = await page.request.post('/api/v1/customers', { headers, data: { name: `${label}${tag}`, phone: `139${String(Date.now()).slice(-8)}` } });
      assert.equal(res.status(), 201, await res.text());
      return ((await res.json()) as { id: string }).id;
    };
    const service = async (data: object) => {
      const res = await page.request.post('/api/v1/customer-services', { headers, data: { startsAt: chinaDay(-360), ...data } });
      assert.equal(res.status(), 201, await res.text());
      return ((await res.json()) as { id: string }).id;
    };
    const expires = chinaDay(5);
    const domainName = `renew-${tag}.cn`;
    const hostingName = `托管-${tag}`;
    const transferName = `transfer-${tag}.cn`;
    await service({ customerId: await customer('星辰科技'), kind: 'domain', name: domainName, expiresAt: expires });
    await service({ customerId: await customer('海风贸易'), kind: 'hosting', name: hostingName, expiresAt: expires, price: 1800 });
    const transferService = await service({ customerId: await customer('云帆网络'), kind: 'domain', name: transferName, expiresAt: chinaDay(200) });
    const opened = await page.request.post(`/api/v1/customer-services/${transferService}/transfer-requests`, { headers, data: { receivingParty: '新服务商账号' } });
    assert.equal(opened.status(), 201, await opened.text());

    // 1. the board of the month: the domain with its countdown, nobody owning it
    await page.goto(`/renewals?month=${expires.slice(0, 7)}`);
    const table = page.getByTestId('renewals-table');
    const domainRow = table.locator('tr').filter({ hasText: domainName });
    await domainRow.waitFor();
    assert.match(await domainRow.innerText(), /还剩 5 天[\s\S]*无人负责/);
    await shot('1-board.png');

    // 2. the hosting customer does not renew: reason and report back are required
    const hostingRow = table.locator('tr').filter({ hasText: hostingName });
    await hostingRow.getByTestId('service-not-renew').click();
    await page.getByTestId('not-renew-save').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('not-renew-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '价格原因' }).click();
    await page.getByTestId('not-renew-reason').fill('预算削减,明年改用自建服务器');
    await page.getByTestId('not-renew-report').fill('已报八折优惠,客户仍决定不续');
    await page.getByTestId('not-renew-save').click();
    await hostingRow.filter({ hasText: '未续费' }).waitFor();
    await page.getByRole('tab', { name: '未续费记录' }).click();
    await page.getByTestId('non-renewals-table').locator('tr').filter({ hasText: '预算削减,明年改用自建服务器' }).filter({ hasText: '已报八折优惠' }).waitFor();
    await shot('2-non-renewal.png');

    // 3. the transfer: refused without paperwork, then certificate, call, approval
    await page.getByRole('tab', { name: '转出申请' }).click();
    const transferRow = page.getByTestId('transfers-table').locator('tr').filter({ hasText: transferName });
    await transferRow.waitFor();
    await transferRow.getByTestId('transfer-approve').click();
    await page.getByTestId('transfer-approve-ok').click();
    await page.locator('.ant-message, .ant-notification').filter({ hasText: '转出申请还不能批准' }).first().waitFor();
    await transferRow.locator('input[type=file]').setInputFiles({ name: '转出证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 signed by the GM') });
    await transferRow.getByTestId('transfer-certificate-link').filter({ hasText: '转出证明.pdf' }).waitFor();
    await transferRow.getByTestId('transfer-record-phone').click();
    await page.getByTestId('phone-number').fill('13900008888');
    await page.getByTestId('phone-save').click();
    await transferRow.getByTestId('transfer-phone').filter({ hasText: '客户确认转出' }).waitFor();
    await transferRow.getByTestId('transfer-status').filter({ hasText: '材料齐全' }).waitFor();
    await transferRow.getByTestId('transfer-approve').click();
    await page.getByTestId('transfer-approve-ok').click();
    await transferRow.getByTestId('transfer-status').filter({ hasText: '已批准' }).waitFor();
    await shot('3-transfer.png');
    const after = await page.request.get(`/api/v1/customer-services/${transferService}`);
    assert.equal(((await after.json()) as { status: string }).status, 'transferred');
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
}
