import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { launchBrowser } from '../scripts/e2e/browser.ts';

// The chat widget on a shop's page of ANOTHER site (its own origin, here a
// tiny http server on another port and host name), embedded with the one
// line a shop pastes. The customer chats in the browser; the agent (operator
// 王丽) works over the API: takes the chat, types, replies, marks it read.
// The conversation survives a reload; two messages written offline arrive
// once each and in order; a photo the customer picks reaches the agent; the
// resolved chat is rated. Then the same on a
// phone (390 px), on a channel whose pre-chat form requires name and contact.

export const name = 'widget: a shop page on another site chats with an agent — pre-chat, live reply, read, reload, offline queue, rating (desktop and phone)';

const PASSWORD = 'kefu-demo';
// a 64×48 orange PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAAYUlEQVR4nO3PQQkAMAzAwPpnnlcRexyDQARc5p75Oi9oQAsa0IIGtKABLWhACxrQgga0oAEtaEALGtCCBrSgAS1oQAsa0IIGtKABLWhACxrQgga0oAEtaEALGtCCBrTgsQUbTIUPkjfdwwAAAABJRU5ErkJggg==', 'base64');

/** polls `check` until it answers something (API state the browser cannot wait for) */
async function until<T>(what: string, check: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Detail {
  id: string; status: string; topic: string | null; visitorName: string | null; rating: number | null; ratingComment: string | null;
  messages: { author: string; body: string; internal: boolean; attachments: { id: string; fileName: string }[] }[];
}

/** The agent's side: Node fetch with a Bearer token, as any API client. */
async function agentApi(baseURL: string, username: string) {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  assert.equal(login.status, 200, `login ${username}`);
  const { token } = (await login.json()) as { token: string };
  const call = async <T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseURL}${url}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const me = (await call<{ id: string; displayName: string }>('GET', '/api/v1/me')).body;
  return { call, me, token };
}

