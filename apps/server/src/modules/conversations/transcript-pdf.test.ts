import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// The chat transcript as a PDF, kept on a work order as evidence (AUD-06).
// Needs a CJK font on the machine (fonts-noto-cjk, as CI installs it).

let t: TestApp;
let op: string;
beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  op = await t.login('operator');
});
afterAll(async () => { await t.close(); });

// an 8×8 orange PNG
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP438OAFWEXHbQSANXCYsHiPhRjAAAAAElFTkSuQmCC', 'base64');

/** the text a PDF's fonts map back to Unicode (their ToUnicode tables), as code points in hex */
function unicodeOf(pdf: Buffer): string {
  let out = '';
  const bin = pdf.toString('latin1');
  for (let at = bin.indexOf('stream'); at >= 0; at = bin.indexOf('stream', at + 6)) {
    const start = bin[at + 6] === '\r' ? at + 8 : at + 7;
    const end = bin.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      // not compressed, or an image
    }
    at = end;
  }
  return out.toLowerCase();
}
const hex = (s: string) => [...s].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');

async function chatWithTicket() {
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/public/chat/conversations', payload: { channel: 'website', name: '访客老赵', phone: '13766660042', message: '鲜牛奶有异味,批次 B20261201' } });
  const c = JSON.parse(start.body) as { conversationId: string; visitorToken: string };
  const up = await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${c.conversationId}/attachments?name=photo.png`,
    headers: { authorization: `Bearer ${c.visitorToken}`, 'content-type': 'image/png' }, payload: png });
  await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${c.conversationId}/messages`,
    headers: { authorization: `Bearer ${c.visitorToken}` }, payload: { attachmentIds: [JSON.parse(up.body).id] } });
  const me = (await t.request(op, 'GET', '/api/v1/me')).body;
  await t.request(op, 'PATCH', `/api/v1/conversations/${c.conversationId}`, { assigneeId: me.id });
  await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, { body: '已登记,明天上门换货' });
  const ticket = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/tickets`, {
    type: 'complaint', fields: { target: '鲜牛奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B20261201' },
  });
  expect(ticket.status).toBe(201);
  return { c, ticket: ticket.body as { id: string; number: string } };
}

describe('the transcript as a PDF', () => {
  it('is a PDF with the Chinese text in an embedded CJK font, and the photo', async () => {
    const { c, ticket } = await chatWithTicket();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${c.conversationId}/transcript?format=pdf`, headers: { authorization: `Bearer ${op}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // a system Noto CJK font, else the bundled Noto Sans Hans (npm: @embedpdf/fonts-sc)
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Noto(Sans|Serif)(CJK|Hans)/);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
    const text = unicodeOf(pdf);
    // every character of these is mapped back to Unicode, so it was drawn with the font's glyphs
    for (const ch of new Set('鲜牛奶有异味已登记明天上门换货聊天记录访客老赵')) expect(text, ch).toContain(hex(ch));
    expect(ticket.number).toMatch(/^GD/);
  });

  it('is kept on the work order as evidence: a note with the transcript and its PDF, for whoever sees the work order', async () => {
    const { c, ticket } = await chatWithTicket();
    const kept = await t.request(op, 'POST', `/api/v1/conversations/${c.conversationId}/evidence`, { ticketId: ticket.id });
    expect(kept.status).toBe(201);
    const notes = (await t.request(op, 'GET', `/api/v1/tickets/${ticket.id}/notes`)).body.items;
    const note = notes.find((n: { id: string }) => n.id === kept.body.noteId);
    expect(note.body).toContain('鲜牛奶有异味');
    expect(note.body).toContain('[图片] photo.png');
    expect(note.file).toMatchObject({ contentType: 'application/pdf', fileName: expect.stringMatching(/^聊天记录-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/) });
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/notes/${note.id}/file`, headers: { authorization: `Bearer ${op}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.length).toBe(note.file.size);
    // someone who may not see the work order gets 404, not the file
    const qc = await t.login('qc_manager');
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/notes/${note.id}/file`, headers: { authorization: `Bearer ${qc}` } });
    expect([403, 404]).toContain(refused.statusCode);
    // a note without a file has none to give
    const plain = await t.request(op, 'POST', `/api/v1/tickets/${ticket.id}/notes`, { body: '已电话联系客户' });
    expect(plain.body.file).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/notes/${plain.body.id}/file`, headers: { authorization: `Bearer ${op}` } })).statusCode).toBe(404);
  });
});
