import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Domain transfer (域名转出, CUS-10): approval is refused, saying what is
// missing, until the certificate signed by the customer's GM is uploaded and
// CS has confirmed by phone; approving marks the service transferred.

let t: TestApp;
let mgr: string;
let op: string;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp({}, { rules: false });
  [mgr, op] = await Promise.all([t.login('cs_manager'), t.login('operator')]);
  const customer = (await t.request(mgr, 'POST', '/api/v1/customers', { name: '云帆网络', phone: '13900003001' })).body.id;
  serviceId = (await t.request(mgr, 'POST', '/api/v1/customer-services', {
    customerId: customer, kind: 'domain', name: 'yunfan.cn', startsAt: '2026-01-01', expiresAt: '2026-12-31',
  })).body.id;
});
afterAll(async () => { await t.close(); });

const upload = (token: string, id: string, bytes: Buffer, type: string) => t.app.inject({
  method: 'POST', url: `/api/v1/transfer-requests/${id}/certificate?name=${encodeURIComponent('转出证明(总经理签字).pdf')}`,
  headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload: bytes,
});

describe('domain transfer requests (CUS-10)', () => {
  it('is approved only with the signed certificate and a confirmed phone call', async () => {
    const created = await t.request(mgr, 'POST', `/api/v1/customer-services/${serviceId}/transfer-requests`, { receivingParty: '阿里云账号 yunfan2027', note: '客户来电申请' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', missing: ['certificate', 'phone_confirmation'], certificate: null, phoneConfirmation: null });
    const id = created.body.id;
    expect((await t.request(mgr, 'POST', `/api/v1/customer-services/${serviceId}/transfer-requests`, {})).body.error.code).toBe('TRANSFER_PENDING');
    expect((await t.request(mgr, 'GET', `/api/v1/customer-services/${serviceId}`)).body.pendingTransferId).toBe(id);

    const refused = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TRANSFER_NOT_READY');
    expect(refused.body.error.message).toBe('转出申请还不能批准:缺少客户总经理签字的公司证明和客服电话确认(客户同意转出)');
    const inEnglish = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/approve`, undefined, { 'accept-language': 'en-US' });
    expect(inEnglish.body.error.message).toBe('The transfer cannot be approved yet: the certificate signed by the customer\'s general manager and a CS phone call in which the customer confirmed missing');

    expect((await upload(mgr, id, Buffer.from('MZ'), 'application/x-msdownload')).statusCode).toBe(415);
    expect((await upload(op, id, Buffer.from('%PDF-1.4 x'), 'application/pdf')).statusCode).toBe(403);
    const withFile = await upload(mgr, id, Buffer.from('%PDF-1.4 signed'), 'application/pdf');
    expect(withFile.statusCode, withFile.body).toBe(200);
    expect(JSON.parse(withFile.body)).toMatchObject({ missing: ['phone_confirmation'], certificate: { fileName: '转出证明(总经理签字).pdf', contentType: 'application/pdf', size: 15, uploadedByName: '陈刚' } });
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/transfer-requests/${id}/certificate`, headers: { authorization: `Bearer ${mgr}` } });
    expect([file.statusCode, file.body]).toEqual([200, '%PDF-1.4 signed']);
    const stillRefused = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/approve`);
    expect(stillRefused.body.error.message).toBe('转出申请还不能批准:缺少客服电话确认(客户同意转出)');

    // nobody answered: still not confirmed
    const unreachable = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/phone-confirmation`, { phone: '13900003001', calledAt: '2026-12-01T10:00:00+08:00', outcome: 'unreachable' });
    expect(unreachable.body.missing).toEqual(['phone_confirmation']);
    expect((await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/approve`)).status).toBe(409);
    const confirmed = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/phone-confirmation`, {
      phone: '13900003001', calledAt: '2026-12-01T15:30:00+08:00', outcome: 'confirmed', note: '王总确认转出',
    });
    expect(confirmed.body).toMatchObject({ missing: [], phoneConfirmation: { calledByName: '陈刚', phone: '13900003001', outcome: 'confirmed', note: '王总确认转出' } });

    expect((await t.request(op, 'POST', `/api/v1/transfer-requests/${id}/approve`)).status).toBe(403);
    const approved = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedByName: '陈刚' });
    expect((await t.request(mgr, 'GET', `/api/v1/customer-services/${serviceId}`)).body).toMatchObject({ status: 'transferred', pendingTransferId: null });
    expect((await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/approve`)).body.error.code).toBe('TRANSFER_NOT_PENDING');
    expect((await t.request(mgr, 'POST', `/api/v1/customer-services/${serviceId}/renew`, { expiresAt: '2027-12-31' })).body.error.code).toBe('SERVICE_NOT_LIVE');
  });

  it('is rejected only with a reason; owners see the requests of their services', async () => {
    const customer = (await t.request(mgr, 'POST', '/api/v1/customers', { name: '青禾农业', phone: '13900003002' })).body.id;
    const { users } = (await t.request(mgr, 'GET', '/api/v1/directory')).body;
    const opId = users.find((u: { displayName: string }) => u.displayName === '王丽').id;
    const service = (await t.request(mgr, 'POST', '/api/v1/customer-services', {
      customerId: customer, kind: 'domain', name: 'qinghe.cn', startsAt: '2026-01-01', expiresAt: '2026-12-31', ownerId: opId,
    })).body.id;
    const id = (await t.request(mgr, 'POST', `/api/v1/customer-services/${service}/transfer-requests`, {})).body.id;
    expect((await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/reject`, {})).body.error.code).toBe('TRANSFER_REJECT_REASON_REQUIRED');
    const rejected = await t.request(mgr, 'POST', `/api/v1/transfer-requests/${id}/reject`, { reason: '电话无法联系到总经理本人' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '电话无法联系到总经理本人' });
    const mine = await t.request(op, 'GET', '/api/v1/transfer-requests');
    expect(mine.body.items.map((r: { serviceName: string }) => r.serviceName)).toEqual(['qinghe.cn']);
    expect((await t.request(mgr, 'GET', '/api/v1/transfer-requests?status=approved')).body.items.map((r: { serviceName: string }) => r.serviceName)).toEqual(['yunfan.cn']);
  });
});
