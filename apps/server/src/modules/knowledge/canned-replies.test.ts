import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillVariables } from '@kefu/shared/knowledge-api';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
let lead: string;
let mgr: string;
let hotlineId: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [op, lead, mgr] = await Promise.all(['operator', 'lead', 'cs_manager'].map((u) => t.login(u)));
  hotlineId = (await t.request(lead, 'GET', '/api/v1/me')).body.teamId;
});
afterAll(async () => { await t.close(); });

const shortcuts = (res: { body: { items: { shortcut: string }[] } }) => res.body.items.map((c) => c.shortcut);

describe('canned replies (话术)', () => {
  it('lists my team\'s and everyone\'s by shortcut or words, most used first, and fills the variables', async () => {
    const all = await t.request(op, 'GET', '/api/v1/canned-replies');
    expect(shortcuts(all)).toEqual(expect.arrayContaining(['hy', 'hd', 'qr', 'sc', 'dd']));
    const byShortcut = await t.request(op, 'GET', '/api/v1/canned-replies?q=qr');
    expect(byShortcut.body.items[0]).toMatchObject({ shortcut: 'qr', title: '订单确认' });
    const byWords = await t.request(op, 'GET', `/api/v1/canned-replies?q=${encodeURIComponent('收藏')}`);
    expect(shortcuts(byWords)).toEqual(['sc']);
    await t.request(op, 'POST', `/api/v1/canned-replies/${byWords.body.items[0].id}/used`);
    expect((await t.request(op, 'GET', '/api/v1/canned-replies')).body.items[0].shortcut).toBe('sc');
    expect(fillVariables(byShortcut.body.items[0].body, { customerName: '赵女士' })).toBe('赵女士,跟您核对一下:收货人、电话、地址和规格都正确吗?确认后我们马上为您安排发货。');
    expect(fillVariables('{agentName}({jobNumber}){unknown}', { agentName: '王丽', jobNumber: null })).toBe('王丽(){unknown}');
  });

  it('lets a team lead keep their team\'s replies, and only kb:publish the shared ones', async () => {
    const mine = await t.request(lead, 'POST', '/api/v1/canned-replies', { teamId: hotlineId, shortcut: 'zb', title: '值班说明', body: '夜班请拨打 400 热线。' });
    expect(mine.status).toBe(201);
    expect(mine.body.teamName).toBe('热线一组');
    expect((await t.request(lead, 'POST', '/api/v1/canned-replies', { shortcut: 'all', title: '全员', body: '公共话术' })).status).toBe(403);
    expect((await t.request(op, 'POST', '/api/v1/canned-replies', { teamId: hotlineId, shortcut: 'x', title: 'x', body: 'x' })).status).toBe(403);
    const changed = await t.request(lead, 'PATCH', `/api/v1/canned-replies/${mine.body.id}`, { body: '夜班请拨打 400-000-0000。' });
    expect(changed.body.body).toBe('夜班请拨打 400-000-0000。');
    expect((await t.request(lead, 'DELETE', `/api/v1/canned-replies/${mine.body.id}`)).status).toBe(204);
    const bad = await t.request(lead, 'POST', '/api/v1/canned-replies', { teamId: hotlineId, shortcut: 'has space', title: 'x', body: 'x' });
    expect(bad.status).toBe(400);
  });

  it('lists per team: mine and everyone\'s by default, only everyone\'s, one team\'s, or (kb:publish) all', async () => {
    const sales = (await t.request(mgr, 'GET', '/api/v1/directory')).body.teams.find((x: { name: string }) => x.name !== '热线一组').id;
    await t.request(mgr, 'POST', '/api/v1/canned-replies', { teamId: sales, shortcut: 'xs', title: '销售台专用', body: '销售台话术' });
    await t.request(lead, 'POST', '/api/v1/canned-replies', { teamId: hotlineId, shortcut: 'rx', title: '热线专用', body: '热线话术' });
    expect(shortcuts(await t.request(op, 'GET', '/api/v1/canned-replies'))).toEqual(expect.arrayContaining(['rx', 'hy']));
    expect(shortcuts(await t.request(op, 'GET', '/api/v1/canned-replies'))).not.toContain('xs');
    expect(shortcuts(await t.request(op, 'GET', '/api/v1/canned-replies?team=shared'))).not.toContain('rx');
    expect(shortcuts(await t.request(lead, 'GET', `/api/v1/canned-replies?team=${hotlineId}`))).toEqual(['rx']);
    expect((await t.request(lead, 'GET', `/api/v1/canned-replies?team=${sales}`)).status).toBe(403);
    expect((await t.request(op, 'GET', '/api/v1/canned-replies?team=all')).status).toBe(403);
    const all = await t.request(mgr, 'GET', '/api/v1/canned-replies?team=all');
    expect(shortcuts(all)).toEqual(expect.arrayContaining(['rx', 'xs', 'hy']));
    expect(all.body.items.find((c: { shortcut: string }) => c.shortcut === 'xs').teamName).not.toBeNull();
  });

  it('refuses unknown variables (they would reach the customer as written) and a shortcut used twice in one team', async () => {
    const typo = await t.request(mgr, 'POST', '/api/v1/canned-replies', { shortcut: 'ty', title: '错字', body: '{customername} 您好,{shopCourier} 发货' }, { 'accept-language': 'zh-CN' });
    expect(typo.status).toBe(422);
    expect(typo.body.error).toMatchObject({ code: 'CANNED_UNKNOWN_VARIABLE', details: [{ path: 'body', message: '{customername}' }] });
    expect(typo.body.error.message).toContain('{customerName}');
    const taken = await t.request(mgr, 'POST', '/api/v1/canned-replies', { shortcut: 'HY', title: '另一个欢迎语', body: '您好' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CANNED_SHORTCUT_TAKEN');
    // the same shortcut for one team beside everyone's is allowed: the picker shows both
    expect((await t.request(lead, 'POST', '/api/v1/canned-replies', { teamId: hotlineId, shortcut: 'hy', title: '热线欢迎语', body: '您好,这里是热线一组' })).status).toBe(201);
    const dd = (await t.request(op, 'GET', '/api/v1/canned-replies?q=dd')).body.items[0];
    const renamed = await t.request(mgr, 'PATCH', `/api/v1/canned-replies/${dd.id}`, { shortcut: 'qr' });
    expect(renamed.status).toBe(409);
    expect((await t.request(mgr, 'PATCH', `/api/v1/canned-replies/${dd.id}`, { title: '请稍等(查询中)' })).status).toBe(200);
  });
});

describe('shop facts for canned replies', () => {
  it('keeps the shop facts in the chat channel\'s settings, for agents to fill {shopCourier} and the rest', async () => {
    const channels = (await t.request(op, 'GET', '/api/v1/chat-channels')).body.items;
    const website = channels.find((c: { key: string }) => c.key === 'website');
    expect(website.settings.shop).toMatchObject({ name: '恒康乳业官方店', courier: '中通快递(其他快递请备注)', phone: '400-000-0000' });
    // a channel made without them has empty facts (the shop name then is the channel's name)
    expect(channels.find((c: { key: string }) => c.key === 'web-leads').settings.shop).toEqual({ name: '', courier: '', returnPolicy: '', phone: '', hours: '' });
    const changed = await t.request(lead, 'PATCH', `/api/v1/chat-channels/${website.id}`, { settings: { ...website.settings, shop: { ...website.settings.shop, courier: '顺丰速运' } } });
    expect(changed.status).toBe(200);
    expect(changed.body.settings.shop.courier).toBe('顺丰速运');
    expect((await t.request(op, 'PATCH', `/api/v1/chat-channels/${website.id}`, { settings: website.settings })).status).toBe(403);
  });
});
