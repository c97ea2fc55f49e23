import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, sameOriginHeaders, signIn } from '../scripts/e2e/browser.ts';

// The CS manager adds a chat channel for a new shop in the console: its team,
// a required name and phone before the chat, a greeting, a 3-point rating;
// the table gives the one-line snippet for the shop's site, and the public
// API serves the new channel's settings to the widget.

export const name = 'channels: a manager adds a chat channel and gets its snippet';

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'channels');
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await signIn(browser, baseURL, 'cs_manager');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // an earlier test may have switched this user to English: the steps below read Chinese
    assert.equal((await page.request.patch('/api/v1/me', { headers: sameOriginHeaders(baseURL), data: { locale: 'zh-CN' } })).status(), 200);
    const key = `shop-${Date.now().toString(36)}`;
    await page.goto('/settings/chat-channels');
    await page.getByTestId('channel-new').click();
    await page.getByTestId('channel-name').fill('天猫旗舰店');
    await page.getByTestId('channel-key').fill(key);
    const form = page.getByTestId('channel-form');
    await form.getByText('先请访客填写信息').click();
    await form.getByText('必须填写姓名').click();
    await form.getByText('必须填写电话或邮箱').click();
    await page.getByTestId('channel-greeting').fill('您好,欢迎光临天猫旗舰店!');
    await form.getByText('3 级').click();
    await page.screenshot({ path: path.join(dir, '1-new-channel.png'), fullPage: true });
    await page.getByTestId('channel-save').click();
    const row = page.locator('tr').filter({ hasText: key });
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const snippet = await page.getByTestId('channel-snippet').filter({ hasText: key }).innerText();
    assert.equal(snippet, `<script src="${baseURL}/widget.js" data-channel="${key}" async></script>`);
    await page.screenshot({ path: path.join(dir, '2-snippet.png'), fullPage: true });
    const pub = await page.request.get(`/api/v1/public/chat/channels/${key}`);
    assert.equal(pub.status(), 200, await pub.text());
    const body = (await pub.json()) as Record<string, any>;
    assert.equal(JSON.stringify(body).includes('您好,欢迎光临天猫旗舰店!'), true, JSON.stringify(body));
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
}