/** A shop on its own origin: one page (in quirks mode) with the one-line embed and CSS that would wreck a widget living in the page's DOM. */
async function startShop(kefuURL: string): Promise<{ url: (channel: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const channel = new URL(req.url ?? '/', 'http://x').searchParams.get('channel') ?? 'website';
    res.writeHead(req.url?.startsWith('/shop') ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    // no doctype: quirks mode, as on many small shops' pages
    res.end(`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>鲜奶小铺</title>
<style>
  body { margin: 0; font: 16px serif; background: #fafafa; }
  * { color: #c00 !important; font-family: serif !important; }
  div { display: inline !important; padding: 40px !important; }
  button { background: #f0f !important; border-radius: 0 !important; width: 10px !important; }
  textarea, input { border: 5px dotted #0a0 !important; }
  header { padding: 24px; background: #fff3e0; }
</style></head>
<body><header><h1>鲜奶小铺</h1><p>本地牧场鲜牛奶,每天早上送到家。</p></header>
<main style="padding:24px"><h2>巴氏鲜牛奶 950ml</h2><p>¥15.80 / 瓶 · 满 3 瓶包邮</p><button type="button">立即购买</button></main>
<script src="${kefuURL}/widget.js" data-channel="${channel}" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  // another host name as well as another port: a different site, not only a different origin
  const host = new URL(kefuURL).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return {
    url: (channel) => `http://${host}:${port}/shop?channel=${channel}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Run {
  browser: Browser; baseURL: string; shopURL: string; dir: string; label: string;
  viewport: { width: number; height: number }; requireFields: boolean; visitor: string; alsoEndChat: boolean;
}

async function chat(r: Run): Promise<void> {
  const { call, me, token } = await agentApi(r.baseURL, 'operator');
  const ctx = await r.browser.newContext({ viewport: r.viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  ctx.setDefaultTimeout(15_000);
  // the widget's live connection passes through here, so the test can cut it
  const sockets: WebSocketRoute[] = [];
  let refuse = false;
  await ctx.routeWebSocket(/\/api\/v1\/public\/chat\/live$/, (ws) => {
    if (refuse) return ws.close({ code: 1011, reason: 'refused by the test' });
    ws.connectToServer();
    sockets.push(ws);
  });
  const page = await ctx.newPage();
  const shot = (file: string) => page.screenshot({ path: path.join(r.dir, `${r.label}-${file}`) });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  let offline = false;
  page.on('console', (m) => {
    // while the context is offline, the browser reports the failed requests: expected
    if (m.type() === 'error' && !offline && !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  /** the element focused inside the widget's shadow root */
  const focused = () => page.evaluate(() => {
    const el = document.querySelector('kefu-chat')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return el ? (el.getAttribute('aria-label') ?? el.id ?? el.tagName) : null;
  });
  const launcher = page.getByRole('button', { name: /^打开在线客服/ });
  const composer = page.getByRole('textbox', { name: '消息' });
  const sending = page.getByText('发送中', { exact: true });
  const readMarks = page.getByText('已读', { exact: true });
  const say = async (text: string) => {
    await composer.fill(text);
    await composer.press('Enter');
  };

  try {
    // 1. the shop's page, on another site, with the widget's button
    await page.goto(r.shopURL);
    assert.notEqual(new URL(page.url()).origin, new URL(r.baseURL).origin, 'the shop is another origin than Kefu');
    await launcher.waitFor();
    // the page's CSS (magenta buttons, red text, inline divs) does not reach into the Shadow DOM
    const look = await launcher.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, width: el.getBoundingClientRect().width }));
    assert.deepEqual(look, { bg: 'rgb(22, 119, 255)', width: 56 }, 'the launcher keeps its own look on a hostile page');
    await shot('1-shop.png');

    // 2. the pre-chat form
    await launcher.click();
    const name = page.getByLabel(/您的称呼/);
    await name.waitFor();
    if (r.requireFields) {
      await page.getByRole('button', { name: '开始咨询' }).click();
      await page.getByText('请填写此项').first().waitFor();
      assert.equal(await page.getByText('请填写此项').count(), 2, 'name and contact are required');
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      assert.equal(await focused(), 'k-name', 'the first field to fix has the focus');
      await shot('2-prechat-required.png');
    }
    await name.fill(r.visitor);
    await page.getByLabel(/手机号或邮箱/).fill('zhang@');
    await page.getByRole('button', { name: '开始咨询' }).click();
    await page.getByText('请输入正确的手机号或邮箱').waitFor();
    await page.getByLabel(/手机号或邮箱/).fill('13800138000');
    await page.getByText('请输入正确的手机号或邮箱').waitFor({ state: 'detached' });
    await page.getByLabel(/咨询类型/).selectOption({ label: '售前咨询' });
    if (!r.requireFields) await shot('2-prechat.png');
    await page.getByRole('button', { name: '开始咨询' }).click();

    // 3. the first message opens the conversation; nobody is online, so the auto-reply follows (CHN-17)
    const first = '你好,我想订一个月的鲜牛奶,可以送到朝阳区吗?';
    await say(first);
    await page.getByText(first).waitFor();
    await page.getByText('自动回复', { exact: false }).waitFor();
    await sending.waitFor({ state: 'detached' });
    const queued = await until('the chat in the team queue', async () => {
      const list = await call<{ items: { id: string; visitorName: string }[] }>('GET', `/api/v1/conversations?assignee=none&q=${encodeURIComponent(r.visitor)}`);
      return list.body.items.find((c) => c.visitorName === r.visitor);
    });
    const id = queued.id;
    const detail = async () => (await call<Detail>('GET', `/api/v1/conversations/${id}`)).body;
    assert.equal((await detail()).topic, 'pre_sales');

    // 4. the agent takes it, types, replies: live in the widget, with the agent's name
    assert.equal((await call('PATCH', `/api/v1/conversations/${id}`, { assigneeId: me.id })).status, 200);
    assert.equal((await call('POST', `/api/v1/conversations/${id}/typing`)).status, 204);
    await page.getByText('客服正在输入…').waitFor();
    const reply = '您好,朝阳区可以配送,每天早上七点前送到。请问您的详细地址是?';
    assert.equal((await call('POST', `/api/v1/conversations/${id}/messages`, { body: reply })).status, 201);
    await page.getByText(reply).waitFor();
    await page.getByText('客服正在输入…').waitFor({ state: 'detached' });
    // the header names whoever answers (the API's agentName: the last agent who wrote)
    await page.getByText(`客服 ${me.displayName} 为您服务`).waitFor();
    assert.ok(await page.getByText(me.displayName, { exact: true }).isVisible(), "the agent's name is above the reply");
    await shot('3-reply.png');

    // 5. read marks: the reply means the first message was read; the next one waits for the agent's read
    const address = '朝阳区幸福路 8 号 3 单元 501,谢谢!';
    await say(address);
    await page.getByText(address).waitFor();
    await sending.waitFor({ state: 'detached' });
    assert.equal(await readMarks.count(), 1, 'only the message before the reply is read');
    assert.equal((await call('POST', `/api/v1/conversations/${id}/read`)).status, 204);
    await until('已读 on both messages', async () => (await readMarks.count()) === 2);
    await shot('4-read.png');

    // 5a. a photo of the milk box: picked in the widget, uploaded with the visitor token, shown as a thumbnail; the agent gets the same bytes
    await page.locator('kefu-chat input[type=file]').setInputFiles({ name: '奶盒.png', mimeType: 'image/png', buffer: PNG });
    const thumb = page.locator('kefu-chat .m.v:not(.p) img.thumb[alt="奶盒.png"]');
    await until('the stored photo shown', async () => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0).catch(() => false));
    const photo = await until('the photo in the inbox', async () => (await detail()).messages.find((m) => m.attachments.some((f) => f.fileName === '奶盒.png')));
    const bytes = await fetch(`${r.baseURL}/api/v1/conversations/${id}/attachments/${photo.attachments[0].id}`, { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), PNG, 'the agent gets the photo as sent');
    await shot('4a-photo.png');

    // Esc closes the panel and gives the focus back to the button; what arrives meanwhile shows on the button
    await composer.press('Escape');
    await composer.waitFor({ state: 'hidden' });
    assert.equal(await focused(), '打开在线客服');
    const more = '另外,首月订购可以免费试喝一周。';
    assert.equal((await call('POST', `/api/v1/conversations/${id}/messages`, { body: more })).status, 201);
    await page.getByRole('button', { name: '打开在线客服 (1 条新消息)' }).waitFor();
    await shot('4b-unread.png');
    await launcher.click();
    await page.getByText(more).waitFor();
    // seen: the count is gone (on a phone the button hides behind the full-screen panel)
    await page.getByRole('button', { name: '打开在线客服', exact: true, includeHidden: true }).waitFor({ state: 'attached' });

    // 6. a reload: the same conversation (kept in localStorage per channel), the panel still open
    await page.reload();
    await page.getByText(reply).waitFor();
    await page.getByText(address).waitFor();
    // the address, the first message and the photo: the agent's later message says they were read
    await until('read marks after the reload', async () => (await readMarks.count()) === 3);
    const saved = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('kefu-chat:')).map(([, v]) => JSON.parse(v).conversationId));
    assert.deepEqual(saved, [id]);
    await shot('5-reloaded.png');

    // 7. the live connection drops and cannot come back for a while: the widget says so, tries again
    // with backoff, and once through it catches up with what the agent wrote meanwhile (messages?after=)
    refuse = true;
    await sockets.at(-1)!.close({ code: 1011, reason: 'cut by the test' });
    await page.getByText('连接中断,正在重新连接…').waitFor();
    await shot('5b-reconnecting.png');
    const meanwhile = '刚才网络不好,我再确认一下:明早七点前送达。';
    assert.equal((await call('POST', `/api/v1/conversations/${id}/messages`, { body: meanwhile })).status, 201);
    const caughtUp = page.waitForRequest((req) => /\/messages\?after=/.test(req.url()));
    refuse = false;
    await page.getByText(meanwhile).waitFor();
    await caughtUp;
    await page.getByText('连接中断,正在重新连接…').waitFor({ state: 'detached' });

    // 8. offline: two messages wait in the outbox (发送中) and go out in order, once each, when back online
    offline = true;
    await ctx.setOffline(true);
    await page.getByText('网络已断开', { exact: false }).waitFor();
    const offline1 = '我刚才进电梯断网了,第一条';
    const offline2 = '第二条:请送到门口的奶箱里';
    await say(offline1);
    await say(offline2);
    await until('both waiting', async () => (await sending.count()) === 2);
    await shot('6-offline.png');
    const whileAway = '好的,已为您登记,明早开始配送。';
    assert.equal((await call('POST', `/api/v1/conversations/${id}/messages`, { body: whileAway })).status, 201);
    await ctx.setOffline(false);
    offline = false;
    await sending.first().waitFor({ state: 'detached' });
    await page.getByText(whileAway).waitFor(); // pushed, or caught up after the reconnect
    const visitorSaid = (await detail()).messages.filter((m) => m.author === 'visitor' && m.body).map((m) => m.body);
    assert.deepEqual(visitorSaid, [first, address, offline1, offline2], 'each offline message arrived once, in order');
    assert.equal(await page.getByText(offline1).count(), 1);
    assert.equal(await page.getByText(offline2).count(), 1);
    await shot('7-back-online.png');

    // 9. the agent resolves it: the widget asks for a rating; 5 stars with a comment
    assert.equal((await call('PATCH', `/api/v1/conversations/${id}`, { status: 'resolved' })).status, 200);
    const five = page.getByRole('radio', { name: /^5 星/ });
    await five.waitFor();
    await page.getByText('请为本次服务评分').waitFor();
    await five.check();
    await page.getByText('非常满意', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: /还有什么想对我们说的/ }).fill('送货很准时,客服很耐心');
    await shot('8-rating.png');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价!').waitFor();
    await shot('9-thanks.png');
    const rated = await detail();
    assert.equal(rated.rating, 5);
    assert.equal(rated.ratingComment, '送货很准时,客服很耐心');

    if (r.alsoEndChat) {
      // 10. back to the chat, a new question opens it again; the visitor ends it with 结束会话 and rates it 4
      await page.getByRole('button', { name: '返回会话' }).click();
      await page.getByText('会话已结束', { exact: false }).waitFor();
      await say('还想问一下,酸奶可以一起送吗?');
      await sending.waitFor({ state: 'detached' });
      await until('open again', async () => (await detail()).status === 'open');
      await page.getByRole('button', { name: '结束会话' }).click();
      // the server marks it ended by the visitor, and the agent sees the line that says so
      await until('ended on the server', async () => { const d = await detail(); return d.status === 'resolved' && d.messages.at(-1)?.body === '访客已结束会话'; });
      await page.getByRole('radio', { name: /^4 星/ }).check();
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.getByRole('button', { name: '开始新的会话' }).click();
      assert.equal((await detail()).rating, 4);
      await composer.waitFor();
      assert.equal(await page.getByRole('button', { name: '结束会话' }).isVisible(), false, 'a new chat has nothing to end yet');
      const left = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('kefu-chat:')).map(([, v]) => JSON.parse(v).conversationId ?? null));
      assert.deepEqual(left, [null], 'the ended conversation is forgotten');
      await shot('10-new-chat.png');
    }
    assert.deepEqual(problems, [], 'no errors on the shop page');
  } finally {
    await ctx.close();
  }
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  const dir = path.join(screenshotDir, 'widget');
  mkdirSync(dir, { recursive: true });
  // names unique to this run, so it can run again against the same server (KEFU_E2E_BASE_URL)
  const run = Date.now().toString(36);
  const shop = await startShop(baseURL);
  const browser = await launchBrowser();
  try {
    // the phone run uses a channel of the same team whose form requires name and contact
    const lead = await agentApi(baseURL, 'lead');
    const channels = await lead.call<{ items: { key: string; teamId: string }[] }>('GET', '/api/v1/chat-channels');
    const website = channels.body.items.find((c) => c.key === 'website');
    assert.ok(website, 'the demo website channel');
    const strict = await lead.call('POST', '/api/v1/chat-channels', {
      key: `shop-${run}`, name: '鲜奶小铺客服', kind: 'chat', teamId: website.teamId,
      settings: {
        preChat: { enabled: true, requireName: true, requireContact: true, askTopic: true },
        greeting: '您好,欢迎光临鲜奶小铺!',
        autoReply: '您好,我是自动回复。客服暂时不在线,请留言,我们会尽快回复您。',
      },
    });
    assert.equal(strict.status, 201, JSON.stringify(strict.body));

    await chat({ browser, baseURL, shopURL: shop.url('website'), dir, label: 'desktop', viewport: { width: 1280, height: 800 }, requireFields: false, visitor: `张女士${run}`, alsoEndChat: true });
    await chat({ browser, baseURL, shopURL: shop.url(`shop-${run}`), dir, label: 'phone', viewport: { width: 390, height: 844 }, requireFields: true, visitor: `李先生${run}`, alsoEndChat: false });
  } finally {
    await browser.close();
    await shop.close();
  }
}
