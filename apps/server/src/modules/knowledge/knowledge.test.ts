import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    // an operator's summary: "客户" and "来电" say nothing about the question
    const summary = await t.request(op, 'GET', `/api/v1/kb/suggest?text=${encodeURIComponent('客户来电问鲜奶保质期多久')}`);
    expect(titles(summary)).toEqual(['巴氏鲜奶的保质期和储存方法']);
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

  it('hides an article outside its validity dates from readers; editors find it under "inactive"', async () => {
    const promo = await t.request(mgr, 'POST', '/api/v1/kb/articles', { title: '双十一鲜奶月卡活动', body: '月卡立减 30 元。', validUntil: '2020-11-12', submit: true });
    await t.request(mgr, 'POST', `/api/v1/kb/articles/${promo.body.id}/review`, { version: 1, approve: true });
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('月卡')}`))).not.toContain('双十一鲜奶月卡活动');
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${promo.body.id}`)).status).toBe(404);
    expect((await t.request(op, 'GET', '/api/v1/kb/articles?state=inactive')).status).toBe(403);
    const inactive = await t.request(lead, 'GET', '/api/v1/kb/articles?state=inactive');
    expect(titles(inactive)).toEqual(['双十一鲜奶月卡活动']);
    expect(inactive.body.items[0]).toMatchObject({ validUntil: '2020-11-12', latestStatus: 'published', publishedVersion: 1 });
    expect(titles(await t.request(lead, 'GET', '/api/v1/kb/articles'))).not.toContain('双十一鲜奶月卡活动');
  });

  it('counts one "was this useful" per reader, which they may change, on published articles only', async () => {
    const faq = (await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('保质期')}`)).body.items[0];
    const answer = (who: string, useful: boolean) => t.request(who, 'POST', `/api/v1/kb/articles/${faq.id}/feedback`, { useful });
    expect((await answer(op, true)).status).toBe(204);
    await answer(op, true); // twice the same: still one
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${faq.id}`)).body).toMatchObject({ usefulCount: 1, notUsefulCount: 0, myFeedback: true });
    await answer(op, false); // changed their mind
    await answer(lead, false);
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${faq.id}`)).body).toMatchObject({ usefulCount: 0, notUsefulCount: 2, myFeedback: false });
    await answer(op, true);
    expect((await t.request(mgr, 'GET', `/api/v1/kb/articles/${faq.id}`)).body).toMatchObject({ usefulCount: 1, notUsefulCount: 1, myFeedback: null });

    const draft = await t.request(lead, 'POST', '/api/v1/kb/articles', { title: '草稿', body: '未发布' });
    const onDraft = await t.request(op, 'POST', `/api/v1/kb/articles/${draft.body.id}/feedback`, { useful: true });
    expect(onDraft.status).toBe(404);
  });

  it('lists drafts and the review queue for editors, finds their unpublished words, and filters by a category with its sub-categories', async () => {
    const parent = (await t.request(mgr, 'POST', '/api/v1/kb/categories', { name: '奶卡业务' })).body;
    const child = (await t.request(mgr, 'POST', '/api/v1/kb/categories', { name: '月卡', parentId: parent.id })).body;
    const a = await t.request(lead, 'POST', '/api/v1/kb/articles', { title: '月卡续费流程', body: '续费请在到期前七天办理。', categoryId: child.id });
    expect(a.body).toMatchObject({ categoryName: '月卡', latestStatus: 'draft', publishedVersion: null });
    const drafts = await t.request(lead, 'GET', `/api/v1/kb/articles?state=draft&q=${encodeURIComponent('续费')}`);
    expect(titles(drafts)).toEqual(['月卡续费流程']);
    expect(titles(await t.request(lead, 'GET', `/api/v1/kb/articles?state=draft&q=${encodeURIComponent('退款')}`))).toEqual([]);
    await t.request(lead, 'PATCH', `/api/v1/kb/articles/${a.body.id}`, { submit: true });
    const queue = await t.request(mgr, 'GET', `/api/v1/kb/articles?state=review&categoryId=${parent.id}`);
    expect(queue.body).toMatchObject({ total: 1, items: [{ title: '月卡续费流程', latestStatus: 'in_review' }] });
    await t.request(mgr, 'POST', `/api/v1/kb/articles/${a.body.id}/review`, { version: 1, approve: true });
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?categoryId=${parent.id}`))).toEqual(['月卡续费流程']);
    // pages: total stays, items move on
    const page1 = await t.request(op, 'GET', '/api/v1/kb/articles?limit=2');
    const page2 = await t.request(op, 'GET', '/api/v1/kb/articles?limit=2&offset=2');
    expect(page1.body.total).toBe(page2.body.total);
    expect(page1.body.items.map((i: { id: string }) => i.id)).not.toContain(page2.body.items[0].id);
  });

  it('refuses a rejection without a note, validity dates in the wrong order and an unknown category, in the reader\'s language', async () => {
    const a = await t.request(lead, 'POST', '/api/v1/kb/articles', { title: '待审文章', body: '内容', submit: true });
    const noNote = await t.request(mgr, 'POST', `/api/v1/kb/articles/${a.body.id}/review`, { version: 1, approve: false });
    expect(noNote.status).toBe(422);
    expect(noNote.body.error.code).toBe('KB_REVIEW_NOTE_REQUIRED');
    await t.request(mgr, 'POST', `/api/v1/kb/articles/${a.body.id}/review`, { version: 1, approve: false, note: '请补充细节' });
    const again = await t.request(mgr, 'POST', `/api/v1/kb/articles/${a.body.id}/review`, { version: 1, approve: true }, { 'accept-language': 'zh-CN' });
    expect(again.body.error.message).toContain('已退回');
    const order = await t.request(lead, 'PATCH', `/api/v1/kb/articles/${a.body.id}`, { validFrom: '2026-12-01', validUntil: '2026-11-01' });
    expect(order.status).toBe(422);
    expect(order.body.error.code).toBe('KB_VALIDITY_ORDER');
    const onlyEnd = await t.request(lead, 'PATCH', `/api/v1/kb/articles/${a.body.id}`, { validFrom: '2026-12-01' });
    expect((await t.request(lead, 'PATCH', `/api/v1/kb/articles/${a.body.id}`, { validUntil: '2026-11-30' })).body.error.code).toBe('KB_VALIDITY_ORDER');
    expect(onlyEnd.status).toBe(200);
    const cat = await t.request(lead, 'POST', '/api/v1/kb/articles', { title: 'x', body: 'y', categoryId: '00000000-0000-4000-8000-000000000000' });
    expect(cat.status).toBe(422);
    expect(cat.body.error.code).toBe('REFERENCE_NOT_FOUND');
    expect((await t.request(lead, 'POST', '/api/v1/kb/articles', { title: 'x', body: 'y', validFrom: '2026-02-30' })).status).toBe(400);
  });
});

