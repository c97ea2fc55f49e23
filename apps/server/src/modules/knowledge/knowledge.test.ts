import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillVariables } from '@kefu/shared/knowledge-api';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let op: string;
let lead: string;
let mgr: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [op, lead, mgr] = await Promise.all(['operator', 'lead', 'cs_manager'].map((u) => t.login(u)));
});
afterAll(async () => { await t.close(); });

const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title);

describe('knowledge base (KB)', () => {
  it('finds published articles by words, through synonyms, and suggests them from a customer message', async () => {
    const byWord = await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('保质期')}`);
    expect(byWord.status).toBe(200);
    expect(titles(byWord)).toEqual(['巴氏鲜奶的保质期和储存方法']);
    // 巴氏奶 is a synonym of 鲜奶
    const bySynonym = await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('巴氏奶 冷藏')}`);
    expect(titles(bySynonym)).toContain('巴氏鲜奶的保质期和储存方法');
    const suggest = await t.request(op, 'GET', `/api/v1/kb/suggest?text=${encodeURIComponent('你好,我想问一下你们用什么物流发货?可以退换吗')}`);
    expect(titles(suggest)[0]).toBe('网店发货、快递与退换货规则');
    const none = await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('火箭发射')}`);
    expect(none.body).toEqual({ items: [], total: 0, totalCapped: false });
  });

  it('lists the most useful first, suggests what matches more of a message first, and counts up to 1,000', async () => {
    // 1,001 published articles about 蓝莓 (some also 退款), usefulness rising with n
    await t.database.db.execute(sql`
      insert into kb_articles (title, body, published_version, latest_version, published_at, search_vector, useful_count, created_by_id)
      select '蓝莓问答' || n, '蓝莓', 1, 1, now(), (case when n % 200 = 7 then '''蓝莓'' ''退款''' else '''蓝莓''' end)::tsvector, n,
        (select id from users where username = 'admin')
      from generate_series(1, 1001) n`);
    const common = await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('蓝莓')}&limit=3`);
    expect(common.body).toMatchObject({ total: 1000, totalCapped: true });
    expect(titles(common)).toEqual(['蓝莓问答1001', '蓝莓问答1000', '蓝莓问答999']);
    const both = await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('蓝莓 退款')}&limit=2`);
    expect(both.body).toMatchObject({ total: 5, totalCapped: false });
    expect(titles(both)).toEqual(['蓝莓问答807', '蓝莓问答607']);
    // the five that name both words come first, then the most useful that name one
    const suggest = await t.request(op, 'GET', `/api/v1/kb/suggest?text=${encodeURIComponent('蓝莓坏了能退款吗')}&limit=8`);
    expect(titles(suggest)).toEqual(['蓝莓问答807', '蓝莓问答607', '蓝莓问答407', '蓝莓问答207', '蓝莓问答7', '蓝莓问答1001', '蓝莓问答1000', '蓝莓问答999']);
    await t.database.db.execute(sql`delete from kb_articles where title like '蓝莓问答%'`);
  });

  it('publishes only an approved version; a new text waits for review while readers keep the old one', async () => {
    const created = await t.request(lead, 'POST', '/api/v1/kb/articles', { kind: 'faq', title: '酸奶的口味', body: '原味、草莓味、黄桃味三种。', tags: ['酸奶'] });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.versions).toMatchObject([{ version: 1, status: 'draft', editorName: '张敏' }]);
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${id}`)).status).toBe(404); // a draft: not for readers
    expect((await t.request(op, 'POST', '/api/v1/kb/articles', { title: 'x', body: 'y' })).status).toBe(403);
    expect((await t.request(op, 'GET', '/api/v1/kb/articles?state=review')).status).toBe(403);

    await t.request(lead, 'PATCH', `/api/v1/kb/articles/${id}`, { submit: true });
    const queue = await t.request(mgr, 'GET', '/api/v1/kb/articles?state=review');
    expect(titles(queue)).toContain('酸奶的口味');
    expect((await t.request(lead, 'POST', `/api/v1/kb/articles/${id}/review`, { version: 1, approve: true })).status).toBe(403);
    const approved = await t.request(mgr, 'POST', `/api/v1/kb/articles/${id}/review`, { version: 1, approve: true });
    expect(approved.body).toMatchObject({ publishedVersion: 1, versions: [{ version: 1, status: 'published', reviewerName: '陈刚' }] });
    // 酸牛奶 finds it (synonym of 酸奶)
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('酸牛奶 口味')}`))).toEqual(['酸奶的口味']);

    const edited = await t.request(lead, 'PATCH', `/api/v1/kb/articles/${id}`, { body: '原味、草莓味、黄桃味、蓝莓味四种。', submit: true });
    expect(edited.body.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:in_review', '1:published']);
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${id}`)).body.body).toBe('原味、草莓味、黄桃味三种。');
    const sentBack = await t.request(mgr, 'POST', `/api/v1/kb/articles/${id}/review`, { version: 2, approve: false, note: '蓝莓味下月才上市' });
    expect(sentBack.body.versions[0]).toMatchObject({ status: 'rejected', reviewNote: '蓝莓味下月才上市' });
    const twice = await t.request(mgr, 'POST', `/api/v1/kb/articles/${id}/review`, { version: 2, approve: true });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('KB_NOT_IN_REVIEW');
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${id}`)).body.body).toBe('原味、草莓味、黄桃味三种。');
  });

  it('hides an article outside its validity dates and counts "was this useful"', async () => {
    const promo = await t.request(mgr, 'POST', '/api/v1/kb/articles', { title: '双十一鲜奶月卡活动', body: '月卡立减 30 元。', validUntil: '2020-11-12', submit: true });
    await t.request(mgr, 'POST', `/api/v1/kb/articles/${promo.body.id}/review`, { version: 1, approve: true });
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('月卡')}`))).not.toContain('双十一鲜奶月卡活动');
    const faq = (await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('保质期')}`)).body.items[0];
    await t.request(op, 'POST', `/api/v1/kb/articles/${faq.id}/feedback`, { useful: true });
    await t.request(op, 'POST', `/api/v1/kb/articles/${faq.id}/feedback`, { useful: false });
    await t.request(op, 'POST', `/api/v1/kb/articles/${faq.id}/feedback`, { useful: true });
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${faq.id}`)).body).toMatchObject({ usefulCount: 2, notUsefulCount: 1 });
  });
});

