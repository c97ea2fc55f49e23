import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signIn as signInAs } from '../scripts/e2e/browser.ts';
import { layoutProblems } from '../scripts/e2e/layout-checks.ts';

// The unified inbox (在线会话) with a visitor on the public chat API: the
// chat arrives live in the queue, the operator takes it and replies, the
// visitor's typing and next message show up without a reload, internal
// notes (the operator's and a colleague's, who may not reply) stay internal,
// the two agents see each other on the conversation, the team lead watches it
// live from 在线会话监控 and whispers to the agent, and a complaint work order
// is made from the chat. Desktop and 390 px screenshots.

export const name = 'inbox: a visitor chat taken from the queue, answered, noted internally and made a complaint work order';

const VISITOR = { channel: 'website', name: '访客小周', phone: '13766660001', topic: 'pre_sales', message: '你好,请问鲜奶可以送到朝阳区吗?' };
const REPLY = '您好,朝阳区可以配送,每天早上七点前送到。请问您的详细地址是?';
const SECOND = '朝阳区望京街8号,另外上次买的酸奶有点异味';
const NOTE = '客户反映酸奶异味,需建投诉工单';
const COLLEAGUE_NOTE = '这位客户上周也问过配送范围';
const WATCHED = '快递一般几天能到?';
const WHISPER = '主动告知本周满两箱包邮的活动';

interface VisitorView {
  status: string;
  agentName: string | null;
  messages: { author: string; authorName: string | null; body: string }[];
}

/** The visitor, as the widget would be: the public chat API with the token it got. */
function visitorApi(baseURL: string) {
  const call = async <T>(method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseURL}${url}`, {
      method,
      headers: { origin: 'https://shop.example', ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    async start() {
      const res = await call<{ conversationId: string; visitorToken: string }>('POST', '/api/v1/public/chat/conversations', null, VISITOR);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    },
    async view(id: string, token: string) {
      const res = await call<VisitorView>('GET', `/api/v1/public/chat/conversations/${id}`, token);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    },
    async send(id: string, token: string, body: string) {
      const res = await call('POST', `/api/v1/public/chat/conversations/${id}/messages`, token, { body, clientId: `e2e-${Date.now()}` });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    },
  };
}

/** signed in (scripts/e2e/browser.ts), with the page's context for more pages */
async function signIn(browser: Browser, baseURL: string, username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const page = await signInAs(browser, baseURL, username);
  return { ctx: page.context(), page };
}

/** Antd Select with search in the work-order form: type to filter, Enter picks the highlighted option. */
async function choose(page: Page, key: string, text: string) {
  const field = page.getByTestId(`field-${key}`);
  const input = field.locator('input');
  await input.click();
  await input.fill(text);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${text}"]`).first().waitFor();
  await input.press('Enter');
  await field.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: text }).first().waitFor();
}

