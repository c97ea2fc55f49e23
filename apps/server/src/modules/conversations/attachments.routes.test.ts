import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Images and files in conversations: the limits an installation sets
// (KEFU_UPLOAD_MAX_MB, KEFU_UPLOAD_TYPES) answer 413 / 415 with an error the
// widget can show, and a visitor's token reaches its own conversation's files
// only.

let t: TestApp;
let op: string;
beforeAll(async () => {
  t = await createTestApp({ KEFU_UPLOAD_MAX_MB: '1', KEFU_UPLOAD_TYPES: 'image/png,image/jpeg' }, { rules: false });
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

// a 1×1 PNG
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const inject = (method: string, url: string, headers: Record<string, string>, payload?: Buffer | object) =>
  t.app.inject({ method: method as 'GET', url, headers: { origin: 'https://shop.example', ...headers }, payload })
    .then((r) => ({ status: r.statusCode, json: () => JSON.parse(r.body), raw: r.rawPayload, headers: r.headers }));

async function start(message: string) {
  const res = await inject('POST', '/api/v1/public/chat/conversations', {}, { channel: 'website', name: '访客小林', message });
  expect(res.status).toBe(201);
  return res.json() as { conversationId: string; visitorToken: string };
}
const upload = (c: { conversationId: string; visitorToken: string }, bytes: Buffer, type: string, name = 'photo.png', lang = 'zh-CN') =>
  inject('POST', `/api/v1/public/chat/conversations/${c.conversationId}/attachments?name=${encodeURIComponent(name)}`,
    { authorization: `Bearer ${c.visitorToken}`, 'content-type': type, 'accept-language': lang }, bytes);

describe('uploads from the widget', () => {
  it('tells the widget the limits with the channel', async () => {
    const ch = await inject('GET', '/api/v1/public/chat/channels/website', {});
    expect(ch.json().uploads).toEqual({ maxBytes: 1024 * 1024, types: ['image/png', 'image/jpeg'] });
  });

  it('refuses a file over KEFU_UPLOAD_MAX_MB with 413 and one of another type with 415, saying why in the visitor\'s language', async () => {
    const c = await start('照片太大了吗');
    const big = await upload(c, Buffer.alloc(1024 * 1024 + 1, 1), 'image/png');
    expect(big.status).toBe(413);
    expect(big.json().error).toEqual({ code: 'FILE_TOO_LARGE', message: '文件太大,不能超过 1 MB' });
    const bigEn = await upload(c, Buffer.alloc(1024 * 1024 + 1, 1), 'image/jpeg', 'a.jpg', 'en-US');
    expect(bigEn.json().error.message).toBe('The file is too large; at most 1 MB');

    // a type Kefu knows but this installation does not take, and one it never takes
    const pdf = await upload(c, Buffer.from('%PDF-1.4'), 'application/pdf', 'invoice.pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.json().error.code).toBe('UNSUPPORTED_FILE');
    const exe = await upload(c, Buffer.from('MZ'), 'application/x-msdownload', 'x.exe');
    expect(exe.status).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('不支持的文件类型') });

    // within the limits it is taken
    const ok = await upload(c, png, 'image/png');
    expect(ok.status).toBe(201);
  });

  it('lets a token reach only its own conversation\'s files (404 for the others)', async () => {
    const mine = await start('我的照片');
    const theirs = await start('别人的照片');
    const file = (await upload(mine, png, 'image/png', '鼓包.png')).json();
    const url = (conversationId: string) => `/api/v1/public/chat/conversations/${conversationId}/attachments/${file.id}`;

    const own = await inject('GET', url(mine.conversationId), { authorization: `Bearer ${mine.visitorToken}` });
    expect(own.status).toBe(200);
    expect(Buffer.compare(own.raw, png)).toBe(0);
    // their token on my conversation, their token on theirs asking for my file, no token, and uploading into mine with theirs
    expect((await inject('GET', url(mine.conversationId), { authorization: `Bearer ${theirs.visitorToken}` })).status).toBe(404);
    expect((await inject('GET', url(theirs.conversationId), { authorization: `Bearer ${theirs.visitorToken}` })).status).toBe(404);
    const anonymous = await inject('GET', url(mine.conversationId), {});
    expect(anonymous.status).toBe(404);
    expect(anonymous.json().error.code).toBe('NOT_FOUND');
    expect((await upload({ conversationId: mine.conversationId, visitorToken: theirs.visitorToken }, png, 'image/png')).status).toBe(404);
  });

  it('shows the agent the visitor\'s image, and the visitor the agent\'s', async () => {
    const c = await start('牛奶盒鼓包');
    const file = (await upload(c, png, 'image/png', '鼓包.png')).json();
    const sent = await inject('POST', `/api/v1/public/chat/conversations/${c.conversationId}/messages`,
      { authorization: `Bearer ${c.visitorToken}` }, { attachmentIds: [file.id], clientId: 'img-1' });
    expect(sent.status).toBe(201);
    const me = (await t.request(op, 'GET', '/api/v1/me')).body;
    await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.id });
    const seen = await t.request(op, 'GET', `/api/v1/conversations/${c.conversationId}`);
    expect(seen.body.messages.find((m: { clientId: string }) => m.clientId === 'img-1').attachments).toEqual([file]);

    const mine = await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${c.conversationId}/attachments?name=label.png`,
      headers: { authorization: `Bearer ${op}`, 'content-type': 'image/png' }, payload: png });
    expect(mine.statusCode).toBe(201);
    const big = await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${c.conversationId}/attachments?name=big.png`,
      headers: { authorization: `Bearer ${op}`, 'content-type': 'image/png' }, payload: Buffer.alloc(2 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    const reply = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '是这个批次标签吗?', attachmentIds: [JSON.parse(mine.body).id] });
    expect(reply.status).toBe(201);
    const visitorView = (await inject('GET', `/api/v1/public/chat/conversations/${c.conversationId}`, { authorization: `Bearer ${c.visitorToken}` })).json();
    const answer = visitorView.messages.at(-1);
    expect(answer).toMatchObject({ author: 'agent', body: '是这个批次标签吗?', attachments: [{ fileName: 'label.png', contentType: 'image/png' }] });
    const got = await inject('GET', `/api/v1/public/chat/conversations/${c.conversationId}/attachments/${answer.attachments[0].id}`, { authorization: `Bearer ${c.visitorToken}` });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
  });
});