describe('canned replies (话术)', () => {
  it('lists my team\'s and everyone\'s by shortcut or words, most used first, and fills the variables', async () => {
    const all = await t.request(op, 'GET', '/api/v1/canned-replies');
    expect(all.body.items.map((c: { shortcut: string }) => c.shortcut)).toEqual(expect.arrayContaining(['hy', 'hd', 'qr', 'sc', 'dd']));
    const byShortcut = await t.request(op, 'GET', '/api/v1/canned-replies?q=qr');
    expect(byShortcut.body.items[0]).toMatchObject({ shortcut: 'qr', title: '订单确认' });
    const byWords = await t.request(op, 'GET', `/api/v1/canned-replies?q=${encodeURIComponent('收藏')}`);
    expect(byWords.body.items.map((c: { shortcut: string }) => c.shortcut)).toEqual(['sc']);
    await t.request(op, 'POST', `/api/v1/canned-replies/${byWords.body.items[0].id}/used`);
    expect((await t.request(op, 'GET', '/api/v1/canned-replies')).body.items[0].shortcut).toBe('sc');
    expect(fillVariables(byShortcut.body.items[0].body, { customerName: '赵女士' })).toBe('赵女士,跟您核对一下:收货人、电话、地址和规格都正确吗?确认后我们马上为您安排发货。');
    expect(fillVariables('{agentName}({jobNumber}){unknown}', { agentName: '王丽', jobNumber: null })).toBe('王丽(){unknown}');
  });

  it('lets a team lead keep their team\'s replies, and only kb:publish the shared ones', async () => {
    const me = (await t.request(lead, 'GET', '/api/v1/me')).body;
    const mine = await t.request(lead, 'POST', '/api/v1/canned-replies', { teamId: me.teamId, shortcut: 'zb', title: '值班说明', body: '夜班请拨打 400 热线。' });
    expect(mine.status).toBe(201);
    expect(mine.body.teamName).toBe('热线一组');
    expect((await t.request(lead, 'POST', '/api/v1/canned-replies', { shortcut: 'all', title: '全员', body: '公共话术' })).status).toBe(403);
    expect((await t.request(op, 'POST', '/api/v1/canned-replies', { teamId: me.teamId, shortcut: 'x', title: 'x', body: 'x' })).status).toBe(403);
    const changed = await t.request(lead, 'PATCH', `/api/v1/canned-replies/${mine.body.id}`, { body: '夜班请拨打 400-000-0000。' });
    expect(changed.body.body).toBe('夜班请拨打 400-000-0000。');
    expect((await t.request(lead, 'DELETE', `/api/v1/canned-replies/${mine.body.id}`)).status).toBe(204);
    const bad = await t.request(lead, 'POST', '/api/v1/canned-replies', { teamId: me.teamId, shortcut: 'has space', title: 'x', body: 'x' });
    expect(bad.status).toBe(400);
  });
});