describe('categories and synonyms', () => {
  it('renames and moves categories, refuses a loop, and removes only an empty one', async () => {
    const top = (await t.request(mgr, 'POST', '/api/v1/kb/categories', { name: '门店', sort: 9 })).body;
    const sub = (await t.request(mgr, 'POST', '/api/v1/kb/categories', { name: '门店地址', parentId: top.id })).body;
    const renamed = await t.request(mgr, 'PATCH', `/api/v1/kb/categories/${sub.id}`, { name: '门店地址与营业时间' });
    expect(renamed.body).toMatchObject({ name: '门店地址与营业时间', parentId: top.id });
    const loop = await t.request(mgr, 'PATCH', `/api/v1/kb/categories/${top.id}`, { parentId: sub.id });
    expect(loop.status).toBe(422);
    expect(loop.body.error.code).toBe('KB_CATEGORY_CYCLE');
    expect((await t.request(mgr, 'PATCH', `/api/v1/kb/categories/${top.id}`, { parentId: top.id })).status).toBe(422);
    expect((await t.request(lead, 'PATCH', `/api/v1/kb/categories/${top.id}`, { name: 'x' })).status).toBe(403);
    const article = await t.request(lead, 'POST', '/api/v1/kb/articles', { title: '门店营业时间', body: '每天 9 点到 21 点', categoryId: sub.id });
    const inUse = await t.request(mgr, 'DELETE', `/api/v1/kb/categories/${top.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('KB_CATEGORY_IN_USE');
    await t.request(lead, 'PATCH', `/api/v1/kb/articles/${article.body.id}`, { categoryId: null });
    expect((await t.request(mgr, 'DELETE', `/api/v1/kb/categories/${sub.id}`)).status).toBe(204);
    expect((await t.request(mgr, 'DELETE', `/api/v1/kb/categories/${top.id}`)).status).toBe(204);
    const names = (await t.request(op, 'GET', '/api/v1/kb/categories')).body.items.map((c: { name: string }) => c.name);
    expect(names).not.toContain('门店');
  });

  it('changes a synonym group and the search follows; a group needs two different words', async () => {
    const group = (await t.request(mgr, 'POST', '/api/v1/kb/synonyms', { words: ['冷藏', '冷柜'] })).body;
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('冷柜')}`))).toContain('巴氏鲜奶的保质期和储存方法');
    const changed = await t.request(mgr, 'PATCH', `/api/v1/kb/synonyms/${group.id}`, { words: ['冷藏', '冰箱', 'Fridge'] });
    expect(changed.body.words).toEqual(['冷藏', '冰箱', 'fridge']);
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('冷柜')}`))).toEqual([]);
    expect(titles(await t.request(op, 'GET', `/api/v1/kb/articles?q=${encodeURIComponent('冰箱')}`))).toContain('巴氏鲜奶的保质期和储存方法');
    const same = await t.request(mgr, 'PATCH', `/api/v1/kb/synonyms/${group.id}`, { words: ['冰箱', '冰箱'] });
    expect(same.status).toBe(422);
    expect(same.body.error.code).toBe('KB_SYNONYM_TOO_FEW');
    expect((await t.request(mgr, 'DELETE', `/api/v1/kb/synonyms/${group.id}`)).status).toBe(204);
  });
  it('keeps files with an article: editors attach and remove them, readers fetch them once it is published', async () => {
    const created = await t.request(lead, 'POST', '/api/v1/kb/articles', { kind: 'faq', title: '团购价目表', body: '企业团购的价格见附件。', submit: true });
    const id = created.body.id as string;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4130000000049454e44ae426082', 'hex');
    const upload = (token: string, type: string, bytes: Buffer, name = '价目表.png') => t.app.inject({
      method: 'POST', url: `/api/v1/kb/articles/${id}/attachments?name=${encodeURIComponent(name)}`, payload: bytes,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
    });
    expect((await upload(op, 'image/png', png)).statusCode).toBe(403);
    expect((await upload(lead, 'application/x-msdownload', png)).statusCode).toBe(415);
    const up = await upload(lead, 'image/png', png, '../../价目表.png');
    expect(up.statusCode).toBe(201);
    const [file] = JSON.parse(up.body).items;
    expect(file).toMatchObject({ fileName: '价目表.png', contentType: 'image/png', size: png.length, uploadedByName: '张敏' });
    const url = `/api/v1/kb/articles/${id}/attachments/${file.id}`;
    const get = (token: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await get(op)).statusCode).toBe(404); // in review: not for readers yet
    await t.request(mgr, 'POST', `/api/v1/kb/articles/${id}/review`, { version: 1, approve: true });
    const read = await get(op);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(png)).toBe(true);
    expect((await t.request(op, 'GET', `/api/v1/kb/articles/${id}`)).body.attachments).toMatchObject([{ id: file.id, fileName: '价目表.png' }]);
    expect((await t.request(op, 'DELETE', url)).status).toBe(403);
    expect((await t.request(lead, 'DELETE', url)).body).toEqual({ items: [] });
    expect((await get(op)).statusCode).toBe(404);
  });
});