export async function run({ baseURL, screenshotDir }: { baseURL: string; screenshotDir: string }): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const shot = (page: Page, file: string) => page.screenshot({ path: path.join(screenshotDir, file) });
  /** drawers slide and lists fade in: look once nothing moves */
  const still = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const visitor = visitorApi(baseURL);
  const browser = await launchBrowser();
  const pageErrors: string[] = [];
  try {
    const { page } = await signIn(browser, baseURL, 'operator');
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
    });

    // 1. the operator waits on 待接入; a visitor starts a chat and it comes in without a reload
    await page.getByTestId('side-menu').locator('a[href="/inbox"]').click();
    await page.getByTestId('inbox').waitFor();
    await page.getByTestId('queue-queue').click();
    await page.waitForURL(/queue=queue/);
    await page.getByTestId('conversation-none').waitFor();
    await page.evaluate(() => Object.assign(window, { inboxNotReloaded: true }));
    const chat = await visitor.start();
    const item = page.locator(`[data-testid="conversation-item"][data-conversation-id="${chat.conversationId}"]`);
    await item.waitFor();
    assert.match(await item.innerText(), /访客小周[\s\S]*你好,请问鲜奶可以送到朝阳区吗/);
    await page.getByTestId('side-menu').getByTestId('menu-badge-inbox').waitFor();
    // its first-response target counts down in the list; the morning check (CHN-11) offers what nobody has answered, longest waiting first
    await item.getByTestId('conversation-target').getByText(/首响 (剩余|超时)/).waitFor();
    await page.getByTestId('morning-check').waitFor();
    await shot(page, 'inbox-0-queue-morning-check.png');
    await page.getByTestId('morning-check-open').click();
    await page.waitForURL(/queue=unanswered/);
    await item.waitFor();
    assert.equal(await page.getByTestId('morning-check').count(), 0, 'done for today once opened');
    await page.getByTestId('queue-queue').click();
    await page.waitForURL(/queue=queue/);

    // 2. open it: not taken yet, so only internal notes; 接入 takes it
    await item.click();
    const pane = page.getByTestId('conversation-pane');
    await pane.getByTestId('conversation-name').getByText('访客小周').waitFor();
    assert.match(await pane.getByTestId('conversation-phone').innerText(), /137/);
    assert.match(await pane.getByTestId('conversation-assignee').innerText(), /热线一组 待接入/);
    assert.match(await pane.getByTestId('composer-hint').innerText(), /接入后才能回复/);
    assert.equal(await pane.locator('.ant-segmented-item-disabled').filter({ has: page.getByTestId('composer-mode-reply') }).count(), 1, 'replying is off until taken');
    await pane.getByTestId('conversation-take').click();
    await pane.getByTestId('conversation-assignee').getByText('负责人:王丽').waitFor();
    assert.equal(await pane.getByTestId('conversation-take').count(), 0);

    // 3. the reply, in Chinese, Enter sends; the visitor has it
    const input = pane.getByTestId('composer-input');
    await input.fill(REPLY);
    await input.press('Enter');
    await pane.locator('[data-testid="chat-message"][data-author="agent"]', { hasText: REPLY }).waitFor();
    // the pushed copy may show before the send's own answer, which clears the composer
    await page.waitForFunction(() => (document.querySelector('[data-testid="composer-input"]') as HTMLTextAreaElement | null)?.value === '', undefined, { timeout: 5000 })
      .catch(() => assert.fail('the composer is cleared once sent'));
    const seen = await visitor.view(chat.conversationId, chat.visitorToken);
    assert.deepEqual(
      seen.messages.filter((m) => m.author === 'agent').map((m) => [m.authorName, m.body]),
      [['王丽', REPLY]],
      'the visitor sees the reply from 王丽',
    );
    assert.equal(seen.agentName, '王丽');

    // 4. the visitor types (over the widget's live connection) and writes again: both show up live
    const widget = await (await browser.newContext({ baseURL })).newPage();
    await widget.goto('/api/health');
    await widget.evaluate(
      ({ id, token }) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/v1/public/chat/live`);
          const feed: { type: string }[] = [];
          Object.assign(window, { visitorSocket: ws, visitorFeed: feed });
          ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', conversationId: id, token }));
          ws.onmessage = (e) => {
            const msg = JSON.parse(String(e.data)) as { type: string };
            feed.push(msg);
            if (msg.type === 'ready') resolve();
          };
          ws.onerror = () => reject(new Error('the visitor socket failed'));
        }),
      { id: chat.conversationId, token: chat.visitorToken },
    );
    await widget.evaluate(() => (window as unknown as { visitorSocket: WebSocket }).visitorSocket.send(JSON.stringify({ type: 'typing' })));
    await pane.getByTestId('chat-typing').getByText('访客小周 正在输入').waitFor();
    await visitor.send(chat.conversationId, chat.visitorToken, SECOND);
    await pane.locator('[data-testid="chat-message"][data-author="visitor"]', { hasText: SECOND }).waitFor();
    await pane.getByTestId('chat-typing').waitFor({ state: 'detached' });
    // the agent's typing reaches the widget (POST /typing while the operator types)
    await input.pressSequentially('好的');
    await widget.waitForFunction(() =>
      (window as unknown as { visitorFeed: { type: string; who?: string }[] }).visitorFeed.some((m) => m.type === 'chat.typing' && m.who === 'agent'),
    );
    await input.fill('');
    assert.equal(await page.evaluate(() => (window as unknown as { inboxNotReloaded?: boolean }).inboxNotReloaded), true, 'no reload');
    await shot(page, 'inbox-1-conversation.png');

    // 5. an internal note: yellow, marked, never shown to the visitor
    await pane.getByTestId('composer-mode-note').click();
    await pane.locator('.kefu-composer.note').waitFor();
    await input.fill(NOTE);
    await input.press('Enter');
    const note = pane.locator('[data-testid="chat-message"][data-internal="true"]', { hasText: NOTE });
    await note.waitFor();
    assert.match(await note.evaluate((el) => el.className), /note/);
    const after = await visitor.view(chat.conversationId, chat.visitorToken);
    assert.ok(after.messages.some((m) => m.body === SECOND), 'the visitor has their own message');
    assert.ok(!after.messages.some((m) => m.body === NOTE), 'the visitor does not see the internal note');

    // a colleague opens it from 全部: replying is the assignee's, a note from them reaches the operator live
    const colleague = await signIn(browser, baseURL, 'operator2');
    colleague.page.on('pageerror', (e) => pageErrors.push(`operator2: ${e.message}`));
    await colleague.page.goto(`/inbox?queue=all&c=${chat.conversationId}`);
    const theirs = colleague.page.getByTestId('conversation-pane');
    await theirs.getByTestId('composer-hint').getByText('会话由 王丽 负责').waitFor();
    assert.equal(await theirs.getByTestId('conversation-take').count(), 0, 'an operator does not take over a colleague\'s conversation');
    // the collision notice, both ways and live: each sees the other; she is told only 王丽 replies, with no take-over for her
    await theirs.getByTestId('conversation-viewers').getByText('王丽 也在查看此会话').waitFor();
    assert.match(await theirs.getByTestId('conversation-viewers').innerText(), /只有负责人 王丽 可以回复访客[\s\S]*联系组长转接/);
    assert.equal(await theirs.getByTestId('viewers-take-over').count(), 0);
    await pane.getByTestId('conversation-viewers').getByText('李娜 也在查看此会话').waitFor();
    await theirs.getByTestId('composer-input').fill(COLLEAGUE_NOTE);
    await theirs.getByTestId('composer-input').press('Enter');
    await theirs.locator('[data-testid="chat-message"][data-internal="true"]', { hasText: COLLEAGUE_NOTE }).waitFor();
    await pane.locator('[data-testid="chat-message"][data-internal="true"]', { hasText: COLLEAGUE_NOTE }).waitFor();
    // she leaves the conversation: the notice goes at once
    await colleague.page.getByTestId('side-menu').locator('a[href="/tickets"]').click();
    await pane.getByTestId('conversation-viewers').waitFor({ state: 'detached' });
    await colleague.ctx.close();

    // the team lead's live-chat view (在线会话监控): the chat with its agent; she watches it live and whispers to 王丽
    const lead = await signIn(browser, baseURL, 'lead');
    lead.page.on('pageerror', (e) => pageErrors.push(`lead: ${e.message}`));
    await lead.page.goto('/supervisor/chats');
    const row = lead.page.locator(`[data-testid="lc-chat"][data-conversation-id="${chat.conversationId}"]`);
    await row.waitFor();
    const chatRow = lead.page.locator('tr', { has: row });
    assert.match(await chatRow.innerText(), /王丽/);
    await lead.page.getByTestId('live-agents').getByText('王丽').first().waitFor();
    await shot(lead.page, 'inbox-8-supervisor-live-chats.png');
    await chatRow.getByTestId('lc-watch').click();
    const watch = lead.page.getByTestId('watch');
    await watch.getByText(SECOND).waitFor();
    await pane.getByTestId('conversation-viewers').getByText('张敏 也在查看此会话').waitFor();
    await visitor.send(chat.conversationId, chat.visitorToken, WATCHED);
    await watch.locator('[data-testid="chat-message"][data-author="visitor"]', { hasText: WATCHED }).waitFor();
    await watch.getByTestId('whisper-input').fill(WHISPER);
    await watch.getByTestId('whisper-input').press('Enter');
    await watch.locator('[data-testid="chat-message"][data-internal="true"]', { hasText: WHISPER }).waitFor();
    await still(lead.page);
    await pane.locator('[data-testid="chat-message"][data-internal="true"]', { hasText: WHISPER }).waitFor();
    assert.ok(!(await visitor.view(chat.conversationId, chat.visitorToken)).messages.some((m) => m.body === WHISPER), 'the visitor never sees the whisper');
    await shot(lead.page, 'inbox-9-supervisor-watch.png');
    await lead.page.keyboard.press('Escape');
    await watch.waitFor({ state: 'detached' });
    await pane.getByTestId('conversation-viewers').waitFor({ state: 'detached' });
    // the wallboard counts chats too
    await lead.page.getByTestId('side-menu').locator('a[href="/supervisor"]').click();
    await lead.page.getByTestId('wb-chats-waiting').waitFor();
    await still(lead.page);
    await shot(lead.page, 'inbox-10-wallboard.png');
    await lead.page.setViewportSize({ width: 390, height: 844 });
    await lead.page.goto('/supervisor/chats');
    await row.waitFor();
    await still(lead.page);
    const leadProblems = await layoutProblems(lead.page, { desktop: false });
    await shot(lead.page, 'inbox-11-supervisor-live-chats-phone.png');
    await row.locator('xpath=ancestor::*[contains(@class,"kefu-stacked-row")]').getByTestId('lc-watch').click();
    await watch.getByText(WHISPER).waitFor();
    await still(lead.page);
    leadProblems.push(...(await layoutProblems(lead.page, { desktop: false })));
    await shot(lead.page, 'inbox-12-supervisor-watch-phone.png');
    assert.deepEqual(leadProblems, [], 'the live-chat view fits a phone');
    await lead.page.keyboard.press('Escape');
    await pane.getByTestId('conversation-viewers').waitFor({ state: 'detached' });
    await lead.ctx.close();
    assert.ok(!(await visitor.view(chat.conversationId, chat.visitorToken)).messages.some((m) => m.body === COLLEAGUE_NOTE));

    // 6. a complaint work order from the conversation
    await pane.getByTestId('conversation-ticket').click();
    const dialog = page.getByTestId('ticket-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('ticket-type-complaint').click();
    await dialog.getByTestId('field-target').locator('input').fill('原味酸奶 200g');
    await dialog.getByTestId('field-reason').locator('textarea').fill('客户在线反映上次购买的酸奶有异味');
    await choose(page, 'validity', '理由充分');
    await choose(page, 'category', '产品质量问题');
    await dialog.getByTestId('section-productQuality').waitFor();
    await choose(page, 'symptom', '异味');
    await shot(page, 'inbox-2-work-order-form.png');
    await page.getByTestId('ticket-dialog-save').click();
    const numberLink = dialog.getByTestId('ticket-dialog-number');
    await numberLink.waitFor();
    const number = (await numberLink.innerText()).trim();
    assert.match(number, /^GD\d{8}-\d{4}$/, `work order number: ${number}`);
    await shot(page, 'inbox-3-work-order-created.png');
    await page.getByTestId('ticket-dialog-close').click();
    await pane.getByTestId('conversation-ticket-link').getByText(number).waitFor();
    await pane.getByTestId('chat-ticket-link').getByText(number).waitFor();
    assert.match((await pane.getByTestId('conversation-ticket-link').getAttribute('href')) ?? '', /^\/tickets\/[0-9a-f-]{36}$/);
    const ticketSeen = await visitor.view(chat.conversationId, chat.visitorToken);
    assert.ok(!ticketSeen.messages.some((m) => m.body.includes(number)), 'the work order note is internal too');

    // 7. in "mine" it is listed with nothing unread; the desktop view
    await page.getByTestId('queue-mine').click();
    await page.waitForURL((u) => !u.search.includes('queue='));
    await item.waitFor();
    assert.equal(await item.getByTestId('conversation-unread').count(), 0, 'read while open');
    await shot(page, 'inbox-4-desktop.png');

    // 8. a phone: the conversation alone with a back button, then the list
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('conversation-back').waitFor();
    assert.equal(await page.getByTestId('inbox-list').count(), 0, 'the list steps aside on a phone');
    const phoneProblems = await layoutProblems(page, { desktop: false });
    await shot(page, 'inbox-5-phone-conversation.png');
    await page.getByTestId('conversation-back').click();
    await item.waitFor();
    assert.equal(await page.getByTestId('conversation-pane').count(), 0);
    phoneProblems.push(...(await layoutProblems(page, { desktop: false })));
    await shot(page, 'inbox-6-phone-list.png');
    assert.deepEqual(phoneProblems, [], 'the inbox fits a phone');
    // the phone's back button returns from a conversation to the list
    await item.click();
    await page.getByTestId('conversation-back').waitFor();
    await page.goBack();
    await item.waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });

    // 9. resolved: it leaves "mine" and shows under 已解决
    await item.click();
    await pane.getByTestId('conversation-status-resolved').click();
    await pane.getByTestId('conversation-status').getByText('已解决').waitFor();
    await item.waitFor({ state: 'detached' });
    await page.getByTestId('queue-resolved').click();
    await item.waitFor();

    // 10. online for chat: the next visitor comes to the operator by themselves (CHN-09), under 我的
    await page.getByTestId('chat-status').click();
    await page.locator('.ant-select-dropdown').getByText('在线接待').click();
    await page.getByTestId('chat-status').getByText('在线接待').waitFor();
    await page.getByTestId('queue-mine').click();
    const next = await visitor.start();
    await page.locator(`[data-testid="conversation-item"][data-conversation-id="${next.conversationId}"]`).waitFor();
    await page.locator(`[data-testid="conversation-item"][data-conversation-id="${next.conversationId}"]`).getByTestId('conversation-target').getByText(/首响/).waitFor();
    await shot(page, 'inbox-7-online.png');
    // offered to me while another conversation is open: a notice (desktop when the console is behind other windows) opens it
    await page.getByTestId('chat-alert-open').click();
    await pane.and(page.locator(`[data-conversation-id="${next.conversationId}"]`)).waitFor();

    assert.deepEqual(pageErrors, [], 'no errors in the page');
  } finally {
    await browser.close();
  }
}
